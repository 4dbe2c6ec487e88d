import { randomUUID } from 'node:crypto';
import {
  REFUND_FAMILIES,
  familyOf,
  isReviewable,
  settlesByStatusQuery,
  type ChannelFamily,
  type PayChannel,
  type RefundFamily,
  type RefundStatus,
} from '../wire/index.js';
import type { SandboxApp } from './apps.js';
import { refundNotification } from './channel-simulator.js';
import { aliConfirmUrl, type LifecycleParts } from './lifecycle-parts.js';
import { SandboxError, invalidParam } from './sandbox-error.js';
import type { RefundRow, RefundWithBill } from './store-rows.js';
import { sendTransactionWebhook } from './transaction-webhook.js';

export interface NewRefund {
  refund_no: string;
  bill_no: string;
  refund_fee: number;
  optional: Record<string, unknown>;
  need_approval: boolean;
  channel?: ChannelFamily;
  /** Fields kept as given (notify_url, refund_account, the in-store reason, operator, store). */
  extra: Record<string, string>;
  /** The in-store refund: it completes at once. */
  offline?: boolean;
}

const isStatusQueryFamily = (channel: PayChannel) => settlesByStatusQuery(familyOf(channel));

/**
 * A refund's life: created (every check of decisions.md under one write lock, so two
 * concurrent refunds of a bill cannot both pass), reviewed when it is a pre-refund, settled
 * by its channel — at once, on Alipay's confirmation page, or found by `GET /refund/status` for
 * the families that send no webhook — and its REFUND webhook sent.
 */
export class RefundLifecycle {
  constructor(private readonly parts: LifecycleParts) {}

  /**
   * Creates a refund or pre-refund. Every check and the insert run under one write lock:
   * two concurrent refunds of one bill cannot both pass the amount and in-progress checks.
   */
  createRefund(app: SandboxApp, input: NewRefund, baseUrl: string): { id: string; url?: string } {
    const now = this.parts.clock.now();
    return this.parts.store.transaction(() => {
      const existing = this.parts.store.refundByNo(app.appId, input.refund_no);
      if (existing) {
        if (existing.bill_no !== input.bill_no || existing.refund_fee !== input.refund_fee) {
          throw invalidParam('refund_no', `${input.refund_no} was already used for another bill or amount`);
        }
        return { id: existing.id, ...this.confirmationUrl(existing, baseUrl) };
      }
      const bill = this.parts.store.billByNo(app.appId, input.bill_no);
      if (!bill) throw new SandboxError('NO_SUCH_BILL', `no bill with bill_no ${input.bill_no}`);
      if (input.channel !== undefined && input.channel !== familyOf(bill.channel)) {
        throw invalidParam(
          'channel',
          `must be the bill's channel family ${familyOf(bill.channel)}, got ${input.channel}`,
        );
      }
      if (input.need_approval && !isReviewable(familyOf(bill.channel))) {
        // No refund may end in a state nothing can leave: PUT /refund could never name it.
        throw new SandboxError(
          'CHANNEL_INVALID',
          `need_approval cannot be true for a ${familyOf(bill.channel)} bill: its pre-refund could never be ` +
            `reviewed (PUT /refund takes ${REFUND_FAMILIES.join(' ')}); refund it directly`,
        );
      }
      if (bill.status !== 'paid')
        throw new SandboxError('BILL_UNSUCCESS', `bill ${input.bill_no} was not paid`);
      if (now - bill.create_time > this.parts.options.refundWindowMs) {
        throw new SandboxError('REFUND_EXCEED_TIME', `bill ${input.bill_no} is past the refund period`);
      }
      const others = this.parts.store.refundsOfBill(bill.id);
      if (input.need_approval && others.some((refund) => refund.state === 'awaiting_review')) {
        throw new SandboxError(
          'PREREFUND_DUPLICATE',
          `bill ${input.bill_no} already has a pre-refund awaiting review`,
        );
      }
      const pending = others.find(
        (refund) => refund.state === 'awaiting_review' || refund.state === 'processing',
      );
      if (pending) {
        throw new SandboxError(
          'ALREADY_REFUNDING',
          `refund ${pending.refund_no} of bill ${input.bill_no} is in progress`,
        );
      }
      // After one successful refund nothing is refundable, whether or not the bill records it yet.
      const refunded = bill.refund_result === 1 || others.some((refund) => refund.state === 'succeeded');
      const refundable = refunded ? 0 : bill.total_fee;
      if (input.refund_fee > refundable) {
        throw new SandboxError(
          'REFUND_AMOUNT_TOO_LARGE',
          `refund_fee ${input.refund_fee} exceeds the refundable ${refundable} of bill ${input.bill_no}`,
        );
      }
      if (this.parts.options.writeDelayMs) blockFor(this.parts.options.writeDelayMs);
      const id = randomUUID();
      this.parts.store.insertRefund({
        id,
        app_id: app.appId,
        refund_no: input.refund_no,
        bill_id: bill.id,
        refund_fee: input.refund_fee,
        optional: JSON.stringify(input.optional),
        need_approval: input.need_approval ? 1 : 0,
        state: input.need_approval ? 'awaiting_review' : 'processing',
        create_time: now,
        extra: JSON.stringify(input.extra),
      });
      const refund = this.parts.store.refundById(app.appId, id)!;
      if (input.offline) this.completeRefund(refund, true);
      else if (!input.need_approval) this.startRefund(refund);
      return { id, ...(input.need_approval ? {} : this.confirmationUrl(refund, baseUrl)) };
    });
  }

