/** The rows of the sandbox's tables, and the filters and windows its queries take. */
import type { ChannelFilter, PayChannel } from '../wire/index.js';

/** Where a bill is in its life. Only `open` bills can be paid, failed or retried; `revoked` by the in-store REVERT. */
export type BillStatus = 'open' | 'paid' | 'failed' | 'timed_out' | 'revoked';

export interface BillRow {
  seq: number;
  id: string;
  app_id: string;
  bill_no: string;
  channel: PayChannel;
  total_fee: number;
  title: string;
  /** JSON text of the merchant's map, `{}` when none was sent. */
  optional: string;
  analysis: string;
  /** JSON text of the channel-specific request fields (return_url, openid, …). */
  extra: string;
  /** Virtual ms after which an open bill can no longer be paid; null for none. */
  expires_at: number | null;
  create_time: number;
  status: BillStatus;
  trade_no: string;
  message_detail: string;
  refund_result: 0 | 1;
  revert_result: 0 | 1;
}

/**
 * `awaiting_review`: a pre-refund; `processing`: started, waiting for the channel (or the
 * ALI confirmation); the rest are final.
 */
export type RefundState = 'awaiting_review' | 'processing' | 'succeeded' | 'failed' | 'denied';

export interface RefundRow {
  seq: number;
  id: string;
  app_id: string;
  refund_no: string;
  bill_id: string;
  refund_fee: number;
  optional: string;
  need_approval: 0 | 1;
  state: RefundState;
  /** What the channel says (for `GET /refund/status`); set by the control API. */
  channel_status: 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'CHANGE';
  create_time: number;
  message_detail: string;
  deny_reason: string;
  /** JSON text of the fields kept as given (notify_url, refund_account, in-store reason, operator, store). */
  extra: string;
}

/** A refund with the bill fields every refund answer carries. */
export type RefundWithBill = RefundRow & Pick<BillRow, 'bill_no' | 'title' | 'total_fee' | 'channel'>;

/** Bill fields kept in `extra` that the bill queries filter on. */
export const BILL_EXTRA_FILTERS = ['buyer_id', 'seller_id', 'store_id', 'operator_id'] as const;

export interface BillFilter extends Partial<Record<(typeof BILL_EXTRA_FILTERS)[number], string>> {
  channel?: ChannelFilter;
  bill_no?: string;
  spay_result?: boolean;
  refund_result?: boolean;
  start_time?: number;
  end_time?: number;
}

export interface RefundFilter {
  channel?: ChannelFilter;
  bill_no?: string;
  refund_no?: string;
  need_approval?: boolean;
  start_time?: number;
  end_time?: number;
}

export interface PageWindow {
  skip: number;
  limit: number;
}

export type WebhookEventState = 'pending' | 'delivered' | 'exhausted';

export interface WebhookEventRow {
  id: number;
  app_id: string;
  url: string;
  body: string;
  transaction_type: string;
  transaction_id: string;
  state: WebhookEventState;
  attempts: number;
  /** Wall-clock ms of the first attempt (the retry schedule counts from it). */
  first_attempt_at: number | null;
  next_attempt_at: number;
}

export interface WebhookAttemptRow {
  event_id: number;
  attempt: number;
  at: number;
  http_status: number | null;
  outcome: string;
}
