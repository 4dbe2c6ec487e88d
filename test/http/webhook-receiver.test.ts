import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBillDocument, CreateRefundDocument } from '../../schema/generated/graphql.js';
import type { WebhookBody } from '../../src/wire/index.js';
import { TOPICS } from '../../src/events/payment-event.js';
import { documentedLegacyWebhookSign, documentedWebhookSignature } from '../support/signatures.js';
import { assembleOver, dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/receiver.js';
import { uniqueBillNo, uniqueRefundNo } from '../support/sandbox.js';
import { subscribe } from '../support/subscriber.js';

const EVENT_FIELDS =
  'type transactionId channel family fee { amount currency formatted } feeFen expectedFeeFen feeMismatch tradeSuccess receivedAt bill { billNo paid refunded totalFeeFen } refund { refundNo state }';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

/** A webhook body as BeeCloud would sign it for the test app. */
function signedWebhook(
  fields: Partial<WebhookBody> & Pick<WebhookBody, 'transaction_id' | 'transaction_fee'>,
): WebhookBody {
  const body = {
    timestamp: Date.now(),
    channel_type: 'WX',
    sub_channel_type: 'WX_NATIVE',
    transaction_type: 'PAY',
    trade_success: true,
    message_detail: {},
    optional: {},
    channel_transaction_id: '4200001234',
    ...fields,
  } as WebhookBody;
  return {
    ...body,
    signature: fields.signature ?? documentedWebhookSignature(t.app.appId, body, t.app.masterSecret),
  };
}
const postWebhook = (body: unknown, url = t.assembled.webhookUrl) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const createBill = async (billNo: string, totalFeeFen = 500) =>
  dataOf(
    await t.run(CreateBillDocument, { input: { channel: 'WX_NATIVE', billNo, totalFeeFen, title: 'tea' } }),
  ).createBill.billId!;

/**
 * Proves that nothing about `billNo` was published, without sleeping: a genuine webhook for
 * another bill goes through the same receiver and bus after the ones under test, so once
 * `sub` (a paymentEvents subscriber) has received it, anything published before it has
 * arrived too.
 */

async function expectNothingPublishedFor(
  sub: Awaited<ReturnType<typeof subscribe>>,
  billNo: string,
): Promise<void> {
  const marker = uniqueBillNo();
  await t.rest.bill({ bill_no: marker, total_fee: 1 });
  await t.rest.payQuietly(marker);
  expect((await postWebhook(signedWebhook({ transaction_id: marker, transaction_fee: 1 }))).status).toBe(200);
  await eventually(() => sub.received.some((event) => event.paymentEvents.transactionId === marker));
  expect(sub.received.filter((event) => event.paymentEvents.transactionId === billNo)).toEqual([]);
}

describe('payment events', () => {
  it('tells a subscriber the bill was paid within a second of paying it in the sandbox', async () => {
    const billNo = uniqueBillNo();
    const billId = await createBill(billNo);
    const byNo = await subscribe(
      t.graphqlUrl,
      `subscription($billNo: String) { billUpdated(billNo: $billNo) { ${EVENT_FIELDS} } }`,
      { billNo },
    );
    const byId = await subscribe(
      t.graphqlUrl,
      `subscription($id: ID) { billUpdated(id: $id) { transactionId bill { id paid } } }`,
      { id: billId },
    );
    const all = await subscribe(t.graphqlUrl, 'subscription { paymentEvents { type transactionId } }');
    try {
      await t.rest.control('POST', `bills/${billNo}/pay`);
      const event = (await byNo.next(1, 1000)).billUpdated;
      expect(event).toMatchObject({
        type: 'PAY',
        transactionId: billNo,
        channel: 'WX_NATIVE',
        family: 'WX',
        fee: { amount: 500, currency: 'CNY', formatted: '¥5.00' },
        feeFen: 500,
        expectedFeeFen: 500,
        feeMismatch: false,
        tradeSuccess: true,
        bill: { billNo, paid: true, refunded: false, totalFeeFen: 500 },
        refund: null,
      });
      expect((await byId.next(1)).billUpdated).toEqual({
        transactionId: billNo,
        bill: { id: billId, paid: true },
      });
      expect((await all.next(1)).paymentEvents).toEqual({ type: 'PAY', transactionId: billNo });
    } finally {
      await Promise.all([byNo.close(), byId.close(), all.close()]);
    }
  });

  it('tells refund subscribers when a refund completes', async () => {
    const billNo = uniqueBillNo();
    await createBill(billNo);
    await t.rest.control('POST', `bills/${billNo}/pay`);
    await t.webhooksDelivered(billNo);
    const refundNo = uniqueRefundNo();
    const sub = await subscribe(
      t.graphqlUrl,
      `subscription($refundNo: String!) { refundUpdated(refundNo: $refundNo) { ${EVENT_FIELDS} } }`,
      { refundNo },
    );
    try {
      // ALI refunds complete on confirmation, which sends a REFUND webhook; use one here.
      const ali = uniqueBillNo();
      await t.rest.paidBill({ bill_no: ali, channel: 'ALI_APP', total_fee: 800 });
      const refund = dataOf(
        await t.run(CreateRefundDocument, { input: { billNo: ali, refundNo, refundFeeFen: 300 } }),
      ).createRefund;
      expect(refund.refund?.state).toBe('PENDING');
      await t.rest.control('POST', `refunds/${refundNo}/confirm`);
      const event = (await sub.next(1)).refundUpdated;
      expect(event).toMatchObject({
        type: 'REFUND',
        transactionId: refundNo,
        feeFen: 300,
        expectedFeeFen: 300,
        feeMismatch: false,
        bill: { billNo: ali, refunded: true },
        refund: { refundNo, state: 'SUCCEEDED' },
      });
    } finally {
      await sub.close();
    }
  });

  it('refuses billUpdated without exactly one of billNo and id', async () => {
    const sub = await subscribe(t.graphqlUrl, 'subscription { billUpdated { transactionId } }');
    try {
      await eventually(() => sub.errors.length > 0);
      expect(JSON.stringify(sub.errors)).toContain('give exactly one of billNo and id');
    } finally {
      await sub.close();
    }
  });
});

describe('the webhook receiver', () => {
  it('refuses a replayed webhook whose app_id was shifted into transaction_id, and publishes nothing', async () => {
    const victim = uniqueBillNo();
    await createBill(victim, 500); // unpaid
    const shifted = `Q${victim}`;
    await createBill(shifted, 500);
    await t.rest.control('POST', `bills/${shifted}/pay`);
    await t.webhooksDelivered(shifted);
    const [genuine] = (await t.rest.control('GET', `webhooks?transaction_id=${shifted}`)).deliveries;
    const sub = await subscribe(t.graphqlUrl, 'subscription { paymentEvents { transactionId } }');
    try {
      // md5(app_id + transaction_id + …) is the same string when a character moves across.
      const attack = { ...genuine.body, app_id: `${t.app.appId}Q`, transaction_id: victim };
      const answer = await postWebhook(attack);
      expect([answer.status, await answer.text()]).toEqual([401, "app_id is not this gateway's app"]);
      const { app_id: _dropped, ...withoutAppId } = attack;
      expect((await postWebhook(withoutAppId)).status).toBe(401); // and the signature no longer fits
      await expectNothingPublishedFor(sub, victim);
    } finally {
      await sub.close();
    }
  });

  it("answers 503 to a PAY webhook until BeeCloud's record says paid, then publishes it", async () => {
    const billNo = uniqueBillNo();
    await createBill(billNo, 500);
    const sub = await subscribe(
      t.graphqlUrl,
      'subscription { paymentEvents { transactionId tradeSuccess } }',
    );
    const unconfirmed = () => t.assembled.metrics.get('beecloud_webhook_unconfirmed_total');
    const before = await unconfirmed();
    try {
      const body = signedWebhook({ transaction_id: billNo, transaction_fee: 500 });
      const early = await postWebhook(body);
      expect([early.status, await early.text()]).toEqual([
        503,
        "BeeCloud's record does not say this bill is paid; retry later",
      ]);
      expect(await unconfirmed()).toBe(before + 1);
      await expectNothingPublishedFor(sub, billNo);
      await t.rest.payQuietly(billNo);
      expect(await (await postWebhook(body)).text()).toBe('success'); // BeeCloud's next retry
      await eventually(() => sub.received.some((e) => e.paymentEvents.transactionId === billNo));
    } finally {
      await sub.close();
    }
  });

  it('refuses a forged signature with 401, publishing nothing', async () => {
    const billNo = uniqueBillNo();
    await createBill(billNo, 500);
    const sub = await subscribe(t.graphqlUrl, 'subscription { paymentEvents { transactionId } }');
    const refused = () => t.assembled.metrics.get('beecloud_webhooks_total{outcome="refused_401"}');
    const before = await refused();
    try {
      const forged = signedWebhook({
        transaction_id: billNo,
        transaction_fee: 500,
        signature: 'f'.repeat(32),
      });
      const response = await postWebhook(forged);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toBe('success');
      // Signed for a different amount than it carries: also forged.
      const tampered = {
        ...signedWebhook({ transaction_id: billNo, transaction_fee: 500 }),
        transaction_fee: 1,
      };
      expect((await postWebhook(tampered)).status).toBe(401);
      // A correct legacy `sign` (md5 of app_id, app_secret, timestamp) proves nothing of the
      // transaction: without a valid `signature` the body is refused all the same.
      const timestamp = Date.now();
      const legacyOnly = {
        ...forged,
        timestamp,
        sign: documentedLegacyWebhookSign(t.app.appId, t.app.appSecret, timestamp),
      };
      expect((await postWebhook(legacyOnly)).status).toBe(401);
      await expectNothingPublishedFor(sub, billNo);
      expect(await refused()).toBe(before + 3);
    } finally {
      await sub.close();
    }
  });

  it('refuses malformed requests with 4xx', async () => {
    expect((await postWebhook('{not json')).status).toBe(400);
    expect((await postWebhook({ transaction_type: 'PAY' })).status).toBe(400);
    expect(
      await (
        await postWebhook({
          ...signedWebhook({ transaction_id: 'x', transaction_fee: 1 }),
          transaction_fee: -1,
        })
      ).text(),
    ).toBe('malformed webhook: transaction_fee');
    expect((await postWebhook('x'.repeat(70 * 1024))).status).toBe(413);
    expect((await fetch(t.assembled.webhookUrl)).status).toBe(405);
  });

  it('acknowledges a replay with success and publishes it once', async () => {
    const billNo = uniqueBillNo();
    await createBill(billNo, 500);
    await t.rest.control('POST', `bills/${billNo}/pay`);
    await t.webhooksDelivered(billNo);
    const sub = await subscribe(t.graphqlUrl, 'subscription { paymentEvents { transactionId } }');
    try {
      const [delivery] = (await t.rest.control('GET', `webhooks?transaction_id=${billNo}`)).deliveries;
      for (let i = 0; i < 3; i++) {
        const response = await postWebhook(delivery.body);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe('success');
      }
      await expectNothingPublishedFor(sub, billNo); // the original delivery was the one published
    } finally {
      await sub.close();
    }
  });

  it('flags a transaction_fee that differs from the bill, logs and counts it', async () => {
    const billNo = uniqueBillNo();
    await createBill(billNo, 500);
    await t.rest.payQuietly(billNo);
    const sub = await subscribe(
      t.graphqlUrl,
      `subscription($billNo: String) { billUpdated(billNo: $billNo) { feeFen expectedFeeFen feeMismatch } }`,
      { billNo },
    );
    const mismatches = () => t.assembled.metrics.get('beecloud_webhook_fee_mismatch_total{type="PAY"}');
    const before = await mismatches(); // other tests' webhooks count too: compare, not absolute
    try {
      const response = await postWebhook(signedWebhook({ transaction_id: billNo, transaction_fee: 1 }));
      expect(await response.text()).toBe('success');
      expect((await sub.next(1)).billUpdated).toEqual({ feeFen: 1, expectedFeeFen: 500, feeMismatch: true });
      expect(await mismatches()).toBe(before + 1);
      expect(t.logEntries()).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          msg: 'webhook transaction_fee does not match the record; flagged to subscribers',
          transaction_id: billNo,
          fee: 1,
          expected: 500,
        }),
      );
      expect(await (await fetch(`${t.gateway.url}/metrics`)).text()).toContain(
        `beecloud_webhook_fee_mismatch_total{type="PAY"} ${before + 1}`,
      );
    } finally {
      await sub.close();
    }
  });

  it('answers 503 (no success) when the record cannot be checked, and accepts the retry', async () => {
    const billNo = uniqueBillNo();
    await createBill(billNo, 500);
    await t.rest.payQuietly(billNo);
    await t.rest.control('POST', 'faults', { kind: 'http_500', path_prefix: '/2/rest/bills', times: 3 });
    const body = signedWebhook({ transaction_id: billNo, transaction_fee: 500 });
    const refused = await postWebhook(body);
    expect(refused.status).toBe(503);
    expect(await refused.text()).not.toContain('success');
    await t.rest.control('DELETE', 'faults');
    expect(await (await postWebhook(body)).text()).toBe('success');
  });
});

