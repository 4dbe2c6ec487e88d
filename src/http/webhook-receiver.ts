import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DedupStore } from '../events/dedup-store.js';
import type { GatewayPubSub } from '../events/event-bus.js';
import { TOPICS, type PaymentEventPayload } from '../events/payment-event.js';
import type { Metrics } from '../events/metrics.js';
import type { BeeCloudClient, BeeCloudCredentials } from '../upstream/beecloud-client.js';
import {
  WEBHOOK_ACK,
  isChannelFamily,
  isPayChannel,
  signWebhook,
  signaturesEqual,
  type WebhookBody,
} from '../wire/index.js';
import { BodyTooLargeError, readBody } from './read-body.js';

export const WEBHOOK_PATH = '/webhooks/beecloud';
const MAX_WEBHOOK_BYTES = 64 * 1024;

export interface WebhookReceiverOptions {
  credentials: BeeCloudCredentials;
  api: BeeCloudClient;
  dedup: DedupStore;
  pubSub: GatewayPubSub;
  metrics: Metrics;
  log: (line: string) => void;
  /** Called before `success` is answered (the gateway drops cached records here). */
  onAccepted?: (event: PaymentEventPayload) => void;
}

/** Why a webhook is refused: no `success`, nothing published; BeeCloud will resend it. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * `POST /webhooks/beecloud`. In order: read the raw body (64 KiB at most); parse and check
 * its shape (400); verify the signature in constant time (401); claim the transaction in
 * the de-duplication store (a repeat is acknowledged and not published again); look the
 * record up through the upstream client and compare `transaction_fee` with it (a mismatch
 * is flagged on the event, logged and counted, never dropped silently); publish; mark the
 * transaction done; and only then answer `success`. If the look-up or the publish fails,
 * the claim is released and the answer is 503, so BeeCloud's retry tries again.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions) {
  const { metrics, log } = options;
  return async function receiveWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let key: string | undefined;
    try {
      const body = await readWebhook(req);
      verifySignature(body, options.credentials);
      key = `${body.transaction_type}:${body.transaction_id}`;
      const claim = await options.dedup.claim(key);
      if (claim === 'done') {
        metrics.inc('beecloud_webhooks_total', { outcome: 'duplicate' });
        return answer(res, 200, WEBHOOK_ACK);
      }
      if (claim === 'in-progress') throw new Refusal(409, 'this transaction is being processed; retry later');
      const event = await checkAgainstRecords(body, options.api);
      if (event.feeMismatch) {
        metrics.inc('beecloud_webhook_fee_mismatch_total', { type: body.transaction_type });
        log(
          `webhook ${body.transaction_type} ${body.transaction_id}: transaction_fee ${body.transaction_fee} ` +
            `does not match the record (${event.expectedFeeFen ?? 'no record'}); flagged to subscribers`,
        );
      }
      options.onAccepted?.(event);
      publish(options.pubSub, event);
      await options.dedup.complete(key);
      metrics.inc('beecloud_webhooks_total', { outcome: 'accepted' });
      answer(res, 200, WEBHOOK_ACK);
    } catch (error) {
      if (key !== undefined && !(error instanceof Refusal && error.status === 409)) {
        await options.dedup.release(key).catch(() => undefined);
      }
      const refusal =
        error instanceof Refusal
          ? error
          : new Refusal(503, 'the event could not be processed now; retry later');
      if (!(error instanceof Refusal)) log(`webhook not accepted: ${(error as Error)?.message ?? error}`);
      metrics.inc('beecloud_webhooks_total', { outcome: `refused_${refusal.status}` });
      answer(res, refusal.status, refusal.reason);
    }
  };
}

async function readWebhook(req: IncomingMessage): Promise<WebhookBody> {
  if (req.method !== 'POST') throw new Refusal(405, 'use POST');
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_WEBHOOK_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new Refusal(413, error.message);
    throw error;
  }
  let body: Partial<WebhookBody>;
  try {
    body = JSON.parse(raw.toString('utf8')) as Partial<WebhookBody>;
  } catch {
    throw new Refusal(400, 'the body is not JSON');
  }
  const problems = [
    typeof body?.signature !== 'string' && 'signature',
    body?.transaction_type !== 'PAY' && body?.transaction_type !== 'REFUND' && 'transaction_type',
    (typeof body?.transaction_id !== 'string' ||
      body.transaction_id === '' ||
      body.transaction_id.length > 64) &&
      'transaction_id',
    (typeof body?.channel_type !== 'string' || !isChannelFamily(body.channel_type)) && 'channel_type',
    (typeof body?.sub_channel_type !== 'string' || !isPayChannel(body.sub_channel_type)) &&
      'sub_channel_type',
    (!Number.isSafeInteger(body?.transaction_fee) || body.transaction_fee! < 0) && 'transaction_fee',
  ].filter(Boolean);
  if (problems.length) throw new Refusal(400, `malformed webhook: ${problems.join(', ')}`);
  return body as WebhookBody;
}

function verifySignature(body: WebhookBody, credentials: BeeCloudCredentials): void {
  const expected = signWebhook({ app_id: credentials.appId, ...body }, credentials.masterSecret);
  if (!signaturesEqual(expected, body.signature)) throw new Refusal(401, 'bad signature');
}

/** The event with BeeCloud's own record of the amount and the records after the event. */
async function checkAgainstRecords(body: WebhookBody, api: BeeCloudClient): Promise<PaymentEventPayload> {
  let bill = null;
  let refund = null;
  if (body.transaction_type === 'PAY') {
    bill =
      (await api.bills({ bill_no: body.transaction_id, limit: 1, need_detail: true })).bills?.[0] ?? null;
  } else {
    refund =
      (await api.refunds({ refund_no: body.transaction_id, limit: 1, need_detail: true })).refunds?.[0] ??
      null;
    if (refund)
      bill = (await api.bills({ bill_no: refund.bill_no, limit: 1, need_detail: true })).bills?.[0] ?? null;
  }
  const expectedFeeFen =
    body.transaction_type === 'PAY' ? (bill?.total_fee ?? null) : (refund?.refund_fee ?? null);
  return {
    type: body.transaction_type,
    transactionId: body.transaction_id,
    channel: body.channel_type,
    subChannel: body.sub_channel_type,
    feeFen: body.transaction_fee,
    expectedFeeFen,
    feeMismatch: expectedFeeFen !== body.transaction_fee,
    tradeSuccess: body.trade_success !== false,
    channelTransactionId:
      typeof body.channel_transaction_id === 'string' ? body.channel_transaction_id : null,
    optional: body.optional && typeof body.optional === 'object' ? body.optional : {},
    receivedAt: Date.now(),
    bill,
    refund,
  };
}

function publish(pubSub: GatewayPubSub, event: PaymentEventPayload): void {
  pubSub.publish(TOPICS.paymentEvents, event);
  if (event.bill) {
    pubSub.publish(TOPICS.billByNo, event.bill.bill_no, event);
    pubSub.publish(TOPICS.billById, event.bill.id, event);
  }
  if (event.type === 'REFUND') pubSub.publish(TOPICS.refundByNo, event.transactionId, event);
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
