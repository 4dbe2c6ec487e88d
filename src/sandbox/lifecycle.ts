import { randomInt, randomUUID } from 'node:crypto';
import {
  REFUND_FAMILIES,
  channelSpec,
  familyOf,
  isReviewable,
  md5Hex,
  settlesByStatusQuery,
  signLegacyWebhook,
  signWebhook,
  type ChannelFamily,
  type ChannelPayload,
  type OfflineBillResponse,
  type PayChannel,
  type RefundFamily,
  type RefundStatus,
  type SentWebhookBody,
  type TransactionType,
} from '../wire/index.js';
import type { SandboxApp } from './apps.js';
import {
  channelPayload,
  channelTradeNo,
  payNotification,
  refundNotification,
  scanCodeUrl,
} from './channel-simulator.js';
import type { VirtualClock } from './clock.js';
import { SandboxError, invalidParam } from './sandbox-error.js';
import type { BillRow, RefundRow, RefundWithBill, SandboxStore } from './store.js';
import type { WebhookSender } from './webhook-sender.js';

/** A bill request that passed validation. */
export interface NewBill {
  channel: PayChannel;
  total_fee: number;
  bill_no: string;
  title: string;
  optional: Record<string, unknown>;
  analysis: Record<string, unknown>;
  /** Channel-specific fields (return_url, openid, …), as given. */
  extra: Record<string, string>;
  bill_timeout?: number;
}

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

