import type { AssembledGateway } from '../../src/gateway.js';
import { assembleOver, startReplicas } from '../support/gateway.js';
import { devApp, type SandboxApp } from '../../src/sandbox/apps.js';
import { eventually } from '../support/receiver.js';
import { documentedWebhookSignature } from '../support/signatures.js';
import { startRedis } from '../support/redis.js';
import { describeWithRedis } from '../support/services.js';
import { KEYS, testAuthenticator } from '../support/auth.js';
import { RawClient, startTestSandbox } from '../support/sandbox.js';
import { subscribe } from '../support/subscriber.js';
import { collectingLogger } from '../support/log.js';

/**
 * Two gateway replicas sharing one real redis-server: events and cache invalidations cross
 * between them, and the de-duplication record is shared.
 */
describeWithRedis('two replicas over Redis', () => {
  let replicas: Awaited<ReturnType<typeof startReplicas>>;
  let a: AssembledGateway;
  let b: AssembledGateway;
  let rest: RawClient;
  let app: SandboxApp;

  beforeAll(async () => {
    replicas = await startReplicas({ cacheTtlMs: 60_000 }); // BeeCloud calls replica A
    ({ a, b, rest, app } = replicas);
  }, 30_000);
  afterAll(() => replicas?.close());

  const billOn = async (replica: AssembledGateway, id: string) => {
    const response = await fetch(`${replica.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ bill(id: "${id}") { paid } }` }),
    });
    return ((await response.json()) as { data: { bill: { paid: boolean } } }).data.bill;
  };

  it('brings a webhook received by replica A to a subscriber on replica B', async () => {
    const { billNo } = await rest.bill({ total_fee: 900 });
    const sub = await subscribe(
      `${b.gateway.url}/graphql`,
      `subscription($billNo: String) { billUpdated(billNo: $billNo) { transactionId feeFen bill { paid } } }`,
      { billNo },
    );
    try {
      await rest.control('POST', `bills/${billNo}/pay`);
      expect((await sub.next(1, 2000)).billUpdated).toEqual({
        transactionId: billNo,
        feeFen: 900,
        bill: { paid: true },
      });
    } finally {
      await sub.close();
    }
  });

  it('shares the de-duplication record: a replay to replica B is acknowledged, not published again', async () => {
    const { billNo } = await rest.bill();
    const subA = await subscribe(
      `${a.gateway.url}/graphql`,
      'subscription { paymentEvents { transactionId } }',
    );
    const post = (url: string, body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    try {
      await rest.control('POST', `bills/${billNo}/pay`);
      await eventually(() => subA.received.some((e) => e.paymentEvents.transactionId === billNo));
      const [delivery] = (await rest.control('GET', `webhooks?transaction_id=${billNo}`)).deliveries;
      expect(await (await post(b.webhookUrl, delivery.body)).text()).toBe('success');
      // Readiness, not a sleep: a later event through B and Redis reaches A after anything B
      // published before it, so once it is here, a republished replay would be too.
      // A bill paid with the sandbox's webhooks off, whose webhook the test posts itself.
      const markerBill = await rest.bill({ total_fee: delivery.body.transaction_fee });
      await rest.payQuietly(markerBill.billNo);
      const marker = { ...delivery.body, transaction_id: markerBill.billNo };
      marker.signature = documentedWebhookSignature(app.appId, marker, app.masterSecret);
      expect(await (await post(b.webhookUrl, marker)).text()).toBe('success');
      await eventually(() =>
        subA.received.some((e) => e.paymentEvents.transactionId === marker.transaction_id),
      );
      expect(subA.received.filter((e) => e.paymentEvents.transactionId === billNo)).toHaveLength(1);
      expect(await b.metrics.get('beecloud_webhooks_total{outcome="duplicate"}')).toBe(1);
    } finally {
      await subA.close();
    }
  });

  it("drops replica B's cached bill when replica A receives its payment", async () => {
    const { id, billNo } = await rest.bill();
    expect(await billOn(b, id)).toEqual({ paid: false }); // now cached on B
    await rest.control('POST', `bills/${billNo}/pay`);
    await eventually(async () => (await billOn(b, id)).paid, 2000);
  });
});

describeWithRedis('a Redis that refuses to publish', () => {
  it('answers the webhook 503, releases its claim and publishes nothing, so that a retry can succeed', async () => {
    // PUBLISH renamed away: every other command works, so only the publish fails.
    const redis = await startRedis(['--rename-command', 'PUBLISH', '""']);
    const app = devApp();
    const sandbox = await startTestSandbox({ apps: [app] });
    const log = collectingLogger();
    const gateway = await assembleOver(sandbox.url, app, {
      redisUrl: redis.url,
      logger: log.logger,
    });
    const rest = new RawClient(sandbox.url, app);
    const { billNo } = await rest.paidBill({ channel: 'WX_NATIVE', total_fee: 1 }); // no webhook URL: none sent
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const body = {
        transaction_id: billNo,
        transaction_type: 'PAY',
        channel_type: 'WX',
        sub_channel_type: 'WX_NATIVE',
        transaction_fee: 1,
        timestamp: Date.now(),
        trade_success: true,
        message_detail: {},
        optional: {},
      };
      const signed = { ...body, signature: documentedWebhookSignature(app.appId, body, app.masterSecret) };
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await fetch(gateway.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(signed),
        });
        // 503 both times: the first attempt's claim was released (a kept claim would answer 409).
        expect([answer.status, await answer.text()]).toEqual([
          503,
          'the event could not be processed now; retry later',
        ]);
      }
      expect(log.messages()).toContain('webhook not accepted');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await gateway.close();
      await sandbox.close();
      await redis.stop();
    }
  });
});

describeWithRedis('a Redis outage', () => {
  it('keeps GraphQL answering, rate-limited per replica, when Redis goes away', async () => {
    const redis = await startRedis();
    const app = devApp();
    const sandbox = await startTestSandbox({ apps: [app] });
    const log = collectingLogger();
    const gateway = await assembleOver(sandbox.url, app, {
      redisUrl: redis.url,
      authenticator: testAuthenticator(),
      rateLimit: { burst: 3, perSecond: 0.01 },
      logger: log.logger,
    });
    try {
      const ask = () =>
        fetch(`${gateway.gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.readOnly.key}` },
          body: JSON.stringify({ query: '{ billsCount }' }),
        });
      expect((await ask()).status).toBe(200);
      await redis.stop();
      const during: number[] = [];
      for (let i = 0; i < 4; i++) during.push((await ask()).status);
      expect(during).toEqual([200, 200, 200, 429]); // the replica's own bucket, full, of the same size
      expect(log.messages().some((message) => message.startsWith('rate limiter: Redis failed'))).toBe(true);
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });
});
