#!/usr/bin/env bash
# Sends a sample payload to a running Covenant as GitHub would: signed with the webhook secret.
#   webhooks/send.sh EVENT PAYLOAD.json [URL]
#   COVENANT_GITHUB_WEBHOOK_SECRET must hold the same secret the service uses.
# Example: COVENANT_GITHUB_WEBHOOK_SECRET=s3cret webhooks/send.sh pull_request webhooks/payloads/pull_request.opened.json
set -euo pipefail
event=${1:?usage: send.sh EVENT PAYLOAD.json [URL]}
payload=${2:?usage: send.sh EVENT PAYLOAD.json [URL]}
url=${3:-http://localhost:8080/github/webhook}
secret=${COVENANT_GITHUB_WEBHOOK_SECRET:?set COVENANT_GITHUB_WEBHOOK_SECRET}
signature="sha256=$(openssl dgst -sha256 -hmac "$secret" -binary "$payload" | od -An -vtx1 | tr -d ' \n')"
delivery=$(cat /proc/sys/kernel/random/uuid)
curl -sS -X POST "$url" \
  -H "Content-Type: application/json" \
  -H "User-Agent: GitHub-Hookshot/covenant-sample" \
  -H "X-GitHub-Event: $event" \
  -H "X-GitHub-Delivery: $delivery" \
  -H "X-Hub-Signature-256: $signature" \
  --data-binary "@$payload" -w '\nHTTP %{http_code}\n'
