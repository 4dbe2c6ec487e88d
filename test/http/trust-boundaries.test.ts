import { KEYS, testAuthenticator } from '../support/auth.js';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/receiver.js';
import { uniqueBillNo, uniqueRefundNo, type Json } from '../support/sandbox.js';
import { subscribe } from '../support/subscriber.js';

/**
 * The trust-boundary issue's paths, each over real HTTP or a real WebSocket: scopes hold on
 * event fields, money paths end in states something can leave, ids are checked before
 * anything moves, and what a key may not read stays unread.
 */
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ server: { authenticator: testAuthenticator() } });
});
afterAll(() => t.close());

const bearer = (key: { key: string }) => ({ authorization: `Bearer ${key.key}` });
const post = async (
  query: string,
  variables: Json = {},
  headers: Record<string, string> = bearer(KEYS.everything),
) => {
  const response = await fetch(t.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer<Json>, 'status'>) };
};
const CREATE_REFUND =
  'mutation($input: CreateRefundInput!) { createRefund(input: $input) { refundId userErrors { code field message } } }';

describe('scopes on every path', () => {
  it('lets no bills:read key read a refund, and no refunds:read key a bill, through an event', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [
        bearer(KEYS.readOnlyBills),
        'subscription { billUpdated(billNo: "bill00000001") { type refund { id optional } } }',
      ],
      [
        bearer(KEYS.readOnlyRefunds),
        'subscription { refundUpdated(refundNo: "20260101abc") { type bill { title tradeNo } } }',
      ],
    ];
    for (const [params, query] of cases) {
      const sub = await subscribe(t.graphqlUrl, query, {}, params);
      try {
        await eventually(() => sub.errors.length > 0);
        expect(JSON.stringify(sub.errors)).toContain('FORBIDDEN');
      } finally {
        await sub.close();
      }
    }
    // With the scope, the same field is served (for a bill that exists: an unknown one is NOT_FOUND).
    const { billNo } = await t.rest.bill();
    const sub = await subscribe(
      t.graphqlUrl,
      `subscription { billUpdated(billNo: "${billNo}") { type refund { id } } }`,
      {},
      bearer(KEYS.readOnly),
    );
    await sub.close();
    expect(sub.errors).toEqual([]);
  });

  it('lets a refunds:create-only key create refunds, but not read them or learn the bill from a refusal', async () => {
    const { billNo } = await t.rest.paidBill({ channel: 'UN_APP', total_fee: 500 });
    const withRead = await post(
      'mutation($input: CreateRefundInput!) { createRefund(input: $input) { refund { id } } }',
      {
        input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 1 },
      },
      bearer(KEYS.refunder),
    );
    expect(withRead.status).toBe(403);
    const tooMuch = await post(
      CREATE_REFUND,
      { input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 999 } },
      bearer(KEYS.refunder),
    );
    expect(tooMuch.data?.createRefund.userErrors).toEqual([
      {
        code: 'REFUND_AMOUNT_TOO_LARGE',
        field: 'input.refundFeeFen',
        message: 'refundFeeFen exceeds what the bill can still refund',
      },
    ]);
    expect(JSON.stringify(tooMuch)).not.toContain('500');
    const everything = await post(CREATE_REFUND, {
      input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 999 },
    });
    expect(everything.data?.createRefund.userErrors[0].message).toContain('500'); // bills:read sees the detail
  });
});

