#!/usr/bin/env bash
# Registers Covenant's GitHub App from webhooks/app-manifest.json with GitHub's manifest flow, in two steps:
#
#   COVENANT_PUBLIC_URL=https://cla.acme.org webhooks/create-app.sh form [ORG] > register-app.html
#       A page holding the manifest, its URLs pointed at COVENANT_PUBLIC_URL, that posts it to GitHub's "Register
#       a GitHub App" page of the organisation ORG (or of your personal account without ORG). Open it in a browser
#       signed in to GitHub, click the button, name the App, create it. GitHub then sends the browser to
#       COVENANT_PUBLIC_URL/?code=...&state=...: check that state is the one printed here and copy the code.
#
#   webhooks/create-app.sh exchange CODE [DIR]
#       Trades the code (valid for one hour, once) for the App's credentials (POST /app-manifests/CODE/conversions)
#       and writes into DIR (default: the current directory), readable by you alone: covenant-app.json (GitHub's
#       whole answer), covenant-app.pem (the private key) and covenant-github.env (COVENANT_GITHUB_APP_ID,
#       COVENANT_GITHUB_APP_PRIVATE_KEY, COVENANT_GITHUB_WEBHOOK_SECRET, COVENANT_GITHUB_CLIENT_ID and _SECRET).
#
# GitHub Enterprise Server: set COVENANT_GITHUB_WEB_URL (https://HOST) and COVENANT_GITHUB_API_URL
# (https://HOST/api/v3) as for the service. Needs bash, sed, curl and openssl.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
web=${COVENANT_GITHUB_WEB_URL:-https://github.com}
api=${COVENANT_GITHUB_API_URL:-https://api.github.com}
placeholder=https://covenant.example.org

usage() {
  echo "usage: create-app.sh form [ORG] > page.html   |   create-app.sh exchange CODE [DIR]" >&2
  exit 2
}

html_escape() {
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' -e "s/'/\&#39;/g"
}

form() {
  local public=${COVENANT_PUBLIC_URL:?set COVENANT_PUBLIC_URL to the public base URL of the service}
  public=${public%/}
  local target="${web%/}/settings/apps/new"
  if [ $# -gt 0 ]; then
    [[ $1 =~ ^[A-Za-z0-9-]+$ ]] || { echo "create-app.sh: not an organisation name: $1" >&2; exit 2; }
    target="${web%/}/organizations/$1/settings/apps/new"
  fi
  local state manifest
  state=$(openssl rand -hex 16)
  manifest=$(sed "s|$placeholder|$public|g" "$here/app-manifest.json" | tr '\n' ' ' | html_escape)
  cat <<EOF
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Register the Covenant GitHub App</title></head>
<body>
<h1>Register the Covenant GitHub App</h1>
<p>This sends Covenant's App manifest (webhook at $(printf '%s' "$public" | html_escape)/github/webhook) to
<code>$(printf '%s' "$target" | html_escape)</code>. GitHub asks for a name and creates the App, then returns you to
Covenant with a <code>code</code> in the address; pass it to <code>webhooks/create-app.sh exchange CODE</code>
within the hour.</p>
<form action="$(printf '%s' "$target" | html_escape)?state=$state" method="post">
<input type="hidden" name="manifest" value="$manifest">
<button type="submit">Register the GitHub App</button>
</form>
</body>
</html>
EOF
  echo "create-app.sh: state=$state (GitHub returns it beside the code; it must match)" >&2
}

# One string field of GitHub's answer. Only top-level keys that appear once are read this way; their values are
# plain strings (the PEM's line breaks are JSON escapes, not real ones).
field() {
  grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" "$2" | head -n 1 | sed 's/^[^:]*:[[:space:]]*"\(.*\)"$/\1/'
}

# The App's own id: the one "id" left once every nested object (owner, permissions) is folded away.
app_id() {
  tr -d '\n' <"$1" | sed -e ':a' -e 's/:[[:space:]]*{[^{}]*}/:null/g' -e 'ta' \
    | grep -o '"id"[[:space:]]*:[[:space:]]*[0-9]*' | head -n 1 | sed 's/.*:[[:space:]]*//'
}

exchange() {
  [ $# -ge 1 ] || usage
  local code=$1 dir=${2:-.}
  [[ $code =~ ^[A-Za-z0-9_-]+$ ]] || { echo "create-app.sh: not a manifest code: $code" >&2; exit 2; }
  umask 077
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local json="$dir/covenant-app.json" status
  status=$(curl -sS -o "$json" -w '%{http_code}' -X POST \
    -H "Accept: application/vnd.github+json" -H "X-GitHub-Api-Version: 2022-11-28" \
    "${api%/}/app-manifests/$code/conversions")
  if [ "$status" != 201 ]; then
    echo "create-app.sh: GitHub answered $status (a code works once, for an hour):" >&2
    cat "$json" >&2
    rm -f "$json"
    exit 1
  fi
  local id slug client_id client_secret webhook_secret pem
  id=$(app_id "$json")
  slug=$(field slug "$json")
  client_id=$(field client_id "$json")
  client_secret=$(field client_secret "$json")
  webhook_secret=$(field webhook_secret "$json")
  pem=$(field pem "$json")
  for v in id slug client_id client_secret webhook_secret pem; do
    [ -n "${!v}" ] || { echo "create-app.sh: no $v in GitHub's answer; see $json" >&2; exit 1; }
  done
  printf '%b' "$(printf '%s' "$pem" | sed 's|\\/|/|g')" >"$dir/covenant-app.pem"
  openssl pkey -in "$dir/covenant-app.pem" -noout 2>/dev/null \
    || { echo "create-app.sh: the private key in $json does not parse" >&2; exit 1; }
  cat >"$dir/covenant-github.env" <<EOF
COVENANT_GITHUB_APP_ID=$id
COVENANT_GITHUB_APP_PRIVATE_KEY=$dir/covenant-app.pem
COVENANT_GITHUB_WEBHOOK_SECRET=$webhook_secret
COVENANT_GITHUB_CLIENT_ID=$client_id
COVENANT_GITHUB_CLIENT_SECRET=$client_secret
EOF
  echo "Registered the GitHub App $slug (id $id). Written, readable by you alone:"
  echo "  $dir/covenant-github.env   the service's COVENANT_GITHUB_* settings"
  echo "  $dir/covenant-app.pem      the private key (GitHub shows it only this once)"
  echo "  $dir/covenant-app.json     GitHub's whole answer"
  echo "Start the service with them (set -a; . $dir/covenant-github.env; set +a), then install the App:"
  echo "  ${web%/}/apps/$slug/installations/new"
}

[ $# -ge 1 ] || usage
command=$1
shift
case $command in
  form) form "$@" ;;
  exchange) exchange "$@" ;;
  *) usage ;;
esac
