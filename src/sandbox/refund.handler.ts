import { MAX_TOTAL_FEE, refundNoProblem, type RefundFamily } from '../wire/index.js';
import type { HandlerContext } from './handler-context.js';
import {
  optionalBoolean,
  optionalMap,
  optionalString,
  requirePresent,
  acceptedChannel,
  requiredBoolean,
  requiredInteger,
  requiredString,
  type Params,
} from './params.js';
import { invalidParam, missingParam, ok } from './sandbox-error.js';

/** `POST /2/rest/refund` (master_secret). The business rules live in Lifecycle.createRefund. */
export function createRefundHandler(ctx: HandlerContext, params: Params) {
  requirePresent(params, ['refund_no', 'bill_no', 'refund_fee']);
  const refundNo = requiredString(params, 'refund_no');
  const billNo = requiredString(params, 'bill_no');
  const refundFee = requiredInteger(params, 'refund_fee', 1, MAX_TOTAL_FEE);
  const optional = optionalMap(params, 'optional') ?? {};
  const needApproval = optionalBoolean(params, 'need_approval') ?? false;
  const channelName = optionalString(params, 'channel');
  const problem = refundNoProblem(refundNo, ctx.clock.now());
  if (problem) throw invalidParam('refund_no', problem);
  const channel =
    channelName === undefined ? undefined : (acceptedChannel('createRefund', channelName) as RefundFamily);
  const created = ctx.lifecycle.createRefund(
    ctx.app,
    {
      refund_no: refundNo,
      bill_no: billNo,
      refund_fee: refundFee,
      optional,
      need_approval: needApproval,
      channel,
    },
    ctx.baseUrl,
  );
  return ok(created);
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
    ctx.lifecycle.reviewRefunds(ctx.app, { channel, ids: uniqueIds, agree, denyReason }, ctx.baseUrl),
  );
}

/** `GET /2/rest/refund/status`: WX, YEE, KUAIQIAN and BD only. */
export function refundStatusHandler(ctx: HandlerContext, params: Params) {
  requirePresent(params, ['channel', 'refund_no']);
  const channel = acceptedChannel('refundStatus', requiredString(params, 'channel'));
  const refundNo = requiredString(params, 'refund_no');
  return ok({ refund_status: ctx.lifecycle.refundStatus(ctx.app, channel, refundNo) });
}
