import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT, type ChannelFilter } from '../wire/index.js';
import type { HandlerContext } from './handler-context.js';
import {
  acceptedChannel,
  optionalBoolean,
  optionalEpochMs,
  optionalInteger,
  optionalString,
  type Params,
} from './params.js';
import { SandboxError, ok } from './sandbox-error.js';
import { billRecord, refundRecord } from './records.js';
import { BILL_EXTRA_FILTERS, type BillFilter, type PageWindow, type RefundFilter } from './store-rows.js';

/** A channel filter: any family or pay channel; `3` for other known names, `5` for the rest. */
function channelFilter(params: Params): ChannelFilter | undefined {
  const name = optionalString(params, 'channel');
  if (name === undefined) return undefined;
  return acceptedChannel('queries', name) as ChannelFilter;
}

function timeRange(params: Params) {
  return { start_time: optionalEpochMs(params, 'start_time'), end_time: optionalEpochMs(params, 'end_time') };
}

function page(params: Params): PageWindow & { needDetail: boolean } {
  return {
    skip: optionalInteger(params, 'skip', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    limit: optionalInteger(params, 'limit', 0, MAX_QUERY_LIMIT) ?? DEFAULT_QUERY_LIMIT,
    needDetail: optionalBoolean(params, 'need_detail') ?? false,
  };
}

function billFilter(params: Params): BillFilter {
  return {
    channel: channelFilter(params),
    bill_no: optionalString(params, 'bill_no'),
    spay_result: optionalBoolean(params, 'spay_result'),
    refund_result: optionalBoolean(params, 'refund_result'),
    ...Object.fromEntries(BILL_EXTRA_FILTERS.map((name) => [name, optionalString(params, name)])),
    ...timeRange(params),
  };
}

function refundFilter(params: Params): RefundFilter {
  return {
    channel: channelFilter(params),
    bill_no: optionalString(params, 'bill_no'),
    refund_no: optionalString(params, 'refund_no'),
    need_approval: optionalBoolean(params, 'need_approval'),
    ...timeRange(params),
  };
}

/** `GET /2/rest/bills`: newest first; `message_detail` with `need_detail`. */
export function billsHandler(ctx: HandlerContext, params: Params) {
  const filter = billFilter(params);
  const window = page(params);
  const rows = ctx.store.queryBills(ctx.app.appId, filter, window);
  return ok({ bills: rows.map((row) => billRecord(row, window.needDetail)) });
}

/** `GET /2/rest/bills/count`: the same filters; skip, limit and need_detail are ignored. */
export function billsCountHandler(ctx: HandlerContext, params: Params) {
  return ok({ count: ctx.store.countBills(ctx.app.appId, billFilter(params)) });
}

export function refundsHandler(ctx: HandlerContext, params: Params) {
  const filter = refundFilter(params);
  const window = page(params);
  const rows = ctx.store.queryRefunds(ctx.app.appId, filter, window);
  return ok({ refunds: rows.map((row) => refundRecord(row, window.needDetail)) });
}

export function refundsCountHandler(ctx: HandlerContext, params: Params) {
  return ok({ count: ctx.store.countRefunds(ctx.app.appId, refundFilter(params)) });
}

/** `GET /2/rest/bill/{id}`: always with message_detail; another app's bill does not exist. */
export function billByIdHandler(ctx: HandlerContext, _params: Params, id: string) {
  const row = ctx.store.billById(ctx.app.appId, id);
  if (!row) throw new SandboxError('NO_SUCH_BILL', `no bill with id ${id}`);
  return ok({ pay: billRecord(row, true) });
}

export function refundByIdHandler(ctx: HandlerContext, _params: Params, id: string) {
  const row = ctx.store.refundById(ctx.app.appId, id);
  if (!row) throw new SandboxError('NO_SUCH_REFUND', `no refund with id ${id}`);
  return ok({ refund: refundRecord(row, true) });
}
