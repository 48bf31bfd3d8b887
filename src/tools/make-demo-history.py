#!/usr/bin/env python3
"""Builds the demo project's bundled history, widget-history.txt.gz beside this script.

A throwaway git repository is written with `git fast-import` (fixed people, dates and contents, so the shas and the
output come out the same on every run), then read back with the command the text import expects:
    git log --numstat --pretty=fuller --no-renames --use-mailmap
It holds 3,000 commits by several people, one commit with a Co-authored-by trailer, a .mailmap that folds Carol's
old address into her current one, and a license change (MIT, then Apache-2.0 from 1 June 2023).
Usage: src/tools/make-demo-history.py   (needs git and gzip)
"""
import gzip
import os
import random
import subprocess
import tempfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources", "demo")
COMMITS = 3000
START = 1546300800            # 2019-01-01T00:00:00Z
LICENSE_CHANGE = 1685577600   # 2023-06-01T00:00:00Z
STEP = 70_000                 # about 19 hours between commits: 3,000 commits reach late 2025

PEOPLE = [
    ("Alice Example", "alice@demo.invalid", 30),
    ("Bob Builder", "bob@demo.invalid", 20),
    ("Carol Coder", "carol@demo.invalid", 15),
    ("Dave Developer", "dave@demo.invalid", 15),
    ("Erin Engineer", "erin@demo.invalid", 10),
    ("Frank Fixer", "frank@demo.invalid", 8),
    ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", 2),
]
CAROL_OLD = "carol@old.demo.invalid"
MAILMAP = "Carol Coder <carol@demo.invalid> <carol@old.demo.invalid>\n"
MIT = "MIT License\n\nCopyright (c) 2019 The Widget authors\n\nPermission is hereby granted, free of charge...\n"
APACHE = ("Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n\n"
          "Licensed under the Apache License, Version 2.0...\n")
FILES = ["src/widget/%s.py" % n for n in ("core", "render", "parse", "store", "cli", "net", "cache", "util",
                                           "config", "plugins", "events", "auth")] + ["docs/guide.md", "README.md"]


def main():
    rnd = random.Random(15)
    contents = {f: ["# %s\n" % f] for f in FILES}
    weights = [p[2] for p in PEOPLE]
    out = []

    def data(text):
        raw = text.encode("utf-8")
        out.append(b"data %d\n" % len(raw) + raw + b"\n")

    def commit(n, when, name, email, message, changes):
        out.append(b"commit refs/heads/main\nmark :%d\n" % n)
        out.append(("author %s <%s> %d +0000\n" % (name, email, when)).encode("utf-8"))
        out.append(("committer %s <%s> %d +0000\n" % (name, email, when + 60)).encode("utf-8"))
        data(message)
        if n > 1:
            out.append(b"from :%d\n" % (n - 1))
        for path, text in changes:
            out.append(("M 100644 inline %s\n" % path).encode("utf-8"))
            data(text)

    when = START
    commit(1, when, "Alice Example", "alice@demo.invalid", "Start the widget\n",
           [("LICENSE", MIT)] + [(f, "".join(contents[f])) for f in FILES])
    when += STEP
    commit(2, when, "Carol Coder", CAROL_OLD, "Add a .mailmap\n", [(".mailmap", MAILMAP)])
    licensed = False
    co_authored = False
    for n in range(3, COMMITS + 1):
        when += STEP
        if not licensed and when >= LICENSE_CHANGE:
            licensed = True
            commit(n, when, "Alice Example", "alice@demo.invalid", "Relicense under Apache-2.0\n",
                   [("LICENSE", APACHE)])
            continue
        name, email, _ = rnd.choices(PEOPLE, weights)[0]
        if email == "carol@demo.invalid" and when < LICENSE_CHANGE and rnd.random() < 0.5:
            email = CAROL_OLD  # before she changed jobs; the .mailmap folds it
        path = rnd.choice(FILES)
        lines = contents[path]
        if len(lines) > 3 and rnd.random() < 0.3:
            del lines[rnd.randrange(1, len(lines))]
        for _ in range(rnd.randint(1, 12)):
            lines.insert(rnd.randint(1, len(lines)), "value_%d = %d\n" % (n, rnd.randrange(1000)))
        message = "Improve %s (%d)\n" % (os.path.basename(path), n)
        if not co_authored and name == "Alice Example" and n > 100:
            co_authored = True
            message += "\nPaired on this.\n\nCo-authored-by: Bob Builder <bob@demo.invalid>\n"
        commit(n, when, name, email, message, [(path, "".join(lines))])

    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=work, TZ="UTC")
        subprocess.run(["git", "init", "-q", "-b", "main", work], check=True, env=env)
        subprocess.run(["git", "fast-import", "--quiet"], input=b"".join(out), cwd=work, check=True, env=env)
        subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=work, check=True, env=env)
        log = subprocess.run(["git", "log", "--numstat", "--pretty=fuller", "--no-renames", "--use-mailmap"],
                             cwd=work, check=True, env=env, stdout=subprocess.PIPE).stdout
    with open(os.path.join(HERE, "widget-history.txt.gz"), "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as z:
            z.write(log)
    print("%d commits, %d bytes of git log" % (COMMITS, len(log)))


if __name__ == "__main__":
    main()
