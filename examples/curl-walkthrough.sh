#!/usr/bin/env bash
# curl, step by step: create a bill, read it, pay it in the embedded sandbox, see it paid.
# Run: API_KEY=<key> bash examples/curl-walkthrough.sh   (SANDBOX_URL: default http://127.0.0.1:8080)
set -euo pipefail
GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:4000/graphql}"
SANDBOX_URL="${SANDBOX_URL:-http://127.0.0.1:8080}"
BILL_NO="curl$(date +%s)"
graphql() {
  curl -sS "$GATEWAY_URL" -H 'content-type: application/json' -H "authorization: Bearer $API_KEY" --data "$1"
  echo
}

echo '1. Create a WeChat QR bill of ¥8.88:'
graphql '{"query":"mutation { createBill(input: {channel: WX_NATIVE, billNo: \"'"$BILL_NO"'\", totalFeeFen: 888, title: \"curl\"}) { billId payload { ... on WxNativePayload { codeUrl } } userErrors { message } } }"}'

echo '2. Read it (OPEN: nobody paid yet):'
graphql '{"query":"{ bill(billNo: \"'"$BILL_NO"'\") { status total { formatted } } }"}'

echo '3. Pay it, as the shopper would, in the sandbox:'
curl -sS -X POST "$SANDBOX_URL/_sandbox/bills/$BILL_NO/pay" >/dev/null && echo 'paid in the sandbox'

echo '4. Read it again (PAID: the webhook reached the gateway):'
graphql '{"query":"{ bill(billNo: \"'"$BILL_NO"'\") { status } }"}'