describe('webhook de-duplication across a restart, without Redis', () => {
  it('keeps accepted webhooks in WEBHOOK_DEDUP_FILE, so a replay after a restart is acknowledged, not published', async () => {
    const dedupFile = join(mkdtempSync(join(tmpdir(), 'bc-dedup-')), 'accepted.jsonl');
    const g = await startTestGateway({ server: { dedupFile } });
    try {
      const { billNo } = await g.rest.paidBill({ channel: 'UN_APP', total_fee: 9 });
      await g.webhooksDelivered(billNo);
      const [delivery] = (await g.rest.control('GET', `webhooks?transaction_id=${billNo}`)).deliveries;
      await g.assembled.close();
      const again = await assembleOver(g.sandbox.url, g.app, { dedupFile });
      try {
        const replay = await fetch(again.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(delivery.body),
        });
        expect(await replay.text()).toBe('success');
        // Counted as a duplicate, which is never published; nothing was accepted (published).
        expect(await again.metrics.get('beecloud_webhooks_total{outcome="duplicate"}')).toBe(1);
        expect(await again.metrics.get('beecloud_webhooks_total{outcome="accepted"}')).toBe(0);
      } finally {
        await again.close();
      }
    } finally {
      await g.sandbox.close();
    }
  });
});

describe('a gateway restart while the sandbox is retrying', () => {
  it('delivers the event exactly once after the restart', async () => {
    const g = await startTestGateway({ sandboxSpeedup: 10 }); // resends at 0.2, 0.4, 0.8 s …
    const billNo = uniqueBillNo();
    await g.rest.bill({ bill_no: billNo, total_fee: 700 });
    const port = g.gateway.port;
    await g.assembled.close(); // the gateway goes down; the sandbox keeps running
    try {
      await g.rest.control('POST', `bills/${billNo}/pay`);
      await eventually(
        async () =>
          (await g.rest.control('GET', `webhooks?transaction_id=${billNo}`)).deliveries[0]?.attempts.length >=
          1,
      );
      // Back on the same port (a new process would come back the same way). Its bus is watched
      // before this turn of the event loop ends, so before any redelivery can be handled: the
      // event cannot slip past (a subscriber over a socket would race the sandbox's resend).
      const back = await assembleOver(g.sandbox.url, g.app, { port });
      const published = back.events.local.subscribe(TOPICS.billByNo, billNo)[Symbol.asyncIterator]();
      try {
        const first = await published.next();
        expect(first.value).toMatchObject({ transactionId: billNo, bill: { bill_no: billNo } });
        await eventually(
          async () =>
            (await g.rest.control('GET', `webhooks?transaction_id=${billNo}`)).deliveries[0]?.state ===
            'delivered',
        );
        const [delivery] = (await g.rest.control('GET', `webhooks?transaction_id=${billNo}`)).deliveries;
        expect(delivery.attempts.length).toBeGreaterThanOrEqual(2);
        expect(delivery.attempts[0].outcome).toMatch(/^failed: /);
        // Acknowledged once, and the gateway publishes before it acknowledges: one event.
        expect(delivery.attempts.filter((a: { outcome: string }) => a.outcome === 'success')).toHaveLength(1);
        // Nothing else reached the bus: the next event is the one published here, not a second delivery.
        await back.events.publish(TOPICS.billByNo, billNo, { marker: true } as never);
        expect((await published.next()).value).toEqual({ marker: true });
      } finally {
        await published.return?.();
        await back.close();
      }
    } finally {
      await g.sandbox.close();
    }
  }, 30_000);
});
