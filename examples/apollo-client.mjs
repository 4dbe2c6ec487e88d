// Apollo Client in Node: a mutation, a subscription over graphql-ws, a query, persisted queries.
// Run: API_KEY=<key> node examples/apollo-client.mjs
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws'; // Node 20 has no global WebSocket; a browser needs no import

const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const headers = { authorization: `Bearer ${process.env.API_KEY}` };

// Queries by hash (automatic persisted queries), subscriptions over graphql-ws.
const sha256 = async (text) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
const http = new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: GATEWAY_URL, headers }));
const ws = new GraphQLWsLink(
  createClient({
    url: GATEWAY_URL.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: headers,
  }),
);
const isSubscription = ({ query }) => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
};
const client = new ApolloClient({
  link: ApolloLink.split(isSubscription, ws, http),
  cache: new InMemoryCache(),
});

// 1. A mutation: the bill, and what the customer does next (a QR code for WX_NATIVE).
const billNo = `apollo${Date.now()}`;
const { data: created } = await client.mutate({
  mutation: gql`
    mutation Checkout($input: CreateBillInput!) {
      createBill(input: $input) {
        billId
        payload {
          __typename
          ... on WxNativePayload {
            codeUrl
          }
        }
        userErrors {
          field
          message
        }
      }
    }
  `,
  variables: { input: { channel: 'WX_NATIVE', billNo, totalFeeFen: 1999, title: 'Apollo example' } },
});
if (created.createBill.userErrors.length) throw new Error(created.createBill.userErrors[0].message);
console.log('show this as a QR code:', created.createBill.payload.codeUrl);

// 2. A subscription: BeeCloud's PAY event, live.
await new Promise((resolve, reject) => {
  const subscription = client
    .subscribe({
      query: gql`
        subscription Paid($billNo: String) {
          billUpdated(billNo: $billNo) {
            type
            bill {
              status
            }
          }
        }
      `,
      variables: { billNo },
    })
    .subscribe({
      next: ({ data }) => {
        if (data?.billUpdated.type !== 'PAY') return;
        subscription.unsubscribe();
        resolve();
      },
      error: reject,
    });
  console.log('waiting for', billNo);
});

// 3. A query: the bill as BeeCloud has it now.
const { data } = await client.query({
  query: gql`
    query Receipt($billNo: String) {
      bill(billNo: $billNo) {
        id
        status
        total {
          formatted
        }
      }
    }
  `,
  variables: { billNo },
  fetchPolicy: 'network-only',
});
console.log(data.bill.status, data.bill.total.formatted);
client.stop();
