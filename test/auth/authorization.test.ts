import type { Scope } from '../../src/auth/principal.js';
import { KEYS, jwtFor, testAuthenticator } from '../support/auth.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/receiver.js';
import { uniqueBillNo, uniqueRefundNo } from '../support/sandbox.js';
import { subscribe } from '../support/subscriber.js';

let t: TestGateway;
let billId: string;
let refundId: string;
let billNo: string;
beforeAll(async () => {
  t = await startTestGateway({ server: { authenticator: testAuthenticator() } });
  const bill = await t.rest.paidBill({ channel: 'WX_APP' });
  billId = bill.id;
  billNo = bill.billNo;
  refundId = (
    await t.rest.call('createRefund', {
      refund_no: uniqueRefundNo(),
      bill_no: bill.billNo,
      refund_fee: 1,
      need_approval: true,
    })
  ).id;
  await t.webhooksDelivered(bill.billNo); // its look-up must not land inside a counted request
});
afterAll(() => t.close());

/** Each operation, built fresh (mutations need new numbers), with the scopes it needs. */
const OPERATIONS: Array<[name: string, query: () => string, needs: Scope[]]> = [
  ['bills', () => '{ bills { items { id } } }', ['bills:read']],
  ['billsCount', () => '{ billsCount }', ['bills:read']],
  ['bill', () => `{ bill(id: "${billId}") { id } }`, ['bills:read']],
  [
    'bill with refunds',
    () => `{ bill(id: "${billId}") { id refunds { id } } }`,
    ['bills:read', 'refunds:read'],
  ],
  ['refunds', () => '{ refunds { items { id } } }', ['refunds:read']],
  ['refundsCount', () => '{ refundsCount }', ['refunds:read']],
  ['refund', () => `{ refund(id: "${refundId}") { id } }`, ['refunds:read']],
  ['refunds with bills', () => '{ refunds { items { id bill { id } } } }', ['refunds:read', 'bills:read']],
  [
    'createBill',
    () =>
      `mutation { createBill(input: {channel: UN_APP, billNo: "${uniqueBillNo()}", totalFeeFen: 1, title: "t"}) { billId } }`,
    ['bills:create'],
  ],
  [
    'createRefund',
    () =>
      `mutation { createRefund(input: {billNo: "${uniqueBillNo()}", refundNo: "${uniqueRefundNo()}", refundFeeFen: 1}) { userErrors { code } } }`,
    ['refunds:create'],
  ],
  [
    'reviewRefunds',
    () => 'mutation { reviewRefunds(input: {channel: WX, ids: ["nope"], agree: false}) { outcomes { ok } } }',
    ['refunds:review'],
  ],
  ['reconciliation', () => `{ reconciliation(billId: "${billId}") { paid } }`, ['reports:read']],
  ['offlineBillStatus', () => `{ offlineBillStatus(billNo: "${billNo}") { paid } }`, ['bills:read']],
  [
    'createScanBill',
    () =>
      `mutation { createScanBill(input: {channel: WX_NATIVE, billNo: "${uniqueBillNo()}", totalFeeFen: 1, title: "t"}) { billId } }`,
    ['bills:create'],
  ],
  ['revertBill', () => `mutation { revertBill(billNo: "${uniqueBillNo()}") { revoked } }`, ['bills:create']],
  [
    'confirmExpressPayment',
    () =>
      `mutation { confirmExpressPayment(input: {billId: "${billId}", token: "t", verifyCode: "1"}) { billId } }`,
    ['bills:create'],
  ],
  [
    'createOfflineRefund',
    () =>
      `mutation { createOfflineRefund(input: {billNo: "${uniqueBillNo()}", refundNo: "${uniqueRefundNo()}", refundFeeFen: 1}) { refundId } }`,
    ['refunds:create'],
  ],
  [
    'syncRefundStatus',
    () => `mutation { syncRefundStatus(channel: WX, refundNo: "${uniqueRefundNo()}") { status } }`,
    ['refunds:read'],
  ],
];

