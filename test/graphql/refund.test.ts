import {
  BillDocument,
  CreateRefundDocument,
  RefundDocument,
  RefundsCountDocument,
  RefundsDocument,
  ReviewRefundsDocument,
  SyncRefundStatusDocument,
  type CreateRefundInput,
} from '../../schema/generated/graphql.js';
import { chinaDate } from '../../src/wire/index.js';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { uniqueRefundNo } from '../support/sandbox.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

const refundInput = (billNo: string, fields: Partial<CreateRefundInput> = {}): CreateRefundInput => ({
  billNo,
  refundNo: uniqueRefundNo(),
  refundFeeFen: 100,
  ...fields,
});
const createRefund = async (input: CreateRefundInput) =>
  dataOf(await t.run(CreateRefundDocument, { input })).createRefund;

describe('createRefund', () => {
  it('refunds a UN bill at once and returns the refund', async () => {
    const { billNo } = await t.rest.paidBill({ channel: 'UN_APP', total_fee: 1000 });
    const refund = await createRefund(
      refundInput(billNo, { refundFeeFen: 400, optional: { reason: 'broken' } }),
    );
    expect(refund.userErrors).toEqual([]);
    expect(refund.confirmationUrl).toBeNull();
    expect(refund.refund).toMatchObject({
      id: refund.refundId,
      billNo,
      refundFeeFen: 400,
      billTotalFeeFen: 1000,
      channel: 'UN_APP',
      family: 'UN',
      refundFee: { amount: 400, currency: 'CNY', formatted: '¥4.00' },
      finished: true,
      succeeded: true,
      state: 'SUCCEEDED',
      optional: { reason: 'broken' },
    });
  });

  it('is idempotent on refundNo with the same input', async () => {
    const { billNo } = await t.rest.paidBill();
    const input = refundInput(billNo);
    const first = await createRefund(input);
    const again = await createRefund(input);
    expect(again).toMatchObject({ refundId: first.refundId, userErrors: [] });
    expect(dataOf(await t.run(RefundsCountDocument, { filter: { billNo } })).refundsCount).toBe(1);
  });

  it('returns the ALI confirmation url and a pending refund', async () => {
    const { billNo } = await t.rest.paidBill({ channel: 'ALI_APP' });
    const refund = await createRefund(refundInput(billNo));
    expect(refund.confirmationUrl).toMatch(/\/_sandbox\/alipay\/refund-confirm\?ids=/);
    expect(refund.refund).toMatchObject({ finished: false, state: 'PENDING' });
  });

  it('reports every refund outcome BeeCloud can answer as a userError on the right field', async () => {
    const paid = await t.rest.paidBill({ channel: 'WX_APP', total_fee: 500 });
    const unpaid = await t.rest.bill();
    const cases: Array<[CreateRefundInput, string, string]> = [
      [refundInput('nosuchbill1'), 'NO_SUCH_BILL', 'input.billNo'],
      [refundInput(unpaid.billNo), 'BILL_UNSUCCESS', 'input.billNo'],
      [refundInput(paid.billNo, { refundFeeFen: 501 }), 'REFUND_AMOUNT_TOO_LARGE', 'input.refundFeeFen'],
      [refundInput(paid.billNo, { channel: 'ALI' }), 'PARAM_INVALID', 'input.channel'],
      [refundInput(paid.billNo, { refundNo: '20000101abc' }), 'PARAM_INVALID', 'input.refundNo'],
    ];
    for (const [input, code, field] of cases) {
      const refund = await createRefund(input);
      expect(refund).toMatchObject({ refundId: null, refund: null });
      expect(refund.userErrors).toEqual([{ code, field, message: expect.any(String) }]);
    }
    expect((await createRefund(refundInput(paid.billNo, { needApproval: true }))).userErrors).toEqual([]);
    expect(
      (await createRefund(refundInput(paid.billNo, { needApproval: true }))).userErrors[0],
    ).toMatchObject({ code: 'PREREFUND_DUPLICATE', field: 'input.billNo' });
    expect((await createRefund(refundInput(paid.billNo))).userErrors[0]).toMatchObject({
      code: 'ALREADY_REFUNDING',
      field: 'input.billNo',
    });
  });

  it('reports REFUND_EXCEED_TIME for an old bill', async () => {
    const { billNo } = await t.rest.paidBill();
    const { now } = await t.rest.control('POST', 'clock/advance', { ms: 400 * 86_400_000 });
    try {
      const refund = await createRefund(refundInput(billNo, { refundNo: `${chinaDate(now)}old1` }));
      expect(refund.userErrors[0]).toMatchObject({ code: 'REFUND_EXCEED_TIME', field: 'input.billNo' });
    } finally {
      await t.rest.control('POST', 'clock/reset');
    }
  });

  it('refuses malformed input locally without an upstream call', async () => {
    const before = t.upstreamRequests();
    for (const [fields, field] of [
      [{ refundNo: '2026' }, 'input.refundNo'],
      [{ refundNo: `${chinaDate(Date.now())}000` }, 'input.refundNo'],
      [{ refundFeeFen: 0 }, 'input.refundFeeFen'],
      [{ billNo: 'bad-no' }, 'input.billNo'],
    ] as const) {
      const refund = await createRefund(refundInput('validbill1', fields));
      expect(refund.userErrors[0]).toMatchObject({ code: 'PARAM_INVALID', field });
    }
    expect(t.upstreamRequests()).toBe(before);
  });
});