  /**
   * Approves or denies pre-refunds. Each id succeeds or fails alone; the answer maps each
   * to `"OK"` or the reason. Approved ALI refunds share one confirmation URL.
   */
  reviewRefunds(
    app: SandboxApp,
    review: { channel: RefundFamily; ids: string[]; agree: boolean; denyReason: string },
    baseUrl: string,
  ): { result_map: Record<string, string>; url?: string } {
    return this.parts.store.transaction(() => {
      const resultMap: Record<string, string> = {};
      const aliIds: string[] = [];
      for (const id of review.ids) {
        const refund = this.parts.store.refundById(app.appId, id);
        if (!refund) resultMap[id] = 'NO_SUCH_REFUND';
        else if (familyOf(refund.channel) !== review.channel)
          resultMap[id] = `refund is of channel ${familyOf(refund.channel)}`;
        else if (refund.state !== 'awaiting_review') resultMap[id] = 'refund is not awaiting review';
        else {
          if (review.agree) {
            this.parts.store.updateRefund(id, { state: 'processing' });
            this.startRefund({ ...refund, state: 'processing' });
            if (review.channel === 'ALI') aliIds.push(id);
          } else {
            this.parts.store.updateRefund(id, { state: 'denied', deny_reason: review.denyReason });
          }
          resultMap[id] = 'OK';
        }
      }
      return { result_map: resultMap, ...(aliIds.length ? { url: aliConfirmUrl(baseUrl, aliIds) } : {}) };
    });
  }

  /**
   * `GET /refund/status`: asks the channel. A started refund that the channel reports
   * settled (or failed) completes here, since these channels send no webhook.
   */
  refundStatus(app: SandboxApp, channel: string, refundNo: string, billUpdateFlag: boolean): RefundStatus {
    return this.parts.store.transaction(() => {
      const refund = this.parts.store.refundByNo(app.appId, refundNo);
      if (!refund) throw new SandboxError('NO_SUCH_REFUND', `no refund with refund_no ${refundNo}`);
      // BC (a later revision) records a settled refund on its bill only when asked to; the
      // seed's families always do, as the seed describes them.
      const updateBill = billUpdateFlag || familyOf(refund.channel) !== 'BC';
      if (familyOf(refund.channel) !== channel) {
        throw invalidParam(
          'channel',
          `must be the refund's channel family ${familyOf(refund.channel)}, got ${channel}`,
        );
      }
      switch (refund.state) {
        case 'awaiting_review':
          return 'PROCESSING';
        case 'denied':
          return 'FAIL';
        case 'succeeded':
          if (updateBill) this.parts.store.updateBill(refund.bill_id, { refund_result: 1 });
          return 'SUCCESS';
        case 'failed':
          return refund.channel_status === 'CHANGE' ? 'CHANGE' : 'FAIL';
        case 'processing':
          if (refund.channel_status !== 'PROCESSING')
            this.completeRefund(refund, refund.channel_status === 'SUCCESS', updateBill);
          return refund.channel_status;
      }
    });
  }

  /**
   * The channel's verdict on a started refund (control API). ALI refunds complete at once
   * (that is the merchant's confirmation); WX, YEE, KUAIQIAN and BD only record it, to be
   * found by `GET /refund/status`.
   */
  settleRefund(refundId: string, status: 'SUCCESS' | 'FAIL' | 'CHANGE'): RefundWithBill {
    return this.parts.store.transaction(() => {
      const refund = this.parts.store.refundByIdAnyApp(refundId)!;
      if (refund.state !== 'processing') {
        throw invalidParam(
          'refund',
          `${refund.refund_no} is ${refund.state.replace('_', ' ')}, not waiting for the channel`,
        );
      }
      if (isStatusQueryFamily(refund.channel))
        this.parts.store.updateRefund(refund.id, { channel_status: status });
      else this.completeRefund(refund, status === 'SUCCESS');
      return this.parts.store.refundByIdAnyApp(refundId)!;
    });
  }

  /** A refund leaves review or is created direct: families that settle at once do so now. */
  private startRefund(refund: RefundWithBill): void {
    const family = familyOf(refund.channel);
    if (family !== 'ALI' && !isStatusQueryFamily(refund.channel)) this.completeRefund(refund, true);
  }

  private completeRefund(refund: RefundWithBill, success: boolean, updateBill = true): void {
    const bill = this.parts.store.billById(refund.app_id, refund.bill_id)!;
    const detail = JSON.stringify(refundNotification(bill, refund, success));
    this.parts.store.updateRefund(refund.id, {
      state: success ? 'succeeded' : 'failed',
      message_detail: detail,
    });
    if (!success) return;
    if (updateBill) this.parts.store.updateBill(bill.id, { refund_result: 1 });
    if (isStatusQueryFamily(refund.channel)) return; // these channels send no refund webhook
    sendTransactionWebhook(this.parts, refund.app_id, 'REFUND', bill, {
      notifyUrl: (JSON.parse(refund.extra) as { notify_url?: string }).notify_url,
      transactionId: refund.refund_no,
      fee: refund.refund_fee,
      optional: refund.optional,
      detail,
      channelTransactionId: (JSON.parse(detail) as { refund_id: string }).refund_id,
    });
  }

  private confirmationUrl(
    refund: Pick<RefundRow, 'id' | 'state'> & { channel: PayChannel },
    baseUrl: string,
  ) {
    return familyOf(refund.channel) === 'ALI' && refund.state === 'processing'
      ? { url: aliConfirmUrl(baseUrl, [refund.id]) }
      : {};
  }
}

/** Blocks the thread (the store's work is synchronous; an await here would end the transaction). */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
