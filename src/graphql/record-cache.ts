import type { BillRecord } from '../wire/index.js';

/**
 * Bills the gateway has fetched, kept so that asking again costs no upstream call.
 *
 * Why it stays correct: a bill changes when it is paid or refunded, and BeeCloud tells the
 * gateway each time — a PAY or REFUND webhook, or the gateway's own createRefund /
 * reviewRefunds / syncRefundStatus — and every one of those drops the bill here, on every
 * replica (the event bus carries them). What no event announces (a refund of a WX-like
 * channel synced by another client, a console action) is bounded by the TTL. Only complete
 * records (with message_detail) are kept, so a hit answers any selection.
 */
export class RecordCache {
  private readonly byId = new Map<string, { record: BillRecord; expires: number }>();
  private readonly idByNo = new Map<string, string>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** Told of every look-up while the cache is on (a metric). */
  onLookup?: (hit: boolean) => void;

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  billById(id: string): BillRecord | undefined {
    return this.counted(this.lookup(id));
  }

  billByNo(billNo: string): BillRecord | undefined {
    const id = this.idByNo.get(billNo);
    return this.counted(id === undefined ? undefined : this.lookup(id));
  }

  private counted(record: BillRecord | undefined): BillRecord | undefined {
    if (this.enabled) this.onLookup?.(record !== undefined);
    return record;
  }

  private lookup(id: string): BillRecord | undefined {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.dropBill(id);
      return undefined;
    }
    return entry.record;
  }

  putBill(record: BillRecord): void {
    if (!this.enabled || record.message_detail === undefined) return;
    this.byId.delete(record.id); // re-insert: Map order is the eviction order
    this.byId.set(record.id, { record, expires: Date.now() + this.ttlMs });
    this.idByNo.set(record.bill_no, record.id);
    while (this.byId.size > this.maxEntries) this.dropBill(this.byId.keys().next().value!);
  }

  invalidateBill(target: { id?: string; billNo?: string }): void {
    if (target.id !== undefined) this.dropBill(target.id);
    if (target.billNo !== undefined) {
      const id = this.idByNo.get(target.billNo);
      if (id !== undefined) this.dropBill(id);
    }
  }

  clear(): void {
    this.byId.clear();
    this.idByNo.clear();
  }

  private dropBill(id: string): void {
    const entry = this.byId.get(id);
    this.byId.delete(id);
    if (entry && this.idByNo.get(entry.record.bill_no) === id) this.idByNo.delete(entry.record.bill_no);
  }
}
