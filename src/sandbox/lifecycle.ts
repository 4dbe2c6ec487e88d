import { BillLifecycle } from './bill-lifecycle.js';
import { RefundLifecycle } from './refund-lifecycle.js';
import type { LifecycleParts } from './lifecycle-parts.js';

/**
 * Every state change of bills and refunds: the rules of decisions.md, each run in one store
 * transaction so that concurrent requests see each other's effects, and the webhooks each
 * change causes. Two state machines: bills (bill-lifecycle.ts) and refunds, with their
 * reviews and settlement (refund-lifecycle.ts). `baseUrl` arguments are the sandbox's address
 * as the client reached it, for the checkout and confirmation pages the payloads link to.
 */
export class Lifecycle {
  readonly bills: BillLifecycle;
  readonly refunds: RefundLifecycle;

  constructor(private readonly parts: LifecycleParts) {
    this.bills = new BillLifecycle(parts);
    this.refunds = new RefundLifecycle(parts);
  }

  /** Deletes every record; the clock, apps and configuration stay. */
  reset(): void {
    this.bills.reset();
    this.parts.webhooks.reset();
    this.parts.store.reset();
  }
}
