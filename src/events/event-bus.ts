import { createPubSub } from '@graphql-yoga/subscription';
import type { Redis } from 'ioredis';
import { setMaxListeners } from 'node:events';
import {
  DEFAULT_EVENT_RETENTION,
  MemoryEventLog,
  RedisEventLog,
  type EventLog,
  type EventRetention,
} from './event-log.js';
import type { CacheInvalidation, NewPaymentEvent, PaymentEventPayload } from './payment-event.js';
import { traced } from '../telemetry/tracing.js';
import { TOPICS } from './payment-event.js';

/** Each topic's arguments: per-record topics take the record's key first. */
export type Topics = {
  [TOPICS.paymentEvents]: [PaymentEventPayload];
  [TOPICS.billByNo]: [string, PaymentEventPayload];
  [TOPICS.billById]: [string, PaymentEventPayload];
  [TOPICS.refundByNo]: [string, PaymentEventPayload];
  [TOPICS.cacheInvalidation]: [CacheInvalidation];
};
export type Topic = keyof Topics;

/** This replica's subscribers (what TypeGraphQL's subscriptions listen on). */
export type LocalPubSub = ReturnType<typeof createPubSub<Topics>>;

export interface EventBus {
  /** Where this replica's subscriptions listen; fed by `publish`, from any replica. */
  local: LocalPubSub;
  /**
   * Sends an event to the subscribers of every replica. It resolves once the event is
   * handed over (to Redis, when configured) and rejects when it could not be: a caller
   * that must not lose the event (the webhook receiver) answers 503 then, and BeeCloud
   * retries.
   */
  publish<T extends Topic>(topic: T, ...args: Topics[T]): Promise<void>;
  /** Every payment event published, in order, within the retention: what subscribers resume from. */
  log: EventLog;
  /** The Redis connection for shared state (de-duplication, rate limits), when REDIS_URL is set. */
  redis?: Redis;
  close(): Promise<void>;
}

/** The one Redis channel every replica publishes to and listens on. */
const CHANNEL = 'beecloud-graphql:events';

/**
 * Where events go: in memory by default (one replica), or through Redis pub/sub when a URL
 * is given, so that an event one replica receives reaches subscribers on every replica
 * (the publishing one included: it hears its own message back, like any other).
 *
 * Redis is driven directly rather than through an EventTarget adapter: an EventTarget's
 * `dispatchEvent` is synchronous, so a failed Redis `PUBLISH` behind it could be neither
 * awaited nor answered.
 */
export async function createEventBus(
  redisUrl?: string,
  log: (line: string) => void = () => undefined,
  retention: EventRetention = DEFAULT_EVENT_RETENTION,
): Promise<EventBus> {
  // One listener per subscription: many are expected (bounded per socket by WS_MAX_SUBSCRIPTIONS).
  const target = new EventTarget();
  setMaxListeners(0, target);
  const local = createPubSub<Topics>({ eventTarget: target });
  if (!redisUrl) {
    return {
      local,
      log: new MemoryEventLog(retention),
      publish: async (topic, ...args) => local.publish(topic, ...args),
      close: async () => undefined,
    };
  }
  // Loaded only when configured: ioredis is ~2 MB of heap a single replica would carry for nothing.
  const { Redis } = await import('ioredis');
  // Pub/sub needs a connection of its own: a subscribed Redis connection takes no other commands.
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl);
  subscribeClient
    .subscribe(CHANNEL)
    .catch((error: Error) => log(`event bus: subscribe failed: ${error.message}`));
  subscribeClient.on('message', (_channel: string, text: string) => {
    const message = parseMessage(text);
    if (message) local.publish(message.topic, ...message.args);
    else log('event bus: dropped a malformed message');
  });
  return {
    local,
    async publish(topic, ...args) {
      await publishClient.publish(CHANNEL, JSON.stringify({ topic, args }));
    },
    log: new RedisEventLog(publishClient, retention),
    redis: publishClient,
    async close() {
      // QUIT waits for replies still owed; a client that lost Redis is just disconnected (QUIT
      // would wait for a reconnection that may never come).
      const end = (client: Redis) => (client.status === 'ready' ? client.quit() : client.disconnect());
      await Promise.all([end(subscribeClient), end(publishClient)]).catch(() => undefined);
    },
  };
}

const TOPIC_NAMES = new Set<string>(Object.values(TOPICS));

function parseMessage(text: string): { topic: Topic; args: Topics[Topic] } | undefined {
  try {
    const message = JSON.parse(text) as { topic?: unknown; args?: unknown };
    if (typeof message.topic === 'string' && TOPIC_NAMES.has(message.topic) && Array.isArray(message.args))
      return message as { topic: Topic; args: Topics[Topic] };
  } catch {
    // fall through: not ours
  }
  return undefined;
}

/**
 * A payment event, into the log first (which gives it its id, so that a subscriber resuming
 * later finds it), then to everyone listening to the app and to its bill's and refund's own
 * topics. Returns the event as logged.
 */
export function publishPaymentEvent(bus: EventBus, unlogged: NewPaymentEvent): Promise<PaymentEventPayload> {
  return traced('payment event publish', { 'beecloud.transaction_type': unlogged.type }, async (span) => {
    const event = await bus.log.append(unlogged);
    span?.setAttribute('beecloud_graphql.event_id', event.id);
    await publishToTopics(bus, event);
    return event;
  });
}

/** A logged event to everyone listening to the app, and to its bill's and refund's own topics. */
async function publishToTopics(bus: EventBus, event: PaymentEventPayload): Promise<void> {
  await Promise.all([
    bus.publish(TOPICS.paymentEvents, event),
    ...(event.bill
      ? [
          bus.publish(TOPICS.billByNo, event.bill.bill_no, event),
          bus.publish(TOPICS.billById, event.bill.id, event),
        ]
      : []),
    ...(event.type === 'REFUND' ? [bus.publish(TOPICS.refundByNo, event.transactionId, event)] : []),
  ]);
}
