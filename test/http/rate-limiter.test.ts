import { MemoryRateLimiter } from '../../src/http/rate-limiter.js';

describe('MemoryRateLimiter', () => {
  it('takes a cost only when the bucket holds it', async () => {
    const limiter = new MemoryRateLimiter({ burst: 10, perSecond: 0.001 });
    expect(await limiter.take('a', 8)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await limiter.take('a', 3)).toMatchObject({ allowed: false, remaining: 2 });
  });

  it('charges a refusal what is left when less than its cost, and refuses once nothing is left', async () => {
    const limiter = new MemoryRateLimiter({ burst: 10, perSecond: 0.001 });
    expect(await limiter.charge('a', 5000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiter.charge('a', 1)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await limiter.take('a', 1)).toMatchObject({ allowed: false });
  });

  it('keeps at most maxBuckets buckets, least recently used dropped first', async () => {
    const limiter = new MemoryRateLimiter({ burst: 10, perSecond: 1 }, 3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) await limiter.take(key, 1);
    expect(limiter.size).toBe(3);
    // c, d, e held; c used again, so f drops d: c keeps what it spent, d starts full again.
    expect(await limiter.take('c', 1)).toMatchObject({ remaining: 8 });
    await limiter.take('f', 1);
    expect(limiter.size).toBe(3);
    expect(await limiter.take('c', 1)).toMatchObject({ remaining: 7 });
    expect(await limiter.take('d', 1)).toMatchObject({ remaining: 9 });
  });
});
