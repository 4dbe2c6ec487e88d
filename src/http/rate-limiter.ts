import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

export interface RateLimitDecision {
  allowed: boolean;
  /** Budget left after this operation (or before it, when refused). */
  remaining: number;
  limit: number;
  /** When refused: how long until the cost fits. */
  retryAfterMs: number;
}

export interface RateLimitSettings {
  /** The bucket's size: the most a caller can spend at once. */
  burst: number;
  /** Refill per second. */
  perSecond: number;
}

/**
 * Token buckets, one per caller (a principal, or an anonymous client's address): each
 * operation spends its cost; the bucket refills continuously. In memory for one replica; in
 * Redis (one atomic script per operation) so that replicas share one budget.
 */
export interface RateLimiter {
  /** Spends `cost` if the bucket holds it; otherwise spends nothing and refuses. */
  take(key: string, cost: number): Promise<RateLimitDecision>;
  /**
   * Charges a refused request: spends `cost`, or what is left when less is. `allowed` says
   * whether anything was left at all (a caller with an empty bucket is refused outright).
   */
  charge(key: string, cost: number): Promise<RateLimitDecision>;
}

function decide(
  settings: RateLimitSettings,
  tokens: number,
  cost: number,
  allowed: boolean,
): RateLimitDecision {
  return {
    allowed,
    remaining: Math.floor(tokens),
    limit: settings.burst,
    retryAfterMs: allowed ? 0 : Math.ceil(((cost - tokens) / settings.perSecond) * 1000),
  };
}

/**
 * Buckets one process keeps at most. One per anonymous address could otherwise grow without
 * bound; a bucket left alone until it is full again is dropped (a new one starts full: nothing
 * is lost), and past this count the least recently used go first.
 */
export const MAX_MEMORY_BUCKETS = 100_000;

export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets: LRUCache<string, { tokens: number; at: number }>;

  constructor(
    private readonly settings: RateLimitSettings,
    maxBuckets = MAX_MEMORY_BUCKETS,
  ) {
    // Bounded by a size of 1 per bucket rather than by `max`: lru-cache allocates `max` slots up
    // front (~4 MB for 100,000, live all the process's life, and V8 lets the heap grow to a
    // multiple of what is live before it collects); by size, it grows with the buckets it holds.
    this.buckets = new LRUCache({
      maxSize: maxBuckets,
      sizeCalculation: () => 1,
      ttl: refillMs(settings),
      updateAgeOnGet: true,
    });
  }

  /** Buckets held now (a test reads it: the store stays bounded). */
  get size(): number {
    return this.buckets.size;
  }

  async take(key: string, cost: number): Promise<RateLimitDecision> {
    return this.spend(key, cost, false);
  }

  async charge(key: string, cost: number): Promise<RateLimitDecision> {
    return this.spend(key, cost, true);
  }

  private spend(key: string, cost: number, partly: boolean): RateLimitDecision {
    const now = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.settings.burst, at: now };
    bucket.tokens = Math.min(
      this.settings.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.settings.perSecond,
    );
    bucket.at = now;
    const allowed = partly ? bucket.tokens >= 1 : bucket.tokens >= cost;
    if (allowed) bucket.tokens = Math.max(0, bucket.tokens - cost);
    this.buckets.set(key, bucket);
    return decide(this.settings, bucket.tokens, partly ? 1 : cost, allowed);
  }
}

/** How long an untouched bucket takes to fill again from empty. */
const refillMs = (settings: RateLimitSettings) =>
  Math.ceil((settings.burst / settings.perSecond) * 1000) + 1000;

/** Refill, check and spend in one step on the Redis server, so concurrent replicas cannot overspend. */
const TAKE_SCRIPT = `
local burst = tonumber(ARGV[1]); local rate = tonumber(ARGV[2]); local now = tonumber(ARGV[3]); local cost = tonumber(ARGV[4]); local partly = ARGV[5] == '1'
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (math.max(0, now - at) / 1000) * rate)
local allowed = 0
if partly then
  if tokens >= 1 then tokens = math.max(0, tokens - cost); allowed = 1 end
elseif tokens >= cost then tokens = tokens - cost; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return { allowed, tostring(tokens) }
`;

/**
 * The shared budget in Redis. When Redis does not answer within REDIS_WAIT_MS (an outage, a
 * failover), each replica falls back to its own in-memory bucket of the same size: callers are
 * still limited — per replica rather than in all — and queries keep working instead of every
 * one failing with a 500. The fall-back is logged once per outage.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly fallback: MemoryRateLimiter;
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly settings: RateLimitSettings,
    private readonly log: (line: string) => void = () => undefined,
    private readonly prefix = 'beecloud-graphql:rate:',
  ) {
    this.fallback = new MemoryRateLimiter(settings);
  }

  take(key: string, cost: number): Promise<RateLimitDecision> {
    return this.spend(key, cost, false);
  }

  charge(key: string, cost: number): Promise<RateLimitDecision> {
    return this.spend(key, cost, true);
  }

  private async spend(key: string, cost: number, partly: boolean): Promise<RateLimitDecision> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const [allowed, tokens] = (await Promise.race([
        this.redis.eval(
          TAKE_SCRIPT,
          1,
          this.prefix + key,
          this.settings.burst,
          this.settings.perSecond,
          Date.now(),
          cost,
          partly ? '1' : '0',
        ),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_WAIT_MS} ms`)), REDIS_WAIT_MS);
        }),
      ])) as [number, string];
      if (this.degraded) this.log('rate limiter: Redis answers again; budgets are shared again');
      this.degraded = false;
      return decide(this.settings, Number(tokens), partly ? 1 : cost, allowed === 1);
    } catch (error) {
      if (!this.degraded)
        this.log(`rate limiter: Redis failed (${(error as Error).message}); limiting per replica`);
      this.degraded = true;
      return partly ? this.fallback.charge(key, cost) : this.fallback.take(key, cost);
    } finally {
      clearTimeout(timer);
    }
  }
}

const REDIS_WAIT_MS = 250;
