import {
  MAX_TOTAL_FEE,
  notifyUrlProblem,
  refundNoProblem,
  type ChannelEndpoint,
  type ChannelFamily,
  type RefundFamily,
} from '../wire/index.js';
import type { HandlerContext } from './handler-context.js';
import type { NewRefund } from './refund-lifecycle.js';
import {
  acceptedChannel,
  optionalBoolean,
  optionalInteger,
  optionalMap,
  optionalString,
  requirePresent,
  requiredBoolean,
  requiredInteger,
  requiredString,
  type Params,
} from './params.js';
import { invalidParam, missingParam, ok } from './sandbox-error.js';

/**
 * The fields both refund endpoints share, checked in BeeCloud's order; `extras` are kept
 * with the refund as given (notify_url, and the in-store reason, operator and store).
 */
function readRefund(
  ctx: HandlerContext,
  params: Params,
  endpoint: ChannelEndpoint,
  extras: readonly string[],
): Omit<NewRefund, 'need_approval'> {
  requirePresent(params, ['refund_no', 'bill_no', 'refund_fee']);
  const refundNo = requiredString(params, 'refund_no');
  const billNo = requiredString(params, 'bill_no');
  const refundFee = requiredInteger(params, 'refund_fee', 1, MAX_TOTAL_FEE);
  const optional = optionalMap(params, 'optional') ?? {};
  const channelName = optionalString(params, 'channel');
  const refundAccount = optionalInteger(params, 'refund_account', 0, 1);
  const extra: Record<string, string> = {};
  for (const name of ['notify_url', ...extras]) {
    const value = optionalString(params, name);
    if (value !== undefined) extra[name] = value;
  }
  if (refundAccount !== undefined) extra.refund_account = String(refundAccount);
  const problem = refundNoProblem(refundNo, ctx.clock.now());
  if (problem) throw invalidParam('refund_no', problem);
  const notifyProblem = extra.notify_url === undefined ? undefined : notifyUrlProblem(extra.notify_url);
  if (notifyProblem) throw invalidParam('notify_url', notifyProblem);
  const channel =
    channelName === undefined ? undefined : (acceptedChannel(endpoint, channelName) as ChannelFamily);
  return { refund_no: refundNo, bill_no: billNo, refund_fee: refundFee, optional, channel, extra };
}

/** `POST /2/rest/refund` (master_secret). The business rules live in Lifecycle.createRefund. */
export function createRefundHandler(ctx: HandlerContext, params: Params) {
  const refund = readRefund(ctx, params, 'createRefund', []);
  const needApproval = optionalBoolean(params, 'need_approval') ?? false;
  return ok(
    ctx.lifecycle.refunds.createRefund(ctx.app, { ...refund, need_approval: needApproval }, ctx.baseUrl),
  );
}

/** `POST /2/rest/offline/refund` (master_secret): the in-store refund, which completes at once. */
export function offlineRefundHandler(ctx: HandlerContext, params: Params) {
  const refund = readRefund(ctx, params, 'offlineRefund', ['refund_reason', 'operator_id', 'store_id']);
  const { id } = ctx.lifecycle.refunds.createRefund(
    ctx.app,
    { ...refund, need_approval: false, offline: true },
    ctx.baseUrl,
  );
  return ok({ id, refund_result: ctx.store.refundById(ctx.app.appId, id)!.state === 'succeeded' });
}

/** `PUT /2/rest/refund` (master_secret): approve or deny pre-refunds. */
export function reviewRefundsHandler(ctx: HandlerContext, params: Params) {
  requirePresent(params, ['channel', 'ids', 'agree']);
  const channelName = requiredString(params, 'channel');
  const ids = params.ids;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))
    throw invalidParam('ids', 'must be a list of strings');
  if (ids.length === 0) throw missingParam('ids');
  const agree = requiredBoolean(params, 'agree');
  const denyReason = optionalString(params, 'deny_reason') ?? '';
  const channel = acceptedChannel('reviewRefunds', channelName) as RefundFamily;
  // Ids are trimmed: the spec's own example list carries a leading space.
  const uniqueIds = [...new Set((ids as string[]).map((id) => id.trim()))];
  return ok(
    ctx.lifecycle.refunds.reviewRefunds(ctx.app, { channel, ids: uniqueIds, agree, denyReason }, ctx.baseUrl),
  );
}

/** `GET /2/rest/refund/status`: WX, YEE, KUAIQIAN, BD and BC only. */
export function refundStatusHandler(ctx: HandlerContext, params: Params) {
  requirePresent(params, ['channel', 'refund_no']);
  const channel = acceptedChannel('refundStatus', requiredString(params, 'channel'));
  const refundNo = requiredString(params, 'refund_no');
  const updateBill = optionalString(params, 'bill_update_flag') === '1';
  return ok({ refund_status: ctx.lifecycle.refunds.refundStatus(ctx.app, channel, refundNo, updateBill) });
}