const PRINCIPALS: Array<[name: string, headers: () => Promise<Record<string, string>>, scopes: Scope[]]> = [
  ['nobody', async () => ({}), []],
  [
    'read-only',
    async () => ({ authorization: `Bearer ${KEYS.readOnly.key}` }),
    ['bills:read', 'refunds:read'],
  ],
  ['creator', async () => ({ 'x-api-key': KEYS.creator.key }), ['bills:create']],
  ['refunder', async () => ({ authorization: `Bearer ${KEYS.refunder.key}` }), ['refunds:create']],
  ['reporter', async () => ({ 'x-api-key': KEYS.reporter.key }), ['reports:read']],
  [
    'reviewer (JWT)',
    async () => ({ authorization: `Bearer ${await jwtFor(['refunds:review'])}` }),
    ['refunds:review'],
  ],
];

const TABLE = PRINCIPALS.flatMap(([principal, headers, scopes]) =>
  OPERATIONS.map(([operation, query, needs]) => {
    const expected =
      scopes.length === 0
        ? 'UNAUTHENTICATED'
        : needs.every((scope) => scopes.includes(scope))
          ? 'OK'
          : 'FORBIDDEN';
    return { principal, operation, headers, query, expected };
  }),
);

describe('operation × principal', () => {
  it.each(TABLE)('$principal × $operation → $expected', async ({ headers, query, expected }) => {
    const before = t.upstreamRequests();
    const response = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await headers()) },
      body: JSON.stringify({ query: query() }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors?: Array<{ extensions: { code: string } }>;
    };
    if (expected === 'OK') {
      expect(body.errors).toBeUndefined();
      expect(response.status).toBe(200);
    } else {
      expect(body.errors?.[0]?.extensions.code).toBe(expected);
      expect(response.status).toBe(expected === 'UNAUTHENTICATED' ? 401 : 403);
      expect(body.data ?? null).toBeNull();
      expect(t.upstreamRequests()).toBe(before); // refused before any upstream call
    }
  });
});

describe('credentials', () => {
  const ask = async (headers: Record<string, string>) =>
    fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{"query":"{ billsCount }"}',
    });

  it.each([
    ['an unknown key', { authorization: 'Bearer bcg_read-only_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['a key of an unknown id', { 'x-api-key': 'bcg_ghost_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['a malformed header', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a garbage token', { authorization: 'Bearer not-a-token' }],
  ])('refuses %s with 401 UNAUTHENTICATED, without echoing it', async (_, headers) => {
    const response = await ask(headers);
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const value of Object.values(headers)) expect(text).not.toContain(value.split(' ').pop());
  });

  it('refuses expired, wrongly signed and unsigned JWTs', async () => {
    const expired = await jwtFor(['bills:read'], { expiresIn: '-1m' });
    const wrongSecret = await jwtFor(['bills:read'], {
      secret: 'another-secret-that-is-also-32-bytes-long!!',
    });
    const [header, payload] = (await jwtFor(['bills:read'])).split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    for (const token of [expired, wrongSecret, unsigned, `${header}.${payload}.`]) {
      expect((await ask({ authorization: `Bearer ${token}` })).status).toBe(401);
    }
    expect((await ask({ authorization: `Bearer ${await jwtFor(['bills:read'])}` })).status).toBe(200);
  });

  it('authorises subscriptions on connection and by scope', async () => {
    const query = `subscription { billUpdated(billNo: "${billNo}") { transactionId } }`;
    const anonymous = await subscribe(t.graphqlUrl, query).catch(
      (error: { event: { code: number } }) => error,
    );
    expect(anonymous).toMatchObject({ message: 'the server closed the connection', event: { code: 4403 } });
    const forged = await subscribe(
      t.graphqlUrl,
      query,
      {},
      { authorization: 'Bearer bcg_x_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    ).catch((e: Error) => e);
    expect(forged).toMatchObject({ event: { code: 4403 } });
    const creator = await subscribe(t.graphqlUrl, query, {}, { authorization: `Bearer ${KEYS.creator.key}` });
    try {
      await eventually(() => creator.errors.length > 0);
      expect(JSON.stringify(creator.errors)).toContain('FORBIDDEN');
    } finally {
      await creator.close();
    }
    // Readiness, not a sleep: a fresh bill is paid, and its event reaches the reader, error-free.
    const fresh = await t.rest.bill();
    const reader = await subscribe(
      t.graphqlUrl,
      `subscription { billUpdated(billNo: "${fresh.billNo}") { transactionId } }`,
      {},
      { authorization: `Bearer ${KEYS.readOnly.key}` },
    );
    try {
      await t.rest.control('POST', `bills/${fresh.billNo}/pay`);
      expect((await reader.next(1)).billUpdated).toEqual({ transactionId: fresh.billNo });
      expect(reader.errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });
});
