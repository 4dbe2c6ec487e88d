import {
  familyOf,
  signLegacyWebhook,
  signWebhook,
  type SentWebhookBody,
  type TransactionType,
} from '../wire/index.js';
import type { LifecycleParts } from './lifecycle-parts.js';
import type { BillRow } from './store-rows.js';

/**
 * Sends the webhook of a transaction (a bill paid, a refund settled) to the bill's or refund's
 * own notify_url, else the app's webhook URL; none without either. Signed both ways and
 * spelled both ways, for receivers of either era (decisions.md).
 */
export function sendTransactionWebhook(
  parts: Pick<LifecycleParts, 'apps' | 'clock' | 'webhooks'>,
  appId: string,
  type: TransactionType,
  bill: BillRow,
  event: {
    /** The bill's or refund's own `notify_url`, which overrides the app's webhook URL. */
    notifyUrl: string | undefined;
    transactionId: string;
    fee: number;
    optional: string;
    detail: string;
    channelTransactionId: string;
  },
): void {
  const app = parts.apps.get(appId);
  const url = event.notifyUrl ?? app?.webhookUrl;
  if (!app || !url) return;
  const signed = {
    app_id: app.appId,
    transaction_id: event.transactionId,
    transaction_type: type,
    channel_type: familyOf(bill.channel),
    transaction_fee: event.fee,
  };
  const timestamp = parts.clock.now();
  const messageDetail = JSON.parse(event.detail) as Record<string, unknown>;
  const body: SentWebhookBody = {
    signature: signWebhook(signed, app.masterSecret),
    sign: signLegacyWebhook(app.appId, app.appSecret, timestamp),
    timestamp,
    channel_type: signed.channel_type,
    sub_channel_type: bill.channel,
    transaction_type: type,
    transaction_id: event.transactionId,
    transaction_fee: event.fee,
    trade_success: true,
    message_detail: messageDetail,
    optional: JSON.parse(event.optional) as Record<string, unknown>,
    channel_transaction_id: event.channelTransactionId,
    transactionId: event.transactionId,
    transactionType: type,
    channelType: signed.channel_type,
    transactionFee: event.fee,
    tradeSuccess: true,
    messageDetail,
  };
  parts.webhooks.enqueue(app.appId, url, body);
}
