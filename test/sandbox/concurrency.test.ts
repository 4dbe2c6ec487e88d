import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  RawClient,
  startTestSandbox,
  useTestSandbox,
  uniqueBillNo,
  uniqueRefundNo,
} from '../support/sandbox.js';

describe('concurrency', () => {
  const ctx = useTestSandbox();

  it('creates one bill from 20 concurrent identical POST /bill', async () => {
    const request = { channel: 'UN_APP', total_fee: 100, bill_no: uniqueBillNo(), title: 'race' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => ctx.client.call('createBill', request)),
    );
    expect(new Set(answers.map((a) => a.result_code))).toEqual(new Set([0]));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect((await ctx.client.call('billsCount', { bill_no: request.bill_no })).count).toBe(1);
  });

  it('creates one bill when concurrent requests for one bill_no disagree; the others get 17', async () => {
    const billNo = uniqueBillNo();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.client.call('createBill', {
          channel: 'UN_APP',
          total_fee: 100 + (i % 2),
          bill_no: billNo,
          title: 'race',
        }),
      ),
    );
    const created = answers.filter((a) => a.result_code === 0);
    expect(new Set(created.map((a) => a.id)).size).toBe(1);
    expect(answers.every((a) => a.result_code === 0 || a.result_code === 17)).toBe(true);
    expect(answers.filter((a) => a.result_code === 17).length).toBe(10);
    expect((await ctx.client.call('billsCount', { bill_no: billNo })).count).toBe(1);
  });

  it('never refunds more than was paid under 20 concurrent refunds of one bill', async () => {
    const { billNo, id } = await ctx.client.paidBill({ total_fee: 1000 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        ctx.client.call('createRefund', { refund_no: uniqueRefundNo(), bill_no: billNo, refund_fee: 600 }),
      ),
    );
    expect(answers.filter((a) => a.result_code === 0)).toHaveLength(1);
    expect(answers.every((a) => [0, 11, 12].includes(a.result_code))).toBe(true);
    const { refunds } = await ctx.client.call('refunds', { bill_no: billNo });
    expect(refunds.filter((r: { result: boolean }) => r.result)).toHaveLength(1);
    expect((await ctx.client.call('billById', {}, { id })).pay.refund_result).toBe(true);
  });

  it('holds across two sandbox processes sharing one database file', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'bc-shared-')), 'state.db');
    const [a, b] = await Promise.all([startTestSandbox({ dbFile }), startTestSandbox({ dbFile })]);
    try {
      const clients = [new RawClient(a.url), new RawClient(b.url)];
      const request = { channel: 'UN_APP', total_fee: 100, bill_no: uniqueBillNo(), title: 'shared' };
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => clients[i % 2]!.call('createBill', request)),
      );
      expect(new Set(answers.map((x) => x.id)).size).toBe(1);
      await clients[0]!.control('POST', `bills/${request.bill_no}/pay`);
      const refunds = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          clients[i % 2]!.call('createRefund', {
            refund_no: uniqueRefundNo(),
            bill_no: request.bill_no,
            refund_fee: 100,
          }),
        ),
      );
      expect(refunds.filter((r) => r.result_code === 0)).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
