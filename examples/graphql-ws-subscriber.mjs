// A graphql-ws subscriber in Node: create a bill, then wait for BeeCloud's PAY event.
// Run: API_KEY=<key> node examples/graphql-ws-subscriber.mjs
import { createClient } from 'graphql-ws';
import WebSocket from 'ws'; // Node 20 has no global WebSocket

const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const headers = { 'content-type': 'application/json', authorization: `Bearer ${process.env.API_KEY}` };

// A bill to wait for (any shop would have one already).
const billNo = `ws${Date.now()}`;
const created = await fetch(GATEWAY_URL, {
  method: 'POST',
  headers,
  body: JSON.stringify({
    query: `mutation ($input: CreateBillInput!) { createBill(input: $input) { billId userErrors { message } } }`,
    variables: { input: { channel: 'WX_NATIVE', billNo, totalFeeFen: 888, title: 'graphql-ws example' } },
  }),
}).then((response) => response.json());
if (created.errors || created.data.createBill.userErrors.length) throw new Error(JSON.stringify(created));

const client = createClient({
  url: GATEWAY_URL.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  // The socket is authorised once, from these (an API key or a JWT): without them it is closed
  // with 4403; a JWT's socket is closed with 4401 when the token expires.
  connectionParams: { authorization: headers.authorization },
});
const query = 'subscription ($billNo: String) { billUpdated(billNo: $billNo) { type bill { status } } }';
await new Promise((resolve, reject) => {
  const stop = client.subscribe(
    { query, variables: { billNo } },
    {
      next: ({ data, errors }) => {
        if (errors) return reject(new Error(errors[0].message));
        if (data.billUpdated.type !== 'PAY') return;
        console.log('paid:', data.billUpdated.bill.status);
        stop();
        resolve();
      },
      error: reject,
      complete: resolve,
    },
  );
  console.log('waiting for', billNo);
});
await client.dispose();