/** A well-formed refund id that names no refund. */
const UNKNOWN_REFUND_ID = '00000000-0000-4000-8000-000000000000';

describe('reviewRefunds and syncRefundStatus', () => {
  it('approves per id, with the ALI confirmation url, and reports failures per id', async () => {
    const ali = await t.rest.paidBill({ channel: 'ALI_WEB', return_url: 'https://shop.example.com/r' });
    const pre = await createRefund(refundInput(ali.billNo, { needApproval: true }));
    expect(pre.refund).toMatchObject({ state: 'PENDING' });
    const { reviewRefunds } = dataOf(
      await t.run(ReviewRefundsDocument, {
        input: { channel: 'ALI', ids: [pre.refundId!, UNKNOWN_REFUND_ID], agree: true },
      }),
    );
    expect(reviewRefunds.userErrors).toEqual([]);
    expect(reviewRefunds.outcomes).toEqual([
      { refundId: pre.refundId, code: 'APPROVED', ok: true, message: 'OK' },
      { refundId: UNKNOWN_REFUND_ID, code: 'FAILED', ok: false, message: 'NO_SUCH_REFUND' },
    ]);
    expect(reviewRefunds.confirmationUrl).toContain(pre.refundId);
  });

  it('denies pre-refunds', async () => {
    const { billNo } = await t.rest.paidBill({ channel: 'JD_WAP', return_url: 'https://shop.example.com/r' });
    const pre = await createRefund(refundInput(billNo, { needApproval: true }));
    const { reviewRefunds } = dataOf(
      await t.run(ReviewRefundsDocument, {
        input: { channel: 'JD', ids: [pre.refundId!], agree: false, denyReason: 'no' },
      }),
    );
    expect(reviewRefunds.outcomes[0]).toMatchObject({ ok: true });
    expect(dataOf(await t.run(RefundDocument, { id: pre.refundId! })).refund).toMatchObject({
      finished: true,
      succeeded: false,
      state: 'DENIED',
    });
    const needApproval = async (id: string) =>
      dataOf(
        await t.post<{ refund: { needApproval: boolean; state: string } }>(
          'query($id: ID!) { refund(id: $id) { needApproval state } }',
          { id },
        ),
      ).refund;
    expect(await needApproval(pre.refundId!)).toEqual({ needApproval: true, state: 'DENIED' });
    // A direct refund the provider failed is FAILED, not DENIED: its notification says so.
    const wx = await t.rest.paidBill({ channel: 'WX_NATIVE' });
    const direct = await createRefund(refundInput(wx.billNo));
    await t.rest.control('POST', `refunds/${direct.refund!.refundNo}/fail`);
    await t.run(SyncRefundStatusDocument, { channel: 'WX', refundNo: direct.refund!.refundNo });
    expect(await needApproval(direct.refundId!)).toEqual({ needApproval: false, state: 'FAILED' });
  });

  it('refuses an empty id list locally', async () => {
    const { reviewRefunds } = dataOf(
      await t.run(ReviewRefundsDocument, { input: { channel: 'WX', ids: [], agree: true } }),
    );
    expect(reviewRefunds.userErrors).toEqual([
      { code: 'MISS_PARAM', field: 'input.ids', message: 'ids must list at least one refund id' },
    ]);
  });

  it('syncs a WX refund: PROCESSING, then SUCCESS once the channel settled it', async () => {
    const { billNo } = await t.rest.paidBill({ channel: 'WX_NATIVE' });
    const input = refundInput(billNo);
    await createRefund(input);
    const sync = async () =>
      dataOf(await t.run(SyncRefundStatusDocument, { channel: 'WX', refundNo: input.refundNo }))
        .syncRefundStatus;
    expect(await sync()).toMatchObject({
      status: 'PROCESSING',
      refund: { state: 'PENDING' },
      userErrors: [],
    });
    await t.rest.control('POST', `refunds/${input.refundNo}/settle`);
    expect(await sync()).toMatchObject({
      status: 'SUCCESS',
      refund: { state: 'SUCCEEDED', succeeded: true },
      userErrors: [],
    });
    expect(
      dataOf(await t.run(BillDocument, { id: (await t.rest.call('bills', { bill_no: billNo })).bills[0].id }))
        .bill?.refunded,
    ).toBe(true);
  });

  it('reports an unknown refundNo as NO_SUCH_REFUND', async () => {
    const { syncRefundStatus } = dataOf(
      await t.run(SyncRefundStatusDocument, { channel: 'BD', refundNo: uniqueRefundNo() }),
    );
    expect(syncRefundStatus).toMatchObject({
      status: null,
      refund: null,
      userErrors: [{ code: 'NO_SUCH_REFUND', field: 'refundNo' }],
    });
  });
});

