import * as v from 'valibot';
import {
  CHANNEL_FAMILIES,
  PAY_CHANNELS,
  signWebhook,
  signaturesEqual,
  type BillRecord,
  type RefundRecord,
  type WebhookBody,
} from '../wire/index.js';
import type { DedupStore } from './dedup-store.js';
import { publishPaymentEvent, type EventBus } from './event-bus.js';
import type { NewPaymentEvent } from './payment-event.js';
import { traced } from '../telemetry/tracing.js';
import type { PaymentEventPayload } from './payment-event.js';

export interface WebhookProcessorOptions {
  /** The app whose webhooks are accepted: signatures use its master secret. */
  app: { appId: string; masterSecret: string };
  /** BeeCloud's current records, read past any cache (the event just changed them). */
  records: {
    bill(billNo: string): Promise<BillRecord | null>;
    refund(refundNo: string): Promise<RefundRecord | null>;
  };
  dedup: DedupStore;
  bus: EventBus;
  /** Called before the event is acknowledged (the gateway drops cached records here). */
  onAccepted?: (event: NewPaymentEvent) => void;
}

/** Why a webhook is refused; BeeCloud resends anything not acknowledged. */
export type WebhookRefusal = 'malformed' | 'bad-signature' | 'in-progress' | 'unconfirmed' | 'unavailable';

export type WebhookOutcome =
  | { kind: 'accepted'; event: PaymentEventPayload }
  | { kind: 'duplicate' }
  | { kind: 'refused'; reason: WebhookRefusal; detail: string; cause?: unknown };

/**
 * A webhook's body (already parsed from JSON), in order: check its shape; verify the
 * signature in constant time; claim the transaction in the de-duplication store (a repeat
 * is acknowledged and not published again); look the record up and compare
 * `transaction_fee` with it (a mismatch is flagged on the event, never dropped silently);
 * publish, awaited; mark the transaction done. If the look-up or the publish fails, the
 * claim is released and the outcome is `unavailable`, so that BeeCloud's retry tries again.
 */
export function createWebhookProcessor(options: WebhookProcessorOptions) {
  return (parsed: unknown) =>
    traced('BeeCloud webhook', {}, async (span) => {
      const outcome = await processWebhook(parsed);
      span?.setAttributes({
        'beecloud.webhook.outcome': outcome.kind === 'refused' ? outcome.reason : outcome.kind,
        ...(outcome.kind === 'accepted'
          ? {
              'beecloud.transaction_type': outcome.event.type,
              'beecloud.channel': outcome.event.subChannel,
              'beecloud_graphql.event_id': outcome.event.id,
            }
          : {}),
      });
      return outcome;
    });

  async function processWebhook(parsed: unknown): Promise<WebhookOutcome> {
    const body = checkShape(parsed);
    if (typeof body === 'string') return { kind: 'refused', reason: 'malformed', detail: body };
    // Signed with the configured app id only: a body's own app_id never enters the signature
    // (otherwise characters could move between app_id and transaction_id), and one naming
    // another app is refused.
    const claimedApp = (parsed as { app_id?: unknown }).app_id;
    if (claimedApp !== undefined && claimedApp !== options.app.appId)
      return { kind: 'refused', reason: 'bad-signature', detail: "app_id is not this gateway's app" };
    const expected = signWebhook(
      Object.assign({}, body, { app_id: options.app.appId }),
      options.app.masterSecret,
    );
    if (!signaturesEqual(expected, body.signature))
      return { kind: 'refused', reason: 'bad-signature', detail: 'bad signature' };
    const key = claimKey(body.transaction_type, body.transaction_id);
    let claimed = false;
    try {
      const claim = await options.dedup.claim(key);
      if (claim === 'done') return { kind: 'duplicate' };
      if (claim === 'in-progress')
        return {
          kind: 'refused',
          reason: 'in-progress',
          detail: 'this transaction is being processed; retry later',
        };
      claimed = true;
      const event = await eventFromRecords(body, options.records);
      if (event.type === 'PAY' && !event.bill?.spay_result) {
        // BeeCloud's own record must say paid before anyone is told so. Not acknowledged:
        // BeeCloud resends on its schedule (~36 hours), and a later delivery that finds the
        // record paid is published then.
        await options.dedup.release(key).catch(() => undefined);
        return {
          kind: 'refused',
          reason: 'unconfirmed',
          detail: "BeeCloud's record does not say this bill is paid; retry later",
        };
      }
      options.onAccepted?.(event);
      const logged = await publishPaymentEvent(options.bus, event);
      await options.dedup.complete(key);
      return { kind: 'accepted', event: logged };
    } catch (cause) {
      // The store, the look-up or the publish failed: give the claim back so that BeeCloud's
      // retry finds the transaction unclaimed.
      if (claimed) await options.dedup.release(key).catch(() => undefined);
      return {
        kind: 'refused',
        reason: 'unavailable',
        detail: 'the event could not be processed now; retry later',
        cause,
      };
    }
  }
}

