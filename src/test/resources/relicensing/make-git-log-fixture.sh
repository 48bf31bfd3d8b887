#!/usr/bin/env bash
# Rebuilds git-log.txt (and git-log-sha256.txt) from throwaway repositories, with the real git CLI. The output is
# committed, not the repositories; dates and identities are fixed, so the shas come out the same every time.
#   usage: src/test/resources/relicensing/make-git-log-fixture.sh   (needs git >= 2.29 for sha256)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
LOG=(log --numstat --pretty=fuller --no-renames --use-mailmap)

export GIT_CONFIG_NOSYSTEM=1 HOME="$work" TZ=UTC
git config --global init.defaultBranch main
git config --global core.quotePath true

tick=1112911993
as() { # as <author name> <author email> <zone> -- git args...   (the committer is Grace unless COMMITTER is set)
    local name="$1" email="$2" zone="$3"; shift 4
    tick=$((tick + 3600))
    GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_AUTHOR_DATE="@$tick $zone" \
    GIT_COMMITTER_NAME="${COMMITTER_NAME:-Grace Hopper}" GIT_COMMITTER_EMAIL="${COMMITTER_EMAIL:-grace@example.org}" \
    GIT_COMMITTER_DATE="@$((tick + 60)) ${COMMITTER_ZONE:-+0000}" git "$@"
}

repo="$work/sha1"
git init -q "$repo" && cd "$repo"

printf 'Ada Lovelace <ada@example.org> <ada@old.example.org>\n' > .mailmap
printf 'hello\n' > README.md
mkdir src && printf 'class Main {\n  // one\n  // two\n}\n' > src/Main.java
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01' > logo.png
git add -A
as 'ada lovelace' 'ADA@old.example.org' -0700 -- commit -q -m 'Initial import

Mapped to Ada Lovelace through .mailmap.'

printf 'class Main {\n  // one, changed\n  // three\n  // four\n}\n' > src/Main.java
git add -A
as 'Grace Hopper' grace@example.org +0530 -- commit -q -m 'Pair on Main

Co-authored-by: Alan Turing <alan@example.org>
Co-authored-by: Octo Cat <583231+octocat@users.noreply.github.com>'

as 'Ada Lovelace' ada@example.org -0700 -- commit -q --allow-empty -m 'An empty commit, to trigger CI'

git mv src/Main.java src/App.java
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x02\x00' > logo.png
git add -A
as 'Ada Lovelace' ada@example.org -0700 -- commit -q -m 'Rename Main to App; new logo'

git checkout -q -b feature HEAD~1
printf 'draft\n' > "$(printf 'notes\tdraft.txt')"
mkdir docs && printf 'une\ndeux\n' > 'docs/naïve café.md' && printf 'x\n' > 'say "hi".txt'
git add -A
# Raw ISO-8859-1 bytes and no encoding header, as old tools wrote them: git log prints the bytes as they are.
# (git commit would repair them into UTF-8, so the commit object is written by hand.)
tick=$((tick + 3600))
commit=$( { printf 'tree %s\nparent %s\n' "$(git write-tree)" "$(git rev-parse HEAD)"
            printf 'author Jos\xe9 M\xfcller <jose@example.org> %s +0100\n' "$tick"
            printf 'committer Grace Hopper <grace@example.org> %s +0000\n\n' "$((tick + 60))"
            printf 'Caf\xe9 notes\n\n\tIndented by a tab.\n'; } | git hash-object -t commit -w --stdin)
git update-ref HEAD "$commit"

printf 'trois\n' >> 'docs/naïve café.md'
git add -A
# Declared ISO-8859-1 (an encoding header): git log re-encodes it to UTF-8.
as "$(printf 'Zo\xeb Ng')" zoe@example.org +0000 -- -c i18n.commitEncoding=ISO-8859-1 commit -q \
    -m "$(printf 'Na\xefve encoding header')"

git checkout -q main
COMMITTER_NAME='Ada Lovelace' COMMITTER_EMAIL=ada@example.org COMMITTER_ZONE=-0700 \
    as 'Ada Lovelace' ada@example.org -0700 -- merge -q --no-ff -m "Merge branch 'feature'" feature

printf 'bye\n' >> README.md && git add -A
as 'Grace Hopper' grace@example.org +0530 -- commit -q --allow-empty-message -m ''

git "${LOG[@]}" > "$here/git-log.txt"
git "${LOG[@]}" --reverse --all > "$here/git-log-reverse-all.txt"
cp .mailmap "$here/fixture.mailmap"

repo="$work/sha256"
git init -q --object-format=sha256 "$repo" && cd "$repo"
printf 'one\n' > a.txt && git add -A
as 'Ada Lovelace' ada@example.org -0700 -- commit -q -m 'First, in a sha256 repository'
git checkout -q -b side
printf 'two\n' > b.txt && git add -A
as 'Grace Hopper' grace@example.org +0530 -- commit -q -m 'Side'
git checkout -q main
printf 'three\n' >> a.txt && git add -A
as 'Ada Lovelace' ada@example.org -0700 -- commit -q -m 'Main moves on'
as 'Ada Lovelace' ada@example.org -0700 -- merge -q --no-ff -m 'Merge side' side
git "${LOG[@]}" > "$here/git-log-sha256.txt"
