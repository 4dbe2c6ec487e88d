import type { AppAuth } from './auth.wire.js';
import type { BillExtras } from './bill.wire.js';
import type { PayChannel, SCAN_ANY_WALLET } from './channels.js';
import type { Envelope } from './result-codes.js';

/**
 * The in-store part of v2 (`/2/rest/offline/...`): a cashier scans the customer's pay code
 * (a scan channel, with `auth_code`) or shows a QR code, then polls, reverts or refunds.
 */

/** Body of `POST /2/rest/offline/bill`. */
export interface OfflineBillRequest extends AppAuth, BillExtras {
  /** An in-store channel, or `SCAN`: the server tells the wallet from `auth_code`. */
  channel: PayChannel | typeof SCAN_ANY_WALLET;
  total_fee: number;
  bill_no: string;
  title: string;
  /** The customer's pay code as the scanner read it; required for the scan channels. */
  auth_code?: string;
  optional?: Record<string, unknown>;
  analysis?: Record<string, unknown>;
  /** ALI_SCAN: the till's terminal number. */
  terminal_id?: string;
}

export interface OfflineBillResponse extends Envelope {
  id: string;
  /** Scan channels: `true` paid; `false` the customer is still confirming (poll the status). */
  pay_result?: boolean;
  /** QR channels: what to render. */
  code_url?: string;
  /** BC_SCAN and SCAN: which wallet's code it was (a SCAN bill is stored as this channel). */
  channel_type?: 'WX_SCAN' | 'ALI_SCAN';
}

/** Body of `POST /2/rest/offline/bill/status`, a read despite the method. */
export interface OfflineBillStatusRequest extends AppAuth {
  bill_no: string;
  channel?: PayChannel;
}
export interface OfflineBillStatusResponse extends Envelope {
  pay_result: boolean;
}

/** Body of `POST /2/rest/offline/bill/{bill_no}`: cancel a bill that is not paid. */
export interface OfflineRevertRequest extends AppAuth {
  method: 'REVERT';
  channel?: PayChannel;
}
export interface OfflineRevertResponse extends Envelope {
  /** Whether the bill is revoked now (a paid bill is not: refund it). */
  revert_status: boolean;
}

/** Body of `POST /2/rest/offline/refund` (master secret); it completes at once. */
export interface OfflineRefundRequest extends AppAuth {
  channel?: 'WX' | 'ALI';
  refund_no: string;
  bill_no: string;
  refund_fee: number;
  refund_reason?: string;
  optional?: Record<string, unknown>;
  operator_id?: string;
  store_id?: string;
  /** 1: from the available balance; 0 (default): from unsettled funds. */
  refund_account?: 0 | 1;
}
export interface OfflineRefundResponse extends Envelope {
  id: string;
  refund_result: boolean;
}
