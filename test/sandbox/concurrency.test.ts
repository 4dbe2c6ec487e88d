import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runNode } from '../support/process.js';
import { RawClient, useTestSandbox, uniqueBillNo, uniqueRefundNo } from '../support/sandbox.js';

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

  /**
   * Two real `npm run sandbox` processes (dist/sandbox/main.js) on one SQLite file. Each holds
   * a refund for 300 ms between its checks and its insert (the test-only
   * SANDBOX_TEST_WRITE_DELAY_MS seam), so the second request always arrives while the first is
   * between check and write: only the write lock (BEGIN IMMEDIATE) makes the second wait and
   * then see the first. Without it, both pass the checks (an over-refund) or the second fails
   * with 14 RUNTIME_ERROR; either fails this test.
   */
  it('holds across two sandbox processes sharing one database file', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'bc-shared-')), 'state.db');
    const start = async () => {
      const port = await freePort();
      const child = runNode('dist/sandbox/main.js', {
        SANDBOX_PORT: String(port),
        SANDBOX_DB_FILE: dbFile,
        SANDBOX_TEST_WRITE_DELAY_MS: '300',
      });
      await child.waitFor('listening');
      return { child, client: new RawClient(`http://127.0.0.1:${port}`) };
    };
    const a = await start();
    const b = await start();
    try {
      const { billNo } = await a.client.paidBill({ total_fee: 100 });
      const refund = (client: RawClient) =>
        client.call('createRefund', { refund_no: uniqueRefundNo(), bill_no: billNo, refund_fee: 100 });
      const answers = await Promise.all([refund(a.client), refund(b.client)]);
      const [won, lost] = answers.map((answer) => answer.result_code).sort((x, y) => x - y);
      expect(won).toBe(0);
      expect([11, 12]).toContain(lost); // ALREADY_REFUNDING or REFUND_AMOUNT_TOO_LARGE
      const { refunds } = await b.client.call('refunds', { bill_no: billNo });
      expect(refunds).toHaveLength(1);
    } finally {
      await Promise.all([a.child.stop(), b.child.stop()]);
    }
  }, 30_000);
});