describe('money paths that end somewhere', () => {
  it('refuses a PAYPAL pre-refund up front, and refunds a PAYPAL bill directly', async () => {
    const { billNo } = await t.rest.paidBill({ channel: 'PAYPAL_SANDBOX', total_fee: 300 });
    const pre = await post(CREATE_REFUND, {
      input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 100, needApproval: true },
    });
    expect(pre.data?.createRefund).toMatchObject({
      refundId: null,
      userErrors: [{ code: 'CHANNEL_INVALID', field: 'input.needApproval' }],
    });
    expect((await t.rest.call('refunds', { bill_no: billNo })).refunds).toEqual([]);
    const direct = await post(CREATE_REFUND, {
      input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 100 },
    });
    expect(direct.data?.createRefund.userErrors).toEqual([]);
    expect(direct.data?.createRefund.refundId).toEqual(expect.any(String));
  });

  it('checks every id of reviewRefunds before anything moves, and answers one coded outcome per id', async () => {
    const { billNo } = await t.rest.paidBill({ channel: 'UN_APP', total_fee: 200 });
    const created = await post(
      'mutation($input: CreateRefundInput!) { createRefund(input: $input) { refundId } }',
      { input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 50, needApproval: true } },
    );
    const real = created.data!.createRefund.refundId as string;
    const review = (ids: string[]) =>
      post(
        'mutation($input: ReviewRefundsInput!) { reviewRefunds(input: $input) { outcomes { refundId code ok message } userErrors { code field } } }',
        { input: { channel: 'UN', ids, agree: true } },
      );
    const refused = await review([real, '__proto__']);
    expect(refused.errors).toBeUndefined();
    expect(refused.data?.reviewRefunds).toEqual({
      outcomes: [
        { refundId: real, code: 'NOT_REVIEWED', ok: false, message: 'not reviewed: the request was refused' },
        { refundId: '__proto__', code: 'INVALID_ID', ok: false, message: 'not a refund id (a UUID)' },
      ],
      userErrors: [{ code: 'PARAM_INVALID', field: 'input.ids[1]' }],
    });
    const [record] = (await t.rest.call('refunds', { bill_no: billNo })).refunds;
    expect(record).toMatchObject({ finish: false, result: false }); // still awaiting review: nothing moved
    const unknown = '00000000-0000-4000-8000-000000000000';
    const approved = await review([real, unknown]);
    expect(approved.data?.reviewRefunds.outcomes).toEqual([
      { refundId: real, code: 'APPROVED', ok: true, message: 'OK' },
      { refundId: unknown, code: 'FAILED', ok: false, message: expect.any(String) },
    ]);
  });

  it('publishes a REFUND event when syncRefundStatus settles a WX refund, once', async () => {
    const { billNo } = await t.rest.paidBill({ channel: 'WX_APP', total_fee: 100 });
    const refundNo = uniqueRefundNo();
    await t.rest.call('createRefund', { refund_no: refundNo, bill_no: billNo, refund_fee: 100 });
    const sub = await subscribe(
      t.graphqlUrl,
      `subscription { refundUpdated(refundNo: "${refundNo}") { type transactionId tradeSuccess refund { finished succeeded } } }`,
      {},
      bearer(KEYS.everything),
    );
    try {
      await t.rest.control('POST', `refunds/${refundNo}/settle`);
      const sync = `mutation { syncRefundStatus(channel: WX, refundNo: "${refundNo}") { status userErrors { code } } }`;
      expect((await post(sync)).data?.syncRefundStatus).toEqual({ status: 'SUCCESS', userErrors: [] });
      expect((await sub.next(1)).refundUpdated).toEqual({
        type: 'REFUND',
        transactionId: refundNo,
        tradeSuccess: true,
        refund: { finished: true, succeeded: true },
      });
      await post(sync); // a second sync finds it settled again: published once only
      const marker = await subscribe(
        t.graphqlUrl,
        'subscription { paymentEvents { transactionId } }',
        {},
        bearer(KEYS.everything),
      );
      try {
        const other = await t.rest.paidBill({ channel: 'UN_APP', total_fee: 1 });
        await eventually(() => marker.received.some((e) => e.paymentEvents.transactionId === other.billNo));
        expect(sub.received).toHaveLength(1);
      } finally {
        await marker.close();
      }
    } finally {
      await sub.close();
    }
  });
});

describe('requests that must not reach upstream or crash', () => {
  it('refuses ids that cannot name a record (BAD_USER_INPUT, the id clipped), without an upstream call', async () => {
    const before = t.upstreamRequests();
    for (const id of ['..', '.', '%2e%2e', '../bills', '\ud800', 'x'.repeat(100)]) {
      const answer = await post('query($id: ID!) { bill(id: $id) { id } refund(id: $id) { id } }', { id });
      expect([id, answer.status, answer.data]).toEqual([id, 200, { bill: null, refund: null }]);
      expect([id, answer.errors?.map((e) => e.extensions?.code)]).toEqual([
        id,
        ['BAD_USER_INPUT', 'BAD_USER_INPUT'],
      ]);
      // Named back to the caller, but never more than 40 characters of it.
      for (const error of answer.errors ?? []) expect(error.message.length).toBeLessThan(140);
    }
    expect(t.upstreamRequests()).toBe(before);
  });

  it('answers a subscription sent over HTTP with 400, naming the WebSocket endpoint', async () => {
    const answer = await post('subscription { paymentEvents { type } }');
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_REQUEST' },
      message: expect.stringContaining('WebSocket'),
    });
    expect(t.logMessages().filter((message) => message === 'unexpected error')).toEqual([]);
  });

  it('serves the explorer init script (the development key) to no other site', async () => {
    const url = `${t.gateway.url}/graphql/explorer/init.js`;
    const own = await fetch(url, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(200);
    expect(own.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await fetch(url, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('returns the original bill for a retry that differs only outside channel, amount and title', async () => {
    const billNo = uniqueBillNo();
    const create = (input: Json) =>
      post(
        'mutation($input: CreateBillInput!) { createBill(input: $input) { billId userErrors { code } } }',
        {
          input: { channel: 'UN_APP', billNo, totalFeeFen: 10, title: 'tea', ...input },
        },
      );
    const first = (await create({ optional: { a: 1 } })).data?.createBill;
    const retry = (await create({ optional: { a: 2 }, billTimeoutSeconds: 60 })).data?.createBill;
    expect(retry).toEqual({ billId: first.billId, userErrors: [] });
    expect(JSON.parse((await t.rest.call('bills', { bill_no: billNo })).bills[0].optional)).toEqual({ a: 1 }); // ignored, not applied
    expect((await create({ totalFeeFen: 11 })).data?.createBill.userErrors).toEqual([
      { code: 'BILL_NO_DUPLICATE' },
    ]);
    const { billNo: paid } = await t.rest.paidBill({ channel: 'UN_APP', total_fee: 100 });
    const refundNo = uniqueRefundNo();
    const refund = (input: Json) =>
      post(CREATE_REFUND, { input: { billNo: paid, refundNo, refundFeeFen: 10, ...input } });
    const original = (await refund({})).data?.createRefund.refundId;
    expect((await refund({ needApproval: true })).data?.createRefund).toMatchObject({
      refundId: original,
      userErrors: [],
    });
    expect((await refund({ refundFeeFen: 11 })).data?.createRefund.userErrors[0].code).toBe('PARAM_INVALID');
  });
});
