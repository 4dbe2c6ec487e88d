/**
 * When an upstream call is tried again, and after how long. Pure, so that each rule is
 * tested alone; the client (beecloud-client.ts) only asks.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included; each goes to the next server in the list. */
  maxAttempts: number;
  /** The backoff before retry n is a random share (full jitter) of base * 2^(n-1), capped. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 1000 };

/** How one attempt ended, as far as retrying is concerned. */
export type AttemptFailure =
  | { kind: 'network'; code: string }
  | { kind: 'timeout' }
  | { kind: 'http'; status: number }
  /** The answer was longer than the operation may read: another server would send the same. */
  | { kind: 'too-large' };

/** Network errors that prove the request never reached a server. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * `read`: the endpoint only reads (ENDPOINTS[…].read). That, not the HTTP method, decides:
 * reconciliation and the in-store status are POSTs that read.
 */
export function shouldRetry(read: boolean, failure: AttemptFailure): boolean {
  if (failure.kind === 'too-large') return false;
  // Reads change nothing: any network error, timeout or 5xx may be tried on another server.
  if (read) return failure.kind !== 'http' || failure.status >= 500;
  // Writes create orders and refunds. A request that may have reached a server (a timeout,
  // a reset, a 5xx) is not repeated: that could charge or refund twice. Only a refused
  // connection or a failed DNS look-up proves nothing was sent.
  return failure.kind === 'network' && NEVER_SENT.has(failure.code);
}

/** The wait before retry `retry` (1 for the first retry). */
export function retryDelayMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)));
}