/** What the next in-store scan does (control API); by default the customer's code pays at once. */
export const SCAN_OUTCOMES = ['pay', 'wait', 'decline'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

export interface LifecycleOptions {
  /** A bill older than this (virtual time) cannot be refunded: `10 REFUND_EXCEED_TIME`. */
  refundWindowMs: number;
  /**
   * Test seam only (SANDBOX_TEST_WRITE_DELAY_MS): blocks this long between a refund's checks
   * and its insert, so that a test with two processes can show that the write lock, not
   * luck, keeps them from both passing the checks. 0 in every real use.
   */
  writeDelayMs?: number;
}

const isStatusQueryFamily = (channel: PayChannel) => settlesByStatusQuery(familyOf(channel));

/**
 * Every state change of bills and refunds: the rules of decisions.md, each run in one
 * store transaction so that concurrent requests see each other's effects, and the
 * webhooks each change causes. `baseUrl` is the sandbox's address as the client reached
 * it, for the checkout and confirmation pages the payloads link to.
 */
export class Lifecycle {
  /** Outcomes the control API queued for the next scans, per app. */
  private readonly scanOutcomes = new Map<string, ScanOutcome[]>();

  constructor(
    private readonly store: SandboxStore,
    private readonly clock: VirtualClock,
    private readonly webhooks: WebhookSender,
    private readonly apps: ReadonlyMap<string, SandboxApp>,
    private readonly options: LifecycleOptions,
  ) {}

  /**
   * Creates a bill, or answers a safe retry: the same bill_no on an open bill with the
   * same channel, fee and title returns the same id and a fresh payload (as WeChat Pay
   * treats a repeated out_trade_no). Any other reuse of a bill_no is `17`.
   */
  createBill(
    app: SandboxApp,
    input: NewBill,
    baseUrl: string,
  ): { id: string; payload: ChannelPayload | object } {
    const now = this.clock.now();
    const bill = this.store.transaction(() => {
      const existing = this.store.billByNo(app.appId, input.bill_no);
      if (existing) {
        const sameRequest =
          existing.channel === input.channel &&
          existing.total_fee === input.total_fee &&
          existing.title === input.title;
        if (this.expireIfDue(existing).status === 'open' && sameRequest) return existing;
        throw new SandboxError('BILL_NO_DUPLICATE', `bill_no ${input.bill_no} was already used by this app`);
      }
      const row: Omit<BillRow, 'seq' | 'trade_no' | 'message_detail' | 'refund_result' | 'revert_result'> = {
        id: randomUUID(),
        app_id: app.appId,
        bill_no: input.bill_no,
        channel: input.channel,
        total_fee: input.total_fee,
        title: input.title,
        optional: JSON.stringify(input.optional),
        analysis: JSON.stringify(input.analysis),
        extra: JSON.stringify(
          input.channel === 'BC_EXPRESS'
            ? {
                ...input.extra,
                token: this.expressToken(app, input.extra.buyer_id!),
                sms_code: String(randomInt(1_000_000)).padStart(6, '0'),
              }
            : input.extra,
        ),
        expires_at: input.bill_timeout === undefined ? null : now + input.bill_timeout * 1000,
        create_time: now,
        status: 'open',
      };
      this.store.insertBill(row);
      return this.store.billById(app.appId, row.id)!;
    });
    return {
      id: bill.id,
      payload: channelPayload(bill.channel, bill, { checkoutUrl: checkoutUrl(baseUrl, bill.id) }, now),
    };
  }

  /**
   * The in-store bill: a QR channel answers the code to show; a scan channel charges the
   * customer's code now, and pays, waits for the customer (`pay_result: false`, poll the
   * status) or is declined (`7`, the bill failed), as the control API queued.
   */
  createOfflineBill(
    app: SandboxApp,
    input: NewBill,
    authCode: string | undefined,
  ): Omit<OfflineBillResponse, 'result_code' | 'result_msg' | 'err_detail'> {
    const { id } = this.createBill(app, input, '');
    if (channelSpec(input.channel).offline === 'qr') return { id, code_url: scanCodeUrl(input.channel) };
    const channelType = input.channel === 'BC_SCAN' ? { channel_type: scanKindOf(authCode!) } : {};
    const outcome = this.scanOutcomes.get(app.appId)?.shift() ?? 'pay';
    if (outcome === 'decline') {
      this.failBill(id);
      throw new SandboxError('CHANNEL_ERROR', "the customer's pay code was declined by the channel");
    }
    if (outcome === 'pay') this.payBill(id);
    return { id, pay_result: outcome === 'pay', ...channelType };
  }

  /** Queues what the app's next scan does (control API). */
  queueScanOutcome(appId: string, outcome: ScanOutcome): void {
    this.scanOutcomes.set(appId, [...(this.scanOutcomes.get(appId) ?? []), outcome]);
  }

  /**
   * The authorization token of BC_EXPRESS (section 12) for a buyer: derived from the app's
   * secret, so it is stable per buyer and cannot be made up by a client.
   */
  expressToken(app: SandboxApp, buyerId: string): string {
    return md5Hex(`${app.appId}:${buyerId}:${app.masterSecret}`).slice(0, 24);
  }

  /**
   * `POST /bill/confirm`: the SMS code the payer received pays the BC_EXPRESS bill. A
   * repeat of a confirmation that succeeded answers OK again.
   */
  confirmExpressBill(app: SandboxApp, confirm: { billId: string; token: string; verifyCode: string }): void {
    const bill = this.currentBill(confirm.billId);
    if (!bill || bill.app_id !== app.appId)
      throw new SandboxError('NO_SUCH_BILL', `no bill with id ${confirm.billId}`);
    if (bill.channel !== 'BC_EXPRESS')
      throw invalidParam('bc_bill_id', `is a ${bill.channel} bill, not BC_EXPRESS`);
    const extra = JSON.parse(bill.extra) as { token: string; sms_code: string };
    if (confirm.token !== extra.token) throw invalidParam('token', 'is not the token this bill answered');
    if (confirm.verifyCode !== extra.sms_code)
      throw invalidParam('verify_code', 'does not match the SMS code');
    if (bill.status === 'paid') return;
    this.payBill(bill.id);
  }

  /** An app's bill by bill_no, as it stands now (`8` if none; `5` if `channel` is not its channel). */
  offlineBill(app: SandboxApp, billNo: string, channel: PayChannel | undefined): BillRow {
    const found = this.store.billByNo(app.appId, billNo);
    if (!found) throw new SandboxError('NO_SUCH_BILL', `no bill with bill_no ${billNo}`);
    if (channel !== undefined && channel !== found.channel)
      throw invalidParam('channel', `must be the bill's channel ${found.channel}, got ${channel}`);
    return this.currentBill(found.id)!;
  }

  /**
   * `REVERT`: a bill that is not paid is revoked (it can no longer be paid); true. A paid
   * bill stays paid (refund it instead); false.
   */
  revertBill(app: SandboxApp, billNo: string, channel: PayChannel | undefined): boolean {
    return this.store.transaction(() => {
      const bill = this.offlineBill(app, billNo, channel);
      if (bill.status === 'paid') return false;
      this.store.updateBill(bill.id, { status: 'revoked', revert_result: 1 });
      return true;
    });
  }

  /** The channel confirms payment: the bill is paid and a PAY webhook goes out. */
  payBill(billId: string): BillRow {
    const now = this.clock.now();
    const paid = this.store.transaction(() => {
      const bill = this.openBill(billId);
      const tradeNo = channelTradeNo(bill.channel, now);
      this.store.updateBill(bill.id, {
        status: 'paid',
        trade_no: tradeNo,
        message_detail: JSON.stringify(payNotification(bill, tradeNo, now)),
      });
      return this.store.billById(bill.app_id, bill.id)!;
    });
    this.sendWebhook(paid.app_id, 'PAY', paid, {
      notifyUrl: (JSON.parse(paid.extra) as { notify_url?: string }).notify_url,
      transactionId: paid.bill_no,
      fee: paid.total_fee,
      optional: paid.optional,
      detail: paid.message_detail,
      channelTransactionId: paid.trade_no,
    });
    return paid;
  }

  /** The payment failed at the channel (no webhook: BeeCloud sends only successes). */
  failBill(billId: string): BillRow {
    return this.store.transaction(() => {
      const bill = this.openBill(billId);
      this.store.updateBill(bill.id, { status: 'failed' });
      return this.store.billById(bill.app_id, bill.id)!;
    });
  }

  /**
   * Creates a refund or pre-refund. Every check and the insert run under one write lock:
   * two concurrent refunds of one bill cannot both pass the amount and in-progress checks.
   */
  createRefund(app: SandboxApp, input: NewRefund, baseUrl: string): { id: string; url?: string } {
    const now = this.clock.now();
    return this.store.transaction(() => {
      const existing = this.store.refundByNo(app.appId, input.refund_no);
      if (existing) {
        if (existing.bill_no !== input.bill_no || existing.refund_fee !== input.refund_fee) {
          throw invalidParam('refund_no', `${input.refund_no} was already used for another bill or amount`);
        }
        return { id: existing.id, ...this.confirmationUrl(existing, baseUrl) };
      }
      const bill = this.store.billByNo(app.appId, input.bill_no);
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
      if (now - bill.create_time > this.options.refundWindowMs) {
        throw new SandboxError('REFUND_EXCEED_TIME', `bill ${input.bill_no} is past the refund period`);
      }
      const others = this.store.refundsOfBill(bill.id);
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
      if (this.options.writeDelayMs) blockFor(this.options.writeDelayMs);
      const id = randomUUID();
      this.store.insertRefund({
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
      const refund = this.store.refundById(app.appId, id)!;
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
    return this.store.transaction(() => {
      const resultMap: Record<string, string> = {};
      const aliIds: string[] = [];
      for (const id of review.ids) {
        const refund = this.store.refundById(app.appId, id);
        if (!refund) resultMap[id] = 'NO_SUCH_REFUND';
        else if (familyOf(refund.channel) !== review.channel)
          resultMap[id] = `refund is of channel ${familyOf(refund.channel)}`;
        else if (refund.state !== 'awaiting_review') resultMap[id] = 'refund is not awaiting review';
        else {
          if (review.agree) {
            this.store.updateRefund(id, { state: 'processing' });
            this.startRefund({ ...refund, state: 'processing' });
            if (review.channel === 'ALI') aliIds.push(id);
          } else {
            this.store.updateRefund(id, { state: 'denied', deny_reason: review.denyReason });
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
    return this.store.transaction(() => {
      const refund = this.store.refundByNo(app.appId, refundNo);
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
          if (updateBill) this.store.updateBill(refund.bill_id, { refund_result: 1 });
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
    return this.store.transaction(() => {
      const refund = this.store.refundByIdAnyApp(refundId)!;
      if (refund.state !== 'processing') {
        throw invalidParam(
          'refund',
          `${refund.refund_no} is ${refund.state.replace('_', ' ')}, not waiting for the channel`,
        );
      }
      if (isStatusQueryFamily(refund.channel)) this.store.updateRefund(refund.id, { channel_status: status });
      else this.completeRefund(refund, status === 'SUCCESS');
      return this.store.refundByIdAnyApp(refundId)!;
    });
  }

  /** Deletes every record; the clock, apps and configuration stay. */
  reset(): void {
    this.scanOutcomes.clear();
    this.webhooks.reset();
    this.store.reset();
  }

  // Private helpers

  /**
   * A bill as it stands now: an open bill whose bill_timeout has passed reads (and is
   * recorded) as timed out. Every read goes through expireIfDue, so a mark that a later
   * refusal rolls back is simply made again.
   */
  currentBill(billId: string): BillRow | undefined {
    return this.store.transaction(() => {
      const bill = this.store.billByIdAnyApp(billId);
      return bill && this.expireIfDue(bill);
    });
  }

  /** Within the caller's transaction: a bill that can still be paid or failed, or why not. */
  private openBill(billId: string): BillRow {
    const bill = this.store.billByIdAnyApp(billId);
    if (!bill) throw new SandboxError('NO_SUCH_BILL', `no bill with id ${billId}`);
    const current = this.expireIfDue(bill);
    if (current.status !== 'open') {
      throw invalidParam(
        'bill',
        `${current.bill_no} is ${current.status.replace('_', ' ')} and can no longer be paid or failed`,
      );
    }
    return current;
  }

  /** Marks an open bill timed out once its bill_timeout has passed (virtual time). */
  private expireIfDue(bill: BillRow): BillRow {
    if (bill.status !== 'open' || bill.expires_at === null || this.clock.now() <= bill.expires_at)
      return bill;
    this.store.updateBill(bill.id, { status: 'timed_out' });
    return { ...bill, status: 'timed_out' };
  }

  /** A refund leaves review or is created direct: families that settle at once do so now. */
  private startRefund(refund: RefundWithBill): void {
    const family = familyOf(refund.channel);
    if (family !== 'ALI' && !isStatusQueryFamily(refund.channel)) this.completeRefund(refund, true);
  }

  private completeRefund(refund: RefundWithBill, success: boolean, updateBill = true): void {
    const bill = this.store.billById(refund.app_id, refund.bill_id)!;
    const detail = JSON.stringify(refundNotification(bill, refund, success));
    this.store.updateRefund(refund.id, { state: success ? 'succeeded' : 'failed', message_detail: detail });
    if (!success) return;
    if (updateBill) this.store.updateBill(bill.id, { refund_result: 1 });
    if (isStatusQueryFamily(refund.channel)) return; // these channels send no refund webhook
    this.sendWebhook(refund.app_id, 'REFUND', bill, {
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

  private sendWebhook(
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
    const app = this.apps.get(appId);
    const url = event.notifyUrl ?? app?.webhookUrl;
    if (!app || !url) return;
    const signed = {
      app_id: app.appId,
      transaction_id: event.transactionId,
      transaction_type: type,
      channel_type: familyOf(bill.channel),
      transaction_fee: event.fee,
    };
    const timestamp = this.clock.now();
    const messageDetail = JSON.parse(event.detail) as Record<string, unknown>;
    // Both signature schemes and both spellings, for receivers of either era (decisions.md).
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
    this.webhooks.enqueue(app.appId, url, body);
  }
}

/** The sandbox page where a person pays or fails a web-channel bill. */
export const checkoutUrl = (baseUrl: string, billId: string) => `${baseUrl}/_sandbox/checkout/${billId}`;
/** The sandbox stand-in for Alipay's refund confirmation page. */
export const aliConfirmUrl = (baseUrl: string, refundIds: string[]) =>
  `${baseUrl}/_sandbox/alipay/refund-confirm?ids=${refundIds.map(encodeURIComponent).join(',')}`;

/** BC_SCAN: which code the scanner read. WeChat pay codes start 10-15, Alipay's 25-30. */
const scanKindOf = (authCode: string): 'WX_SCAN' | 'ALI_SCAN' =>
  /^1[0-5]/.test(authCode) ? 'WX_SCAN' : 'ALI_SCAN';

/** Blocks the thread (the store's work is synchronous; an await here would end the transaction). */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
