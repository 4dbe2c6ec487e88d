import { retryDelayMs, shouldRetry } from '../../src/upstream/retry-policy.js';
import { ENDPOINTS } from '../../src/wire/index.js';

describe('shouldRetry', () => {
  it('retries reads on network errors, timeouts and 5xx, not on 4xx', () => {
    expect(shouldRetry(true, { kind: 'network', code: 'ECONNRESET' })).toBe(true);
    expect(shouldRetry(true, { kind: 'timeout' })).toBe(true);
    expect(shouldRetry(true, { kind: 'http', status: 503 })).toBe(true);
    expect(shouldRetry(true, { kind: 'http', status: 404 })).toBe(false);
  });

  it('retries writes only when the request provably never left', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) {
      expect(shouldRetry(false, { kind: 'network', code })).toBe(true);
      expect(shouldRetry(false, { kind: 'network', code })).toBe(true);
    }
    expect(shouldRetry(false, { kind: 'network', code: 'ECONNRESET' })).toBe(false);
    expect(shouldRetry(false, { kind: 'network', code: 'EPIPE' })).toBe(false);
    expect(shouldRetry(false, { kind: 'timeout' })).toBe(false);
    expect(shouldRetry(false, { kind: 'http', status: 502 })).toBe(false);
  });
});

describe('which endpoints read', () => {
  it('classifies by endpoint, not method: reconciliation and the in-store status are POSTs that read', () => {
    const reads = Object.entries(ENDPOINTS)
      .filter(([, endpoint]) => endpoint.read)
      .map(([name]) => name);
    expect(reads).toEqual([
      'reconciliation',
      'bills',
      'billsCount',
      'refunds',
      'refundsCount',
      'refundStatus',
      'refundById',
      'billById',
      'offlineBillStatus',
    ]);
  });
});

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 350 };
  it('grows exponentially under full jitter, capped', () => {
    expect(retryDelayMs(1, policy, () => 1)).toBe(100);
    expect(retryDelayMs(2, policy, () => 1)).toBe(200);
    expect(retryDelayMs(3, policy, () => 1)).toBe(350);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(175);
    expect(retryDelayMs(1, policy, () => 0)).toBe(0);
  });
});
