import { appendFileSync, existsSync, readFileSync } from 'node:fs';
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
    this.remember(key, Date.now() + DONE_TTL_S * 1000);
  }

  protected remember(key: string, expires: number): void {
    this.entries.set(key, { state: 'done', expires });
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

/**
 * The memory store, with every accepted key also appended to a file (one JSON line each) and
 * read back at start, so that a replay after a restart is still acknowledged, not published
 * again — for a single replica without Redis. Claims in progress are not kept: a process that
 * died mid-way lets BeeCloud's retry through, as with Redis once a claim expires.
 */
export class FileDedupStore extends MemoryDedupStore {
  constructor(private readonly file: string) {
    super();
    if (!existsSync(file)) return;
    const now = Date.now();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      try {
        const { key, expires } = JSON.parse(line) as { key: string; expires: number };
        if (expires > now) this.remember(key, expires);
      } catch {
        // a torn last line from a crash: skip it
      }
    }
  }

  override async complete(key: string) {
    await super.complete(key);
    appendFileSync(this.file, `${JSON.stringify({ key, expires: Date.now() + DONE_TTL_S * 1000 })}\n`);
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
