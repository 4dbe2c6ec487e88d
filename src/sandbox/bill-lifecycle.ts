import { randomInt, randomUUID } from 'node:crypto';
import {
  channelSpec,
  md5Hex,
  walletOfPayCode,
  type ChannelPayload,
  type OfflineBillResponse,
  type PayChannel,
} from '../wire/index.js';
import type { SandboxApp } from './apps.js';
import { channelPayload, channelTradeNo, payNotification, scanCodeUrl } from './channel-simulator.js';
import { checkoutUrl, type LifecycleParts } from './lifecycle-parts.js';
import { SandboxError, invalidParam } from './sandbox-error.js';
import type { BillRow } from './store-rows.js';
import { sendTransactionWebhook } from './transaction-webhook.js';

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
  /** BC_EXPRESS named its payer (section 12): a token and an SMS code are made for it. */
  authenticated?: boolean;
  bill_timeout?: number;
}

/** What the next in-store scan does (control API); by default the customer's code pays at once. */
export const SCAN_OUTCOMES = ['pay', 'wait', 'decline'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

/**
 * A bill's life: created (or a safe retry answered), paid or failed by its channel (a PAY
 * webhook for a payment), timed out, revoked; BC_EXPRESS confirmed by SMS code; in-store scans
 * paid, waiting or declined as the control API queued. Each change runs in one store
 * transaction.
 */
export class BillLifecycle {
  /** Outcomes the control API queued for the next scans, per app. */
  private readonly scanOutcomes = new Map<string, ScanOutcome[]>();

  constructor(private readonly parts: LifecycleParts) {}

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
    const now = this.parts.clock.now();
    const bill = this.parts.store.transaction(() => {
      const existing = this.parts.store.billByNo(app.appId, input.bill_no);
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
          input.authenticated
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
      this.parts.store.insertBill(row);
      return this.parts.store.billById(app.appId, row.id)!;
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
    const channelType =
      input.channel === 'BC_SCAN' ? { channel_type: walletOfPayCode(authCode!) ?? 'ALI_SCAN' } : {};
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
    const found = this.parts.store.billByNo(app.appId, billNo);
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
    return this.parts.store.transaction(() => {
      const bill = this.offlineBill(app, billNo, channel);
      if (bill.status === 'paid') return false;
      this.parts.store.updateBill(bill.id, { status: 'revoked', revert_result: 1 });
      return true;
    });
  }

  /** The channel confirms payment: the bill is paid and a PAY webhook goes out. */
  payBill(billId: string): BillRow {
    const now = this.parts.clock.now();
    const paid = this.parts.store.transaction(() => {
      const bill = this.openBill(billId);
      const tradeNo = channelTradeNo(bill.channel, now);
      this.parts.store.updateBill(bill.id, {
        status: 'paid',
        trade_no: tradeNo,
        message_detail: JSON.stringify(payNotification(bill, tradeNo, now)),
      });
      return this.parts.store.billById(bill.app_id, bill.id)!;
    });
    sendTransactionWebhook(this.parts, paid.app_id, 'PAY', paid, {
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
    return this.parts.store.transaction(() => {
      const bill = this.openBill(billId);
      this.parts.store.updateBill(bill.id, { status: 'failed' });
      return this.parts.store.billById(bill.app_id, bill.id)!;
    });
  }

  /**
   * A bill as it stands now: an open bill whose bill_timeout has passed reads (and is
   * recorded) as timed out. Every read goes through expireIfDue, so a mark that a later
   * refusal rolls back is simply made again.
   */
  currentBill(billId: string): BillRow | undefined {
    return this.parts.store.transaction(() => {
      const bill = this.parts.store.billByIdAnyApp(billId);
      return bill && this.expireIfDue(bill);
    });
  }

  /** Within the caller's transaction: a bill that can still be paid or failed, or why not. */
  private openBill(billId: string): BillRow {
    const bill = this.parts.store.billByIdAnyApp(billId);
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
    if (bill.status !== 'open' || bill.expires_at === null || this.parts.clock.now() <= bill.expires_at)
      return bill;
    this.parts.store.updateBill(bill.id, { status: 'timed_out' });
    return { ...bill, status: 'timed_out' };
  }

  /** Forgets the queued scan outcomes (the records are the store's to delete). */
  reset(): void {
    this.scanOutcomes.clear();
  }
}
