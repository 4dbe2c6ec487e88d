import {
  BillDocument,
  CreateRefundDocument,
  ReviewRefundsDocument,
  SyncRefundStatusDocument,
} from '../../schema/generated/graphql.js';
import { RecordCache } from '../../src/graphql/record-cache.js';
import type { BillRecord, RefundRecord } from '../../src/wire/index.js';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { RawClient, uniqueRefundNo } from '../support/sandbox.js';

describe('the record cache', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ server: { cacheTtlMs: 60_000 } });
  });
  afterAll(() => t.close());

  const billById = async (id: string) => dataOf(await t.run(BillDocument, { id })).bill!;

  it('answers a repeated bill(id) with its refunds without an upstream call', async () => {
    const { id } = await t.rest.bill();
    const before = t.upstreamRequests();
    const first = await billById(id);
    const again = await billById(id);
    expect(again).toEqual(first);
    // bill(id) once and Bill.refunds once: the second read is all cache.
    expect(t.upstreamRequests() - before).toBe(2);
  });

  it("drops a bill's refunds when the gateway creates one, so the next read lists it", async () => {
    const { id, billNo } = await t.rest.paidBill();
    await t.webhooksDelivered(billNo);
    expect((await billById(id)).refunds).toEqual([]);
    const refundNo = uniqueRefundNo();
    const { createRefund } = dataOf(
      await t.run(CreateRefundDocument, {
        input: { billNo, refundNo, refundFeeFen: 10, needApproval: true },
      }),
    );
    expect(createRefund.userErrors).toEqual([]);
    const listed = (await billById(id)).refunds!;
    expect(listed.map((refund) => [refund.refundNo, refund.state])).toEqual([[refundNo, 'PENDING']]);
  });

  it("drops a bill's refunds when the gateway denies a pre-refund, so the next read says DENIED", async () => {
    const { id, billNo } = await t.rest.paidBill();
    await t.webhooksDelivered(billNo);
    const { createRefund } = dataOf(
      await t.run(CreateRefundDocument, {
        input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 10, needApproval: true },
      }),
    );
    expect((await billById(id)).refunds!.map((refund) => refund.state)).toEqual(['PENDING']);
    const { reviewRefunds } = dataOf(
      await t.run(ReviewRefundsDocument, {
        input: { channel: 'UN', ids: [createRefund.refundId!], agree: false },
      }),
    );
    expect(reviewRefunds.outcomes.map((outcome) => outcome.ok)).toEqual([true]);
    expect((await billById(id)).refunds!.map((refund) => refund.state)).toEqual(['DENIED']);
  });

  it("drops a bill's refunds when a REFUND webhook arrives for a refund made by another client", async () => {
    const { id, billNo } = await t.rest.paidBill();
    await t.webhooksDelivered(billNo);
    expect((await billById(id)).refunds).toEqual([]);
    const refundNo = uniqueRefundNo();
    // Straight to BeeCloud with the master secret: the gateway hears of it only by webhook.
    const other = new RawClient(t.rest.baseUrl, t.rest.app);
    const answer = await other.call('createRefund', { bill_no: billNo, refund_no: refundNo, refund_fee: 10 });
    expect(answer.result_code).toBe(0);
    await t.webhooksDelivered(refundNo);
    const listed = (await billById(id)).refunds!;
    expect(listed.map((refund) => [refund.refundNo, refund.state])).toEqual([[refundNo, 'SUCCEEDED']]);
  });

  it('drops a bill when its PAY webhook arrives, so the next read sees it paid', async () => {
    const { id, billNo } = await t.rest.bill();
    expect((await billById(id)).paid).toBe(false);
    await t.rest.control('POST', `bills/${billNo}/pay`);
    await t.webhooksDelivered(billNo);
    expect((await billById(id)).paid).toBe(true);
  });

  it('drops a bill that the gateway refunds', async () => {
    const { id, billNo } = await t.rest.paidBill({ channel: 'UN_APP' });
    await t.webhooksDelivered(billNo);
    expect((await billById(id)).refunded).toBe(false);
    const refund = dataOf(
      await t.run(CreateRefundDocument, { input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 10 } }),
    ).createRefund;
    expect(refund.userErrors).toEqual([]);
    expect((await billById(id)).refunded).toBe(true);
  });

  it('drops bills when syncRefundStatus completes a WX refund (no webhook announces it)', async () => {
    const { id, billNo } = await t.rest.paidBill({ channel: 'WX_APP' });
    await t.webhooksDelivered(billNo);
    const refundNo = uniqueRefundNo();
    await t.run(CreateRefundDocument, { input: { billNo, refundNo, refundFeeFen: 10 } });
    expect((await billById(id)).refunded).toBe(false); // cached: the refund is still processing
    await t.rest.control('POST', `refunds/${refundNo}/settle`);
    const { syncRefundStatus } = dataOf(await t.run(SyncRefundStatusDocument, { channel: 'WX', refundNo }));
    expect(syncRefundStatus.status).toBe('SUCCESS');
    expect((await billById(id)).refunded).toBe(true);
  });

  it('refuses locally a refund larger than a bill it holds, with no upstream call', async () => {
    const { id, billNo } = await t.rest.paidBill({ total_fee: 500 });
    await t.webhooksDelivered(billNo);
    await billById(id); // now held
    const before = t.upstreamRequests();
    const { createRefund } = dataOf(
      await t.run(CreateRefundDocument, { input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 501 } }),
    );
    expect(createRefund.userErrors).toEqual([
      {
        code: 'REFUND_AMOUNT_TOO_LARGE',
        field: 'input.refundFeeFen',
        message: "refundFeeFen 501 exceeds the bill's total of 500 fen",
      },
    ]);
    expect(t.upstreamRequests()).toBe(before);
  });

  it('forgets a bill and its refunds after the TTL', async () => {
    const short = await startTestGateway({ server: { cacheTtlMs: 150 } });
    try {
      const { id } = await short.rest.bill();
      const query = { query: `{ bill(id: "${id}") { paid refunds { id } } }` };
      const ask = () =>
        fetch(short.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(query),
        });
      await ask();
      const before = short.upstreamRequests();
      await ask();
      expect(short.upstreamRequests()).toBe(before);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await ask();
      expect(short.upstreamRequests()).toBe(before + 2);
    } finally {
      await short.close();
    }
  });
});