describe('refund queries and the DataLoader effect', () => {
  it('resolves 50 refunds over 10 distinct bills with one look-up per distinct bill', async () => {
    // 10 bills with 5 refunds each: four denied pre-refunds (denial frees the bill) and a fifth.
    const tag = `dl${Date.now()}`;
    const bills = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.rest.paidBill({ bill_no: `${tag}b${i}`, optional: { tag } })),
    );
    for (let round = 0; round < 5; round++) {
      const ids = await Promise.all(
        bills.map(
          async ({ billNo }) =>
            (await createRefund(refundInput(billNo, { needApproval: true, optional: { tag } }))).refundId!,
        ),
      );
      if (round < 4) await t.run(ReviewRefundsDocument, { input: { channel: 'UN', ids, agree: false } });
    }
    const before = t.upstreamRequests();
    const answer = dataOf(await t.run(RefundsDocument, { first: 50, filter: { billNo: null } }));
    const items = answer.refunds.nodes;
    expect(items).toHaveLength(50);
    expect(new Set(items.map((r) => r.bill?.billNo))).toEqual(new Set(bills.map((b) => b.billNo)));
    expect(items.every((r) => r.bill?.billNo === r.billNo)).toBe(true);
    // 1 list call + 1 hasNextPage probe + 10 bill look-ups.
    expect(t.upstreamRequests() - before).toBe(1 + 1 + 10);
  });

  it('fetches an id asked for twice in one operation once', async () => {
    const { id, billNo } = await t.rest.paidBill();
    await t.webhooksDelivered(billNo); // the gateway's own look-up for the PAY webhook is done
    const before = t.upstreamRequests();
    const response = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ a: bill(id: "${id}") { billNo } b: bill(id: "${id}") { title paid } }`,
      }),
    });
    const { data } = (await response.json()) as { data: { a: { billNo: string }; b: { paid: boolean } } };
    expect(data.b.paid).toBe(true);
    expect(t.upstreamRequests() - before).toBe(1);
  });

  it('filters refunds by needApproval, family and refundNo, and pages them', async () => {
    const { billNo } = await t.rest.paidBill({ channel: 'BD_APP' });
    const input = refundInput(billNo, { needApproval: true });
    await createRefund(input);
    const found = dataOf(
      await t.run(RefundsDocument, {
        filter: { refundNo: input.refundNo, needApproval: true, family: 'BD' },
        withTotal: true,
      }),
    ).refunds;
    expect(found.totalCount).toBe(1);
    expect(found.nodes[0]).toMatchObject({
      refundNo: input.refundNo,
      billNo,
      bill: { billNo, channel: 'BD_APP', family: 'BD' },
    });
    expect(
      dataOf(await t.run(RefundsDocument, { filter: { refundNo: input.refundNo, needApproval: false } }))
        .refunds.nodes,
    ).toHaveLength(0);
    const { refund } = dataOf(await t.run(RefundDocument, { id: found.nodes[0]!.id }));
    expect(refund).toMatchObject({ refundNo: input.refundNo, messageDetail: {} });
    expect(
      dataOf(await t.run(RefundDocument, { id: '00000000-0000-4000-8000-000000000000' })).refund,
    ).toBeNull();
    expect((await t.run(RefundDocument, { id: 'nope' })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
