import {
  BillDocument,
  CreateRefundDocument,
  SyncRefundStatusDocument,
} from '../../schema/generated/graphql.js';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { uniqueRefundNo } from '../support/sandbox.js';

describe('the record cache', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ server: { cacheTtlMs: 60_000 } });
  });
  afterAll(() => t.close());

  const billById = async (id: string) => dataOf(await t.run(BillDocument, { id })).bill!;

  it('answers a repeated bill(id) without an upstream call', async () => {
    const { id } = await t.rest.bill();
    const before = t.upstreamRequests();
    const first = await billById(id);
    const again = await billById(id);
    expect(again).toEqual(first);
    // bill(id) once, and Bill.refunds (not cached) twice.
    expect(t.upstreamRequests() - before).toBe(3);
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

  it('forgets entries after the TTL', async () => {
    const short = await startTestGateway({ server: { cacheTtlMs: 150 } });
    try {
      const { id } = await short.rest.bill();
      const query = { query: `{ bill(id: "${id}") { paid } }` };
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
      expect(short.upstreamRequests()).toBe(before + 1);
    } finally {
      await short.close();
    }
  });
});
