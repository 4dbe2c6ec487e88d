import { spanEvent } from '../telemetry/tracing.js';
import { LRUCache } from 'lru-cache';
import type { BillRecord, RefundRecord } from '../wire/index.js';

/**
 * Records the gateway has fetched, kept so that asking again costs no upstream call: complete
 * bills (with message_detail) by id and bill_no, and each bill's refunds (`Bill.refunds`).
 *
 * Why it stays correct: a bill or its refunds change when it is paid, refunded or a pre-refund
 * is reviewed, and BeeCloud tells the gateway each time — a PAY or REFUND webhook, or the
 * gateway's own createRefund / reviewRefunds / syncRefundStatus — and every one of those drops
 * the bill and its refunds here, on every replica (the event bus carries them). An answer
 * fetched while such a change arrived is not kept (`stamp`), so a slow look-up cannot put back
 * what the event just dropped. What no event announces (a WX-like refund synced by another
 * client, a console action) is bounded by the TTL.
 *
 * Bounded by entries and by approximate bytes (records stored by other clients may carry large
 * `optional` maps); the least recently used entries go first (lru-cache, with its TTL).
 */
export class RecordCache {
  private readonly bills: LRUCache<string, BillRecord>;
  private readonly idByNo = new Map<string, string>();
  private readonly refunds: LRUCache<string, RefundRecord[]>;
  /** Bumped by every invalidation: an answer fetched across one is not stored. */
  private epoch = 0;

  constructor(
    private readonly ttlMs: number,
    limits: { maxEntries?: number; maxBytes?: number } = {},
  ) {
    const maxBytes = limits.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
    const maxEntries = limits.maxEntries ?? 10_000;
    // Three quarters for bills (every look-up by id or bill_no), a quarter for refund lists. A
    // value over its budget alone is not stored. (A TTL of 0 would mean none to lru-cache: the
    // cache is off then, and stores nothing.)
    const bounds = { max: maxEntries, ttl: Math.max(1, ttlMs) };
    this.bills = new LRUCache<string, BillRecord>({
      max: bounds.max,
      ttl: bounds.ttl,
      maxSize: Math.max(1, Math.floor(maxBytes * 0.75)),
      sizeCalculation: recordBytes,
      // A dropped bill takes its bill_no's entry along, unless a newer record of it took the place.
      dispose: (record) => {
        if (this.idByNo.get(record.bill_no) === record.id) this.idByNo.delete(record.bill_no);
      },
    });
    this.refunds = new LRUCache<string, RefundRecord[]>({
      max: bounds.max,
      ttl: bounds.ttl,
      maxSize: Math.max(1, Math.floor(maxBytes * 0.25)),
      sizeCalculation: (records) => records.reduce((sum, record) => sum + recordBytes(record), 1),
    });
  }

  /** Told of every look-up while the cache is on (a metric). */
  onLookup?: (hit: boolean) => void;

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** Taken before a fetch and handed to `put…`: the answer is stored only if nothing was invalidated meanwhile. */
  stamp(): number {
    return this.epoch;
  }

  billById(id: string): BillRecord | undefined {
    return this.counted(this.bills.get(id), 'bill');
  }

  billByNo(billNo: string): BillRecord | undefined {
    const id = this.idByNo.get(billNo);
    return this.counted(id === undefined ? undefined : this.bills.get(id), 'bill');
  }

  /** The refunds of a bill, newest first, as `Bill.refunds` last fetched them. */
  refundsOfBill(billNo: string): RefundRecord[] | undefined {
    return this.counted(this.refunds.get(billNo), 'refunds');
  }

  private counted<T>(value: T | undefined, kind: 'bill' | 'refunds'): T | undefined {
    if (!this.enabled) return value;
    this.onLookup?.(value !== undefined);
    // On the span of the look-up (a DataLoader batch) when tracing is on.
    spanEvent(value !== undefined ? 'cache hit' : 'cache miss', { 'cache.entry': kind });
    return value;
  }

  putBill(record: BillRecord, stamp: number): void {
    if (!this.enabled || stamp !== this.epoch || record.message_detail === undefined) return;
    this.bills.set(record.id, record);
    if (this.bills.has(record.id)) this.idByNo.set(record.bill_no, record.id);
  }

  putRefundsOfBill(billNo: string, records: RefundRecord[], stamp: number): void {
    if (!this.enabled || stamp !== this.epoch) return;
    this.refunds.set(billNo, records);
  }

  /** Drops a bill and its refunds. */
  invalidateBill(target: { id?: string; billNo?: string }): void {
    this.epoch++;
    const billNos = new Set<string>();
    if (target.billNo !== undefined) billNos.add(target.billNo);
    if (target.id !== undefined) {
      const record = this.bills.peek(target.id, { allowStale: true });
      if (record) billNos.add(record.bill_no);
      this.bills.delete(target.id);
    }
    for (const billNo of billNos) {
      const id = this.idByNo.get(billNo);
      if (id !== undefined) this.bills.delete(id);
      this.refunds.delete(billNo);
    }
  }

  clear(): void {
    this.epoch++;
    this.bills.clear();
    this.idByNo.clear();
    this.refunds.clear();
  }
}

/** CACHE_MAX_BYTES' default: about what 10,000 ordinary bills take. */
export const DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

/** About what a record holds: its long strings, plus the fixed fields. */
const recordBytes = (record: BillRecord | RefundRecord) =>
  512 + record.title.length + record.optional.length + (record.message_detail?.length ?? 0);
