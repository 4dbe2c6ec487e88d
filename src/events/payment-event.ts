import type { BillRecord, ChannelFamily, PayChannel, RefundRecord, TransactionType } from '../wire/index.js';

/**
 * A verified BeeCloud webhook as the gateway publishes it: what BeeCloud said, what the
 * gateway checked, and the records as they stand after the event. Plain JSON (it crosses
 * Redis between replicas); times are epoch milliseconds.
 */
export interface PaymentEventPayload {
  /** The event log's id (event-log.ts): ordered, stable, what a subscriber resumes after. */
  id: string;
  type: TransactionType;
  /** bill_no for PAY, refund_no for REFUND. */
  transactionId: string;
  channel: ChannelFamily;
  subChannel: PayChannel;
  /** transaction_fee as the webhook said. */
  feeFen: number;
  /** What BeeCloud's own record says the amount is; null when the record was not found. */
  expectedFeeFen: number | null;
  /** The webhook's amount differs from the record (or there is no record): do not fulfil blindly. */
  feeMismatch: boolean;
  tradeSuccess: boolean;
  channelTransactionId: string | null;
  optional: Record<string, unknown>;
  receivedAt: number;
  bill: BillRecord | null;
  refund: RefundRecord | null;
}

/** An event before the log (event-log.ts) gave it its id. */
export type NewPaymentEvent = Omit<PaymentEventPayload, 'id'>;

/** Pub/sub topics. Per-record topics take the bill_no, bill id or refund_no as their id. */
export const TOPICS = {
  paymentEvents: 'PAYMENT_EVENTS',
  billByNo: 'BILL_BY_NO',
  billById: 'BILL_BY_ID',
  refundByNo: 'REFUND_BY_NO',
  /** Cache invalidations from mutations, so that every replica drops what changed. */
  cacheInvalidation: 'CACHE_INVALIDATION',
} as const;

export type CacheInvalidation = { billNo: string } | { all: true };

/**
 * A REFUND event from BeeCloud's records alone, for refunds that no webhook announces: WX, YEE,
 * KUAIQIAN and BD refunds settle when `/refund/status` finds them settled (syncRefundStatus).
 */
export function refundEventFromRecords(
  refund: RefundRecord,
  bill: BillRecord | null,
  now: number,
): NewPaymentEvent {
  let optional: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(refund.optional);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      optional = parsed as Record<string, unknown>;
  } catch {
    // not an object: none
  }
  return {
    type: 'REFUND',
    transactionId: refund.refund_no,
    channel: refund.channel,
    subChannel: refund.sub_channel,
    feeFen: refund.refund_fee,
    expectedFeeFen: refund.refund_fee,
    feeMismatch: false,
    tradeSuccess: refund.result,
    channelTransactionId: null,
    optional,
    receivedAt: now,
    bill,
    refund,
  };
}
