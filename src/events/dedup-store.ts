import type { Redis } from 'ioredis';

/**
 * Remembers which webhooks were accepted, so that a transaction BeeCloud sends twice is
 * published once. A key is claimed ("processing") before the work and marked "done" after
 * it; a claim whose work failed is released so that BeeCloud's retry can try again, and a
 * claim that is never completed expires (the process died mid-way).
 */
export interface DedupStore {
  /** `new`: yours to process; `done`: already accepted; `in-progress`: another delivery has it. */
  claim(key: string): Promise<'new' | 'done' | 'in-progress'>;
  complete(key: string): Promise<void>;
  release(key: string): Promise<void>;
}

/** BeeCloud retries for about 36 hours; keep accepted keys for three days. */
export const DONE_TTL_S = 3 * 24 * 3600;
const CLAIM_TTL_S = 60;

export class MemoryDedupStore implements DedupStore {
  private readonly entries = new Map<string, { state: 'processing' | 'done'; expires: number }>();

  async claim(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.expires > Date.now()) return entry.state === 'done' ? 'done' : 'in-progress';
    this.sweep();
    this.entries.set(key, { state: 'processing', expires: Date.now() + CLAIM_TTL_S * 1000 });
    return 'new' as const;
  }

  async complete(key: string) {
    this.entries.set(key, { state: 'done', expires: Date.now() + DONE_TTL_S * 1000 });
  }

  async release(key: string) {
    this.entries.delete(key);
  }

  /** Drops expired keys (Map order is insertion order, so expired ones are mostly first). */
  private sweep() {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(key);
    }
  }
}

/** The same, shared by every replica through Redis (`SET NX EX`). */
export class RedisDedupStore implements DedupStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'beecloud-graphql:webhook:',
  ) {}

  async claim(key: string) {
    if ((await this.redis.set(this.prefix + key, 'processing', 'EX', CLAIM_TTL_S, 'NX')) === 'OK')
      return 'new' as const;
    return (await this.redis.get(this.prefix + key)) === 'done'
      ? ('done' as const)
      : ('in-progress' as const);
  }

  async complete(key: string) {
    await this.redis.set(this.prefix + key, 'done', 'EX', DONE_TTL_S);
  }

  async release(key: string) {
    await this.redis.del(this.prefix + key);
  }
}
