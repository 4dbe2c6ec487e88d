// A server-side backend-for-frontend with plain fetch: one API key per client group (each has its
// own rate budget), rate limits and the gateway's error codes handled.
// Run: API_KEY=<key> node examples/bff-fetch.mjs   (GATEWAY_KEY_WEB / GATEWAY_KEY_APP per group)
const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const KEYS = {
  web: process.env.GATEWAY_KEY_WEB ?? process.env.API_KEY,
  app: process.env.GATEWAY_KEY_APP ?? process.env.API_KEY,
};

async function gateway(group, query, variables) {
  const response = await fetch(GATEWAY_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS[group]}` },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 429)
    throw new Error(`rate limited; retry after ${response.headers.get('retry-after')} s`);
  const { data, errors } = await response.json();
  if (errors) throw new Error(`${errors[0].extensions?.code}: ${errors[0].message}`);
  return data;
}

const billNo = `bff${Date.now()}`;
const { createBill } = await gateway(
  'web',
  'mutation ($input: CreateBillInput!) { createBill(input: $input) { billId userErrors { code field message } } }',
  { input: { channel: 'UN_APP', billNo, totalFeeFen: 1200, title: 'BFF example' } },
);
// BeeCloud's refusals (a reused bill number, a missing field) come back as userErrors, not errors.
if (createBill.userErrors.length) throw new Error(createBill.userErrors.map((e) => e.message).join('; '));
const { bill } = await gateway('app', 'query ($billNo: String) { bill(billNo: $billNo) { status } }', {
  billNo,
});
console.log(billNo, bill.status);
