import type { SandboxApp } from './apps.js';
import type { VirtualClock } from './clock.js';
import type { SandboxStore } from './store.js';
import type { WebhookSender } from './webhook-sender.js';

export interface LifecycleOptions {
  /** A bill older than this (virtual time) cannot be refunded: `10 REFUND_EXCEED_TIME`. */
  refundWindowMs: number;
  /**
   * Test seam only (SANDBOX_TEST_WRITE_DELAY_MS): blocks this long between a refund's checks
   * and its insert, so that a test with two processes can show that the write lock, not
   * luck, keeps them from both passing the checks. 0 in every real use.
   */
  writeDelayMs?: number;
}

/** What the state machines share: the store, the virtual clock, the webhook queue, the apps. */
export interface LifecycleParts {
  store: SandboxStore;
  clock: VirtualClock;
  webhooks: WebhookSender;
  apps: ReadonlyMap<string, SandboxApp>;
  options: LifecycleOptions;
}

/** The sandbox page where a person pays or fails a web-channel bill. */
export const checkoutUrl = (baseUrl: string, billId: string) => `${baseUrl}/_sandbox/checkout/${billId}`;
/** The sandbox stand-in for Alipay's refund confirmation page. */
export const aliConfirmUrl = (baseUrl: string, refundIds: string[]) =>
  `${baseUrl}/_sandbox/alipay/refund-confirm?ids=${refundIds.map(encodeURIComponent).join(',')}`;
