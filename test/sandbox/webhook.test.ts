import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devApp } from '../../src/sandbox/apps.js';
import { WEBHOOK_RETRY_OFFSETS_S } from '../../src/wire/index.js';
import { documentedLegacyWebhookSign, documentedWebhookSignature } from '../support/signatures.js';
import { eventually, startReceiver } from '../support/receiver.js';
import { RawClient, startTestSandbox, uniqueRefundNo, type Json } from '../support/sandbox.js';

const SPEEDUP = 100_000; // 2^17 s becomes 1.3 s

async function setUp(
  answer?: Parameters<typeof startReceiver>[0],
  options: { dbFile?: string; speedup?: number } = {},
) {
  const receiver = await startReceiver(answer);
  const app = devApp({ webhookUrl: receiver.url });
  const sandbox = await startTestSandbox({
    apps: [app],
    webhookSpeedup: options.speedup ?? SPEEDUP,
    dbFile: options.dbFile,
  });
  const client = new RawClient(sandbox.url, app);
  const log = async (transactionId: string) =>
    (await client.control('GET', `webhooks?transaction_id=${transactionId}`)).deliveries as Json[];
  return {
    receiver,
    sandbox,
    client,
    app,
    log,
    close: async () => {
      await sandbox.close();
      await receiver.close();
    },
  };
}

