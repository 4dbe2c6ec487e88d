import { WEBHOOK_ACK, WEBHOOK_RETRY_OFFSETS_S, type WebhookBody } from '../wire/index.js';
import type { WebhookEventRow } from './store-rows.js';
import type { SandboxStore } from './store.js';

export interface WebhookSenderOptions {
  /** Divides every delay of the retry schedule: 3600 turns 2 s … 36 h into ms … 36 s. */
  speedup: number;
  /** How long one delivery may take before it counts as failed. */
  timeoutMs: number;
  /** Told of each attempt, for the request log. Never given the body. */
  onAttempt?: (event: WebhookEventRow, outcome: string) => void;
}

/**
 * Delivers webhooks the way BeeCloud does: a POST of the JSON body, accepted only when the
 * answer is exactly `success`, resent 2, 4, 8 … 2^17 s after the first attempt (divided by
 * `speedup`). Events and attempts are rows in the store, so the delivery log survives a
 * restart when the store is a file, and pending deliveries resume on start.
 *
 * One timer is armed for the earliest due event; each pass delivers every event that is
 * due, concurrently, then re-arms. Times here are wall-clock: the virtual clock shifts
 * business time, not the network.
 */
export class WebhookSender {
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly delivering = new Set<number>();
  private closed = false;

  constructor(
    private readonly store: SandboxStore,
    private readonly options: WebhookSenderOptions,
  ) {}

  /** Resumes deliveries left pending by an earlier run. */
  start(): void {
    this.arm();
  }

  enqueue(appId: string, url: string, body: WebhookBody): void {
    this.store.insertWebhookEvent({
      app_id: appId,
      url,
      body: JSON.stringify(body),
      transaction_type: body.transaction_type,
      transaction_id: body.transaction_id,
      next_attempt_at: Date.now(),
    });
    this.arm();
  }

  /** Stops the timer and waits for deliveries under way. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Forgets timers after the store was reset. */
  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const next = this.store.pendingWebhookEvents().find((event) => !this.delivering.has(event.id));
    if (!next) return;
    this.timer = setTimeout(() => this.deliverDue(), Math.max(0, next.next_attempt_at - Date.now()));
    this.timer.unref();
  }

  private deliverDue(): void {
    const now = Date.now();
    for (const event of this.store.pendingWebhookEvents()) {
      if (event.next_attempt_at > now) break;
      if (this.delivering.has(event.id)) continue;
      this.delivering.add(event.id);
      const delivery = this.attempt(event).finally(() => {
        this.delivering.delete(event.id);
        this.inFlight.delete(delivery);
        this.arm();
      });
      this.inFlight.add(delivery);
    }
    this.arm();
  }

  private async attempt(event: WebhookEventRow): Promise<void> {
    const at = Date.now();
    const attempt = event.attempts + 1;
    let httpStatus: number | null = null;
    let outcome: string;
    try {
      const response = await fetch(event.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: event.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      httpStatus = response.status;
      const text = (await response.text()).trim();
      // Only a 2xx whose body is `success` (surrounding white space allowed) acknowledges.
      outcome =
        response.ok && text === WEBHOOK_ACK ? 'success' : `answered ${JSON.stringify(text.slice(0, 60))}`;
    } catch (error) {
      outcome = `failed: ${(error as Error).name === 'TimeoutError' ? 'timeout' : (((error as Error).cause as Error)?.message ?? (error as Error).message)}`;
    }
    const firstAttemptAt = event.first_attempt_at ?? at;
    const offsetS = WEBHOOK_RETRY_OFFSETS_S[attempt - 1];
    const state = outcome === 'success' ? 'delivered' : offsetS === undefined ? 'exhausted' : 'pending';
    const nextAttemptAt =
      state === 'pending' ? firstAttemptAt + (offsetS! * 1000) / this.options.speedup : event.next_attempt_at;
    try {
      this.store.transaction(() => {
        this.store.insertWebhookAttempt({
          event_id: event.id,
          attempt,
          at,
          http_status: httpStatus,
          outcome,
        });
        this.store.updateWebhookEvent(event.id, {
          state,
          attempts: attempt,
          first_attempt_at: firstAttemptAt,
          next_attempt_at: nextAttemptAt,
        });
      });
    } catch {
      return; // the store was reset or closed while this delivery was under way
    }
    this.options.onAttempt?.(event, outcome);
  }
}
