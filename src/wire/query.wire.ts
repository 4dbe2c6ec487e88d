import type { AppAuth } from './auth.wire.js';
import type { BillRecord } from './bill.wire.js';
import type { ChannelFilter } from './channels.js';
import type { RefundRecord } from './refund.wire.js';
import type { Envelope } from './result-codes.js';

/** Filters shared by the bill and refund queries; all combine with AND. */
interface TimeRange {
  /** Inclusive, 13-digit ms, on the creation time. */
  start_time?: number;
  end_time?: number;
}
interface Page {
  /** >= 0, default 0. */
  skip?: number;
  /** 0 .. 50, default 10. */
  limit?: number;
  need_detail?: boolean;
}

export interface BillsCountQuery extends AppAuth, TimeRange {
  channel?: ChannelFilter;
  bill_no?: string;
  spay_result?: boolean;
  refund_result?: boolean;
  /** Since the later revisions: as given when the bill was created. */
  buyer_id?: string;
  seller_id?: string;
  store_id?: string;
  operator_id?: string;
}
export type BillsQuery = BillsCountQuery & Page;

export interface RefundsCountQuery extends AppAuth, TimeRange {
  channel?: ChannelFilter;
  bill_no?: string;
  refund_no?: string;
  need_approval?: boolean;
}
export type RefundsQuery = RefundsCountQuery & Page;

/** Success answers (`result_code` 0); a refusal carries only the envelope. */
export interface BillsResponse extends Envelope {
  bills: BillRecord[];
}
export interface RefundsResponse extends Envelope {
  refunds: RefundRecord[];
}
export interface CountResponse extends Envelope {
  count: number;
}
