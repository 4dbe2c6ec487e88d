import { Redis } from 'ioredis';
import { createPubSub } from '@graphql-yoga/subscription';
import {
  EventsExpiredError,
  MemoryEventLog,
  RedisEventLog,
  compareEventIds,
  type EventLog,
} from '../../src/events/event-log.js';
import type { NewPaymentEvent, PaymentEventPayload } from '../../src/events/payment-event.js';
import { replayThenLive } from '../../src/graphql/event/event-replay.js';
import { startRedis } from '../support/redis.js';
import { describeWithRedis } from '../support/services.js';

const event = (transactionId: string, type: 'PAY' | 'REFUND' = 'PAY'): NewPaymentEvent => ({
  type,
  transactionId,
  channel: 'WX',
  subChannel: 'WX_NATIVE',
  feeFen: 1,
  expectedFeeFen: 1,
  feeMismatch: false,
  tradeSuccess: true,
  channelTransactionId: null,
  optional: {},
  receivedAt: 0,
  bill: null,
  refund: null,
});

const ids = (events: PaymentEventPayload[]) => events.map((e) => e.transactionId);

/** What every log must do, memory or Redis. */
function behavesAsALog(make: (retention: { maxEvents: number; maxAgeMs: number }) => Promise<EventLog>) {
  it('gives ordered ids and reads after one, oldest first, with a filter, and says how far it looked', async () => {
    const log = await make({ maxEvents: 100, maxAgeMs: 60_000 });
    const appended = [];
    for (const name of ['a', 'b', 'c', 'd'])
      appended.push(await log.append(event(name, name === 'c' ? 'REFUND' : 'PAY')));
    for (let i = 1; i < appended.length; i++)
      expect(compareEventIds(appended[i - 1]!.id, appended[i]!.id)).toBeLessThan(0);
    expect(ids((await log.read(null, 10)).events)).toEqual(['a', 'b', 'c', 'd']);
    expect(ids((await log.read(appended[1]!.id, 10)).events)).toEqual(['c', 'd']);
    expect(ids((await log.read(null, 2)).events)).toEqual(['a', 'b']);
    const refunds = await log.read(null, 10, (e) => e.type === 'REFUND');
    expect(ids(refunds.events)).toEqual(['c']);
    expect(refunds.through).toBe(appended[3]!.id); // it looked at d too
    expect(await log.read(appended[3]!.id, 10)).toEqual({ events: [], through: appended[3]!.id });
  });

  it('keeps the newest maxEvents and refuses a resume from before what it dropped', async () => {
    const log = await make({ maxEvents: 2, maxAgeMs: 60_000 });
    const [a, b] = [await log.append(event('a')), await log.append(event('b'))];
    await log.append(event('c'));
    expect(ids((await log.read(null, 10)).events)).toEqual(['b', 'c']);
    // After a: b follows, and b is kept: nothing was missed.
    expect(ids((await log.read(a.id, 10)).events)).toEqual(['b', 'c']);
    await log.append(event('d'));
    await expect(log.read(a.id, 10)).rejects.toBeInstanceOf(EventsExpiredError);
    expect(ids((await log.read(b.id, 10)).events)).toEqual(['c', 'd']);
  });
}

describe('the in-memory event log', () => {
  behavesAsALog(async (retention) => new MemoryEventLog(retention));

  it('drops events older than maxAgeMs', async () => {
    let now = 1_000_000;
    const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 1000 }, () => now);
    const old = await log.append(event('old'));
    const alsoOld = await log.append(event('also old'));
    now += 500;
    await log.append(event('newer'));
    now += 600;
    expect(ids((await log.read(null, 10)).events)).toEqual(['newer']);
    // After "also old", "newer" follows: nothing was missed. After "old", "also old" was.
    expect(ids((await log.read(alsoOld.id, 10)).events)).toEqual(['newer']);
    await expect(log.read(old.id, 10)).rejects.toBeInstanceOf(EventsExpiredError);
  });

  it('orders ids within one millisecond', async () => {
    const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 1000 }, () => 5);
    expect([(await log.append(event('a'))).id, (await log.append(event('b'))).id]).toEqual(['5-0', '5-1']);
  });
});

describeWithRedis('the Redis event log', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const clients: Redis[] = [];
  let stream = 0;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await redis?.stop();
  });
  behavesAsALog(async (retention) => {
    const client = new Redis(redis.url);
    clients.push(client);
    return new RedisEventLog(client, retention, `test-stream-${++stream}`);
  });

  it('drops events older than maxAgeMs when it appends', async () => {
    const client = new Redis(redis.url);
    clients.push(client);
    const key = `test-stream-${++stream}`;
    // An event from two seconds ago, as another replica would have written it.
    const old = await client.xadd(key, `${Date.now() - 2000}-0`, 'event', JSON.stringify(event('old')));
    const alsoOld = await client.xadd(
      key,
      `${Date.now() - 2000}-1`,
      'event',
      JSON.stringify(event('also old')),
    );
    const log = new RedisEventLog(client, { maxEvents: 100, maxAgeMs: 1000 }, key);
    await log.append(event('new'));
    expect(ids((await log.read(null, 10)).events)).toEqual(['new']);
    expect(ids((await log.read(alsoOld!, 10)).events)).toEqual(['new']);
    await expect(log.read(old!, 10)).rejects.toBeInstanceOf(EventsExpiredError);
  });
});

describe('a resumed subscription', () => {
  it('has no gap and no duplicate at the seam: an event published while the log is read arrives once', async () => {
    const pubsub = createPubSub<{ EVENTS: [PaymentEventPayload] }>();
    const log = new MemoryEventLog();
    const first = await log.append(event('before'));
    await log.append(event('missed'));
    // While the subscriber reads the log, another event is logged and published.
    const read = log.read.bind(log);
    let raced = false;
    log.read = async (...args) => {
      if (!raced) {
        raced = true;
        pubsub.publish('EVENTS', await log.append(event('during')));
      }
      return read(...args);
    };
    const events = await replayThenLive(log, pubsub.subscribe('EVENTS'), first.id, () => true);
    const iterator = events[Symbol.asyncIterator]();
    const received = [];
    for (let i = 0; i < 2; i++) received.push((await iterator.next()).value.transactionId);
    pubsub.publish('EVENTS', await log.append(event('live')));
    received.push((await iterator.next()).value.transactionId);
    expect(received).toEqual(['missed', 'during', 'live']);
    await iterator.return?.();
  });
});
