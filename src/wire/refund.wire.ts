import type { AppAuth } from './auth.wire.js';
import type { ChannelFamily } from './channel-spec.js';
import type { PayChannel, RefundFamily, StatusQueryFamily } from './channels.js';
import type { Envelope } from './result-codes.js';

/** Body of `POST /2/rest/refund`, signed with the master secret. */
export interface CreateRefundRequest extends AppAuth {
  /** When given, the family of the bill's channel (the bill decides when it is absent). */
  channel?: RefundFamily | 'BC';
  /** Today's date in China time (yyyyMMdd) then a serial of 3–24 letters or digits, not `000`. */
  refund_no: string;
  bill_no: string;
  /** Fen, >= 1, at most what is left refundable. */
  refund_fee: number;
  optional?: Record<string, unknown>;
  /** `true`: a pre-refund awaiting review; no money moves until it is approved. */
  need_approval?: boolean;
  /** Overrides the app's webhook URL for this refund; must start with http:// or https://. */
  notify_url?: string;
  /** 1: from the available balance; 0 (default): from unsettled funds. */
  refund_account?: 0 | 1;
}

export interface CreateRefundResponse extends Envelope {
  id: string;
  /** ALI: the page where the merchant confirms the refund with the Alipay password. */
  url?: string;
}

/** Body of `PUT /2/rest/refund`: approve or deny pre-refunds. */
export interface ReviewRefundsRequest extends AppAuth {
  channel: RefundFamily;
  ids: string[];
  agree: boolean;
  deny_reason?: string;
}

export interface ReviewRefundsResponse extends Envelope {
  /** Per id, when approving: `"OK"` or why that id failed. */
  result_map?: Record<string, string>;
  /** ALI, when approving. */
  url?: string;
}

/** Query of `GET /2/rest/refund/status`. */
export interface RefundStatusRequest extends AppAuth {
  channel: StatusQueryFamily;
  refund_no: string;
  /**
   * `"1"`: also record a settled refund on its bill (`refund_result`). BC refunds update
   * their bill only with it; the seed's families always do (the seed's rule).
   */
  bill_update_flag?: string;
}

export const REFUND_STATUSES = ['SUCCESS', 'PROCESSING', 'FAIL', 'CHANGE'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface RefundStatusResponse extends Envelope {
  refund_status: RefundStatus;
}

/** A refund as the queries return it. */
export interface RefundRecord {
  id: string;
  bill_no: string;
  refund_no: string;
  total_fee: number;
  refund_fee: number;
  title: string;
  channel: ChannelFamily;
  sub_channel: PayChannel;
  finish: boolean;
  result: boolean;
  optional: string;
  message_detail?: string;
  create_time: number;
}

export interface RefundByIdResponse extends Envelope {
  refund: RefundRecord;
}
