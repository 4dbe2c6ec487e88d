import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { CacheInvalidation, PaymentEventPayload } from './payment-event.js';
import { TOPICS } from './payment-event.js';

type Topics = {
  [TOPICS.paymentEvents]: [PaymentEventPayload];
  [TOPICS.billByNo]: [string, PaymentEventPayload];
  [TOPICS.billById]: [string, PaymentEventPayload];
  [TOPICS.refundByNo]: [string, PaymentEventPayload];
  [TOPICS.cacheInvalidation]: [CacheInvalidation];
};

export type GatewayPubSub = ReturnType<typeof createPubSub<Topics>>;

export interface EventBus {
  pubSub: GatewayPubSub;
  /** The Redis connection for shared state (de-duplication), when REDIS_URL is set. */
  redis?: Redis;
  close(): Promise<void>;
}

/**
 * Where events go: in memory by default (one replica), or through Redis pub/sub when a URL
 * is given, so that an event one replica receives reaches subscribers on every replica.
 */
export function createEventBus(redisUrl?: string): EventBus {
  if (!redisUrl) return { pubSub: createPubSub<Topics>(), close: async () => undefined };
  // Pub/sub needs a connection of its own: a subscribed Redis connection takes no other commands.
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
  const pubSub = createPubSub<Topics>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  return {
    pubSub,
    redis: publishClient,
    async close() {
      // QUIT waits for replies still owed (the UNSUBSCRIBEs that closing subscriptions sent).
      await Promise.all([subscribeClient.quit(), publishClient.quit()]).catch(() => undefined);
    },
  };
}
