import type { ChannelFamily } from './channel-spec.js';
import type { PayChannel } from './channels.js';

export type TransactionType = 'PAY' | 'REFUND';

/** The body BeeCloud POSTs to the merchant's webhook URL; the receiver answers `success`. */
export interface WebhookBody {
  /** See `signWebhook`. */
  signature: string;
  timestamp: number;
  channel_type: ChannelFamily;
  sub_channel_type: PayChannel;
  transaction_type: TransactionType;
  /** bill_no for PAY, refund_no for REFUND. */
  transaction_id: string;
  /** total_fee for PAY, refund_fee for REFUND. */
  transaction_fee: number;
  trade_success: boolean;
  message_detail: Record<string, unknown>;
  optional: Record<string, unknown>;
  channel_transaction_id: string;
}

/**
 * What bodies also carry for receivers written before 2017 (decisions.md): the legacy
 * `sign` and the camelCase twins of the snake_case fields. The legacy `sign` binds nothing
 * of the transaction, so the gateway verifies `signature` only.
 */
export interface LegacyWebhookFields {
  /** `md5(app_id + app_secret + timestamp)`: see signLegacyWebhook. */
  sign: string;
  transactionId: string;
  transactionType: TransactionType;
  channelType: ChannelFamily;
  transactionFee: number;
  tradeSuccess: boolean;
  messageDetail: Record<string, unknown>;
}
export type SentWebhookBody = WebhookBody & LegacyWebhookFields;

/** The exact answer that acknowledges a webhook. */
export const WEBHOOK_ACK = 'success';

/** Resends happen this many seconds after the first attempt: 2, 4, … 2^17 (about 36 hours). */
export const WEBHOOK_RETRY_OFFSETS_S: readonly number[] = Array.from({ length: 17 }, (_, i) => 2 ** (i + 1));