/**
 * What a webhook body must hold for the gateway to act on it: the fields the signature binds
 * and the event reports. Others (`trade_success`, `optional`, `channel_transaction_id`, the
 * legacy camelCase twins) are read leniently where they are used, as receivers of BeeCloud
 * always have.
 */
const WEBHOOK_FIELDS = {
  signature: v.string(),
  transaction_type: v.picklist(['PAY', 'REFUND']),
  transaction_id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  channel_type: v.picklist(CHANNEL_FAMILIES),
  sub_channel_type: v.picklist(PAY_CHANNELS),
  transaction_fee: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
};
const WebhookShape = v.looseObject(WEBHOOK_FIELDS);
type Checked = { [K in keyof typeof WEBHOOK_FIELDS]: v.InferOutput<(typeof WEBHOOK_FIELDS)[K]> };
type CheckedWebhook = Checked & Partial<WebhookBody>;
/** Each checked field is the wire's field of that name (src/wire/webhook.wire.ts): a drift is a compile error. */
type SameAsWire = { [K in keyof Checked]: Checked[K] extends WebhookBody[K] ? true : never };
const _sameAsWire: SameAsWire = {
  signature: true,
  transaction_type: true,
  transaction_id: true,
  channel_type: true,
  sub_channel_type: true,
  transaction_fee: true,
};

/** The body as checked, or a message naming every field that is wrong. */
function checkShape(parsed: unknown): CheckedWebhook | string {
  const result = v.safeParse(WebhookShape, parsed);
  if (result.success) return result.output as CheckedWebhook;
  const fields = [
    ...new Set(result.issues.map((issue) => issue.path?.[0]?.key).filter((key) => key !== undefined)),
  ];
  return `malformed webhook: ${fields.length ? fields.join(', ') : 'not an object'}`;
}

/** The event with BeeCloud's own record of the amount and the records after the event. */
async function eventFromRecords(
  body: CheckedWebhook,
  records: WebhookProcessorOptions['records'],
): Promise<NewPaymentEvent> {
  let bill: BillRecord | null = null;
  let refund: RefundRecord | null = null;
  if (body.transaction_type === 'PAY') {
    bill = await records.bill(body.transaction_id);
  } else {
    refund = await records.refund(body.transaction_id);
    if (refund) bill = await records.bill(refund.bill_no);
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

/** The de-duplication key of a transaction: the same for its webhooks and its announcement. */
const claimKey = (type: string, transactionId: string) => `${type}:${transactionId}`;

/**
 * Publishes an event no webhook will bring, at most once: it claims the same key a webhook of
 * that transaction would (`REFUND:<refund_no>`), so two syncs, or a sync and a late webhook,
 * publish it once between them, on every replica that shares the store.
 */
export async function announceOnce(dedup: DedupStore, bus: EventBus, event: NewPaymentEvent): Promise<void> {
  const key = claimKey(event.type, event.transactionId);
  if ((await dedup.claim(key)) !== 'new') return;
  try {
    await publishPaymentEvent(bus, event);
    await dedup.complete(key);
  } catch (error) {
    await dedup.release(key).catch(() => undefined);
    throw error;
  }
}
