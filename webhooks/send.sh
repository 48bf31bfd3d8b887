#!/usr/bin/env bash
# Sends sample payloads to a running Covenant as GitHub would: signed with the webhook secret, each with a fresh
# X-GitHub-Delivery id.
#   webhooks/send.sh PAYLOAD.json|DIRECTORY... [URL]   the event is the file name up to its first dot
#                                                       (pull_request.opened.json is a pull_request event)
#   webhooks/send.sh EVENT PAYLOAD.json [URL]          one file, event named
# URL defaults to http://localhost:8080/github/webhook. COVENANT_GITHUB_WEBHOOK_SECRET must hold the service's secret.
# Prints one line per file: HTTP status, event, file, the service's answer. Exits 1 if any answer was not 2xx.
# Examples:
#   COVENANT_GITHUB_WEBHOOK_SECRET=s3cret webhooks/send.sh webhooks/payloads
#   COVENANT_GITHUB_WEBHOOK_SECRET=s3cret webhooks/send.sh pull_request webhooks/payloads/pull_request.opened.json
set -euo pipefail

usage() {
  echo "usage: send.sh PAYLOAD.json|DIRECTORY... [URL]  or  send.sh EVENT PAYLOAD.json [URL]" >&2
  exit 2
}

url=http://localhost:8080/github/webhook
[ $# -gt 0 ] || usage
args=("$@")
case ${args[$#-1]} in
  http://* | https://*) url=${args[$#-1]}; args=("${args[@]:0:$#-1}") ;;
esac
[ ${#args[@]} -gt 0 ] || usage
secret=${COVENANT_GITHUB_WEBHOOK_SECRET:?set COVENANT_GITHUB_WEBHOOK_SECRET to the webhook secret the service uses}

# The older form, EVENT FILE: the first word is an event name, not a path.
event_given=
if [ ${#args[@]} -eq 2 ] && [ ! -e "${args[0]}" ] && [[ ${args[0]} =~ ^[a-z_]+$ ]]; then
  event_given=${args[0]}
  args=("${args[1]}")
fi

files=()
for arg in "${args[@]}"; do
  if [ -d "$arg" ]; then
    found=0
    while IFS= read -r f; do files+=("$f"); found=1; done < <(LC_ALL=C ls -1 "$arg" | grep '\.json$' | sed "s|^|${arg%/}/|")
    [ $found = 1 ] || { echo "send.sh: no .json files in $arg" >&2; exit 2; }
  elif [ -f "$arg" ]; then
    files+=("$arg")
  else
    echo "send.sh: no such file or directory: $arg" >&2
    exit 2
  fi
done

delivery_id() {
  if [ -r /proc/sys/kernel/random/uuid ]; then
    cat /proc/sys/kernel/random/uuid
  else
    local h
    h=$(openssl rand -hex 16)
    printf '%s-%s-4%s-a%s-%s\n' "${h:0:8}" "${h:8:4}" "${h:13:3}" "${h:17:3}" "${h:20:12}"
  fi
}

answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
failures=0
for file in "${files[@]}"; do
  name=$(basename "$file")
  event=${event_given:-${name%%.*}}
  signature="sha256=$(openssl dgst -sha256 -hmac "$secret" -binary "$file" | od -An -vtx1 | tr -d ' \n')"
  : >"$answer"
  status=$(curl -sS -o "$answer" -w '%{http_code}' -X POST "$url" \
    -H "Content-Type: application/json" \
    -H "User-Agent: GitHub-Hookshot/covenant-sample" \
    -H "X-GitHub-Event: $event" \
    -H "X-GitHub-Delivery: $(delivery_id)" \
    -H "X-Hub-Signature-256: $signature" \
    --data-binary "@$file") || status=000
  printf 'HTTP %s  %-26s %s  %s\n' "$status" "$event" "$file" "$(tr -d '\n' <"$answer")"
  case $status in
    2??) ;;
    *) failures=$((failures + 1)) ;;
  esac
done
if [ $failures -gt 0 ]; then
  echo "send.sh: $failures of ${#files[@]} deliveries were not accepted" >&2
  exit 1
fi
