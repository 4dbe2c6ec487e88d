import type { Redis } from 'ioredis';

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
 * Per-principal token buckets: each operation spends its cost; the bucket refills
 * continuously. In memory for one replica; in Redis (one atomic script per operation) so
 * that replicas share one budget.
 */
export interface RateLimiter {
  take(key: string, cost: number): Promise<RateLimitDecision>;
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

export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly settings: RateLimitSettings) {}

  async take(key: string, cost: number): Promise<RateLimitDecision> {
    const now = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.settings.burst, at: now };
    bucket.tokens = Math.min(
      this.settings.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.settings.perSecond,
    );
    bucket.at = now;
    const allowed = bucket.tokens >= cost;
    if (allowed) bucket.tokens -= cost;
    this.buckets.set(key, bucket);
    return decide(this.settings, bucket.tokens, cost, allowed);
  }
}

/** Refill, check and spend in one step on the Redis server, so concurrent replicas cannot overspend. */
const TAKE_SCRIPT = `
local burst = tonumber(ARGV[1]); local rate = tonumber(ARGV[2]); local now = tonumber(ARGV[3]); local cost = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (math.max(0, now - at) / 1000) * rate)
local allowed = 0
if tokens >= cost then tokens = tokens - cost; allowed = 1 end
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

  async take(key: string, cost: number): Promise<RateLimitDecision> {
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
        ),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_WAIT_MS} ms`)), REDIS_WAIT_MS);
        }),
      ])) as [number, string];
      if (this.degraded) this.log('rate limiter: Redis answers again; budgets are shared again');
      this.degraded = false;
      return decide(this.settings, Number(tokens), cost, allowed === 1);
    } catch (error) {
      if (!this.degraded)
        this.log(`rate limiter: Redis failed (${(error as Error).message}); limiting per replica`);
      this.degraded = true;
      return this.fallback.take(key, cost);
    } finally {
      clearTimeout(timer);
    }
  }
}

const REDIS_WAIT_MS = 250;