describe('RecordCache', () => {
  const bill = (n: number, optional = '{}'): BillRecord =>
    ({
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      bill_no: `bill${n}`,
      title: 't',
      optional,
      message_detail: '{}',
    }) as BillRecord;
  const refund = (n: number): RefundRecord =>
    ({ id: `r${n}`, refund_no: `r${n}`, title: 't', optional: '{}', message_detail: '{}' }) as RefundRecord;

  it('does not store an answer fetched across an invalidation (a slow look-up cannot undo an event)', () => {
    const cache = new RecordCache(60_000);
    const stamp = cache.stamp();
    cache.invalidateBill({ billNo: 'bill1' }); // e.g. its PAY webhook, while the look-up was in flight
    cache.putBill(bill(1), stamp);
    cache.putRefundsOfBill('bill1', [refund(1)], stamp);
    expect(cache.billById(bill(1).id)).toBeUndefined();
    expect(cache.refundsOfBill('bill1')).toBeUndefined();
    const fresh = cache.stamp();
    cache.putBill(bill(1), fresh);
    cache.putRefundsOfBill('bill1', [refund(1)], fresh);
    expect(cache.billByNo('bill1')).toEqual(bill(1));
    expect(cache.refundsOfBill('bill1')).toEqual([refund(1)]);
  });

  it("drops a bill's refunds with the bill, whether named by id or bill_no", () => {
    const cache = new RecordCache(60_000);
    for (const target of [{ id: bill(1).id }, { billNo: 'bill1' }]) {
      cache.putBill(bill(1), cache.stamp());
      cache.putRefundsOfBill('bill1', [refund(1)], cache.stamp());
      cache.invalidateBill(target);
      expect(cache.billByNo('bill1')).toBeUndefined();
      expect(cache.refundsOfBill('bill1')).toBeUndefined();
    }
  });

  it('holds about CACHE_MAX_BYTES: large records push out the oldest, and one larger than the budget is not kept', () => {
    const big = 'x'.repeat(100_000);
    const cache = new RecordCache(60_000, { maxBytes: 400_000 }); // bills get 300,000
    for (let n = 1; n <= 3; n++) cache.putBill(bill(n, big), cache.stamp());
    expect(cache.billByNo('bill1')).toBeUndefined();
    expect(cache.billByNo('bill2')).toBeDefined();
    expect(cache.billByNo('bill3')).toBeDefined();
    cache.putBill(bill(4, 'x'.repeat(400_000)), cache.stamp());
    expect(cache.billByNo('bill4')).toBeUndefined();
    expect(cache.billByNo('bill3')).toBeDefined();
  });
});