describe('webhooks', () => {
  it('sends a signed PAY webhook in the documented shape and logs its delivery', async () => {
    const t = await setUp();
    try {
      const { billNo } = await t.client.paidBill({
        channel: 'WX_JSAPI',
        openid: 'o-user-1',
        total_fee: 321,
        optional: { order: 'A-1', 数量: 2 },
      });
      const [request] = await eventually(() =>
        t.receiver.received.length ? t.receiver.received : undefined,
      );
      expect(request!.headers['content-type']).toBe('application/json');
      const body = JSON.parse(request!.body);
      expect(body).toEqual({
        signature: documentedWebhookSignature(
          t.app.appId,
          { transaction_id: billNo, transaction_type: 'PAY', channel_type: 'WX', transaction_fee: 321 },
          t.app.masterSecret,
        ),
        timestamp: expect.any(Number),
        channel_type: 'WX',
        sub_channel_type: 'WX_JSAPI',
        transaction_type: 'PAY',
        transaction_id: billNo,
        transaction_fee: 321,
        trade_success: true,
        message_detail: expect.objectContaining({
          out_trade_no: billNo,
          total_fee: 321,
          openid: 'o-user-1',
          result_code: 'SUCCESS',
        }),
        optional: { order: 'A-1', 数量: 2 },
        channel_transaction_id: expect.stringMatching(/^4200001\d{21}$/),
        // The legacy era's signature and camelCase twins (decisions.md).
        sign: documentedLegacyWebhookSign(t.app.appId, t.app.appSecret, body.timestamp as number),
        transactionId: billNo,
        transactionType: 'PAY',
        channelType: 'WX',
        transactionFee: 321,
        tradeSuccess: true,
        messageDetail: body.message_detail as object,
      });
      expect(String(body.timestamp)).toMatch(/^\d{13}$/);
      const [delivery] = await eventually(async () => {
        const log = await t.log(billNo);
        return log[0]?.state === 'delivered' ? log : undefined;
      });
      expect(delivery).toMatchObject({
        transaction_type: 'PAY',
        attempts: [{ attempt: 1, http_status: 200, outcome: 'success' }],
      });
    } finally {
      await t.close();
    }
  });

  it('is accepted by a receiver of each era: the legacy sign and camelCase, the current signature and snake_case', async () => {
    const t = await setUp();
    try {
      const { billNo } = await t.client.paidBill({ channel: 'ALI_APP', total_fee: 77 });
      const refundNo = uniqueRefundNo();
      await t.client.call('createRefund', { refund_no: refundNo, bill_no: billNo, refund_fee: 77 });
      await t.client.control('POST', `refunds/${refundNo}/confirm`);
      const bodies = await eventually(() => {
        const all = t.receiver.received.map((r) => JSON.parse(r.body) as Json);
        return all.length === 2 ? all : undefined;
      });
      // A receiver written in 2016: sign = md5(app_id + app_secret + timestamp), camelCase names.
      const legacy = (b: Json) =>
        b.sign === documentedLegacyWebhookSign(t.app.appId, t.app.appSecret, b.timestamp as number) &&
        b.tradeSuccess === true
          ? `${b.transactionType} ${b.transactionId} ${b.channelType} ${b.transactionFee}`
          : 'refused';
      // A receiver written since 2017: the signature binds the transaction, snake_case names.
      const current = (b: Json) =>
        b.signature === documentedWebhookSignature(t.app.appId, b as never, t.app.masterSecret) &&
        b.trade_success
          ? `${b.transaction_type} ${b.transaction_id} ${b.channel_type} ${b.transaction_fee}`
          : 'refused';
      const expected = [`PAY ${billNo} ALI 77`, `REFUND ${refundNo} ALI 77`];
      expect(bodies.map(legacy)).toEqual(expected);
      expect(bodies.map(current)).toEqual(expected);
    } finally {
      await t.close();
    }
  });

  it('resends until the answer is exactly "success"', async () => {
    const answers = [
      { body: 'ok' },
      { status: 500, body: 'success' },
      { body: 'SUCCESS' },
      { body: 'success\n' },
    ];
    const t = await setUp((n) => answers[n - 1] ?? { body: 'never reached' });
    try {
      const { billNo } = await t.client.paidBill();
      const [event] = await eventually(async () => {
        const log = await t.log(billNo);
        return log[0]?.state === 'delivered' ? log : undefined;
      });
      expect(event!.attempts.map((a: Json) => a.outcome)).toEqual([
        'answered "ok"',
        'answered "success"',
        'answered "SUCCESS"',
        'success',
      ]);
      // An HTTP 500 is a failure even with the right body.
      expect(t.receiver.received).toHaveLength(4);
    } finally {
      await t.close();
    }
  });

  it('retries 2, 4, … 2^17 s after the first attempt (sped up), then gives up after 18 attempts', async () => {
    const t = await setUp(() => ({ status: 503, body: 'busy' }));
    try {
      const { billNo } = await t.client.paidBill();
      const [event] = await eventually(async () => {
        const log = await t.log(billNo);
        return log[0]?.state === 'exhausted' ? log : undefined;
      }, 10_000);
      const attempts = event!.attempts as Json[];
      expect(attempts).toHaveLength(18);
      expect(t.receiver.received).toHaveLength(18);
      const first = attempts[0]!.at;
      WEBHOOK_RETRY_OFFSETS_S.forEach((offset, i) => {
        const due = (offset * 1000) / SPEEDUP;
        const actual = attempts[i + 1]!.at - first;
        expect(actual).toBeGreaterThanOrEqual(Math.floor(due) - 1);
        expect(actual).toBeLessThan(due + 500);
      });
      expect(attempts[17]!.outcome).toBe('answered "busy"');
    } finally {
      await t.close();
    }
  });

  it('sends REFUND webhooks for UN at once and for ALI on confirmation, none for WX or for a failed bill', async () => {
    const t = await setUp();
    try {
      const un = await t.client.paidBill({ channel: 'UN_APP', total_fee: 800 });
      const unRefundNo = uniqueRefundNo();
      await t.client.call('createRefund', {
        refund_no: unRefundNo,
        bill_no: un.billNo,
        refund_fee: 300,
        optional: { why: 'damaged' },
      });
      const refundHook = await eventually(() =>
        t.receiver.received.map((r) => JSON.parse(r.body)).find((b) => b.transaction_type === 'REFUND'),
      );
      expect(refundHook).toMatchObject({
        transaction_id: unRefundNo,
        transaction_fee: 300,
        channel_type: 'UN',
        optional: { why: 'damaged' },
        signature: documentedWebhookSignature(
          t.app.appId,
          {
            transaction_id: unRefundNo,
            transaction_type: 'REFUND',
            channel_type: 'UN',
            transaction_fee: 300,
          },
          t.app.masterSecret,
        ),
      });

      const ali = await t.client.paidBill({ channel: 'ALI_APP' });
      const aliRefundNo = uniqueRefundNo();
      await t.client.call('createRefund', { refund_no: aliRefundNo, bill_no: ali.billNo, refund_fee: 5 });
      const wx = await t.client.paidBill({ channel: 'WX_APP' });
      const wxRefundNo = uniqueRefundNo();
      await t.client.call('createRefund', { refund_no: wxRefundNo, bill_no: wx.billNo, refund_fee: 5 });
      await t.client.control('POST', `refunds/${wxRefundNo}/settle`);
      expect(
        (await t.client.call('refundStatus', { channel: 'WX', refund_no: wxRefundNo })).refund_status,
      ).toBe('SUCCESS');
      expect(await t.log(aliRefundNo)).toEqual([]);
      await t.client.control('POST', `refunds/${aliRefundNo}/confirm`);
      await eventually(async () => (await t.log(aliRefundNo))[0]?.state === 'delivered');

      const failed = await t.client.bill();
      await t.client.control('POST', `bills/${failed.billNo}/fail`);
      // A webhook is logged in the same transaction as the change that causes it: no wait needed.
      expect(await t.log(wxRefundNo)).toEqual([]);
      expect(await t.log(failed.billNo)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('resumes pending deliveries after a restart when state is in a file', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'bc-sandbox-')), 'state.db');
    const receiver = await startReceiver();
    const downUrl = `http://127.0.0.1:${receiver.port}/webhooks/beecloud`;
    await receiver.close(); // nothing listens: the first attempt fails
    const app = devApp({ webhookUrl: downUrl });
    const first = await startTestSandbox({ apps: [app], dbFile, webhookSpeedup: 4 });
    const client = new RawClient(first.url, app);
    const { billNo } = await client.paidBill();
    await eventually(
      async () => (await client.control('GET', 'webhooks')).deliveries[0]?.attempts.length === 1,
    );
    await first.close();

    const back = await startReceiver();
    const second = await startTestSandbox({
      apps: [devApp({ webhookUrl: back.url })],
      dbFile,
      webhookSpeedup: 4,
    });
    try {
      // The stored URL is used: the receiver that is back on a new port gets nothing...
      const secondClient = new RawClient(second.url, app);
      const [event] = await eventually(async () => {
        const log = (await secondClient.control('GET', `webhooks?transaction_id=${billNo}`))
          .deliveries as Json[];
        return log[0]?.attempts.length >= 2 ? log : undefined;
      });
      expect(event!.attempts[1].outcome).toMatch(/^failed: /);
      expect(event!.attempts[1].at - event!.attempts[0].at).toBeGreaterThanOrEqual(500 - 5);
      // ...and the bill itself survived the restart.
      expect((await secondClient.call('bills', { bill_no: billNo })).bills[0]).toMatchObject({
        spay_result: true,
      });
      expect(back.received).toHaveLength(0);
    } finally {
      await second.close();
      await back.close();
    }
  });
});
