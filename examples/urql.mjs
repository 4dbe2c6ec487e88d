// urql: create a bill, wait for it to be paid over graphql-ws, read it.
// Run: API_KEY=<key> node examples/urql.mjs
import { Client, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws'; // Node 20 has no global WebSocket; a browser needs no import

const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const headers = { authorization: `Bearer ${process.env.API_KEY}` };
const ws = createClient({
  url: GATEWAY_URL.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: headers,
});
const client = new Client({
  url: GATEWAY_URL,
  fetchOptions: { headers },
  // POST: the gateway's CSRF protection refuses a GET without an apollo-require-preflight header.
  preferGetMethod: false,
  exchanges: [
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({
          unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink),
        }),
      }),
    }),
  ],
});

const billNo = `urql${Date.now()}`;
const created = await client
  .mutation(
    gql`
      mutation ($input: CreateBillInput!) {
        createBill(input: $input) {
          billId
          userErrors {
            message
          }
        }
      }
    `,
    { input: { channel: 'WX_NATIVE', billNo, totalFeeFen: 500, title: 'urql example' } },
  )
  .toPromise();
if (created.error) throw created.error;

await new Promise((resolve) => {
  const { unsubscribe } = client
    .subscription(
      gql`
        subscription ($billNo: String) {
          billUpdated(billNo: $billNo) {
            type
          }
        }
      `,
      { billNo },
    )
    .subscribe((result) => {
      if (result.data?.billUpdated.type !== 'PAY') return;
      unsubscribe();
      resolve();
    });
  console.log('waiting for', billNo);
});

const result = await client
  .query(
    gql`
      query ($billNo: String) {
        bill(billNo: $billNo) {
          status
        }
      }
    `,
    { billNo },
  )
  .toPromise();
if (result.error) throw result.error;
console.log(result.data.bill.status);
await ws.dispose();
