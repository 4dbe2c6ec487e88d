import { familyOf } from '../wire/index.js';
import { FAULT_KINDS, type FaultKind } from './faults.js';
import { SCAN_OUTCOMES, type ScanOutcome } from './bill-lifecycle.js';
import { optionalInteger, optionalString, type Params } from './params.js';
import { checkoutPage, errorPage, indexPage, refundConfirmPage } from './pages.js';
import { SandboxError, invalidParam, ok } from './sandbox-error.js';
import { billRecord, refundRecord } from './records.js';
import type { SandboxRuntime } from './runtime.js';
import type { BillRow, RefundWithBill } from './store-rows.js';

/** What a control route answers: JSON (an envelope) or an HTML page. */
export type ControlAnswer = { json: object } | { html: string; status?: number };

export interface ControlRequest {
  method: string;
  /** The path below `/_sandbox/`, split on `/`, each segment decoded. */
  segments: string[];
  query: URLSearchParams;
  body: Params;
}

/**
 * The sandbox's own API (not BeeCloud's): health, reset, the channel's side of payments
 * and refunds, the virtual clock, the webhook delivery log, fault injection, and the two
 * HTML pages. Bills and refunds are named by bill_no / refund_no; where two apps use the
 * same number, `app_id` (body or query) picks one.
 */
type ControlRoute = [
  method: string,
  pattern: string,
  handle: (rt: SandboxRuntime, req: ControlRequest, arg: string) => ControlAnswer,
];

const ROUTES: ControlRoute[] = [
  [
    'GET',
    'health',
    (rt) => ({
      json: ok({
        status: 'ok',
        now: rt.clock.now(),
        apps: rt.apps.size,
        rest_requests: rt.stats.restRequests,
      }),
    }),
  ],
  [
    'POST',
    'reset',
    (rt) => {
      rt.lifecycle.reset();
      rt.faults.clear();
      rt.clock.reset();
      return { json: ok({}) };
    },
  ],
  [
    'GET',
    'bills/:no',
    (rt, req, no) => ({ json: ok(billView(rt.lifecycle.bills.currentBill(findBill(rt, no, req).id)!)) }),
  ],
  [
    'POST',
    'bills/:no/pay',
    (rt, req, no) => ({ json: ok(billView(rt.lifecycle.bills.payBill(findBill(rt, no, req).id))) }),
  ],
  [
    'POST',
    'bills/:no/fail',
    (rt, req, no) => ({ json: ok(billView(rt.lifecycle.bills.failBill(findBill(rt, no, req).id))) }),
  ],
  [
    'POST',
    'scans/next',
    (rt, req) => {
      const outcome = optionalString(req.body, 'outcome');
      if (!SCAN_OUTCOMES.includes(outcome as ScanOutcome))
        throw invalidParam('outcome', `must be one of ${SCAN_OUTCOMES.join(', ')}`);
      const appId = appIdOf(req) ?? (rt.apps.size === 1 ? [...rt.apps.keys()][0] : undefined);
      if (appId === undefined || !rt.apps.has(appId))
        throw invalidParam('app_id', 'must name one of the apps');
      rt.lifecycle.bills.queueScanOutcome(appId, outcome as ScanOutcome);
      return { json: ok({ app_id: appId, outcome }) };
    },
  ],
  ['POST', 'refunds/:no/settle', (rt, req, no) => settle(rt, findRefund(rt, no, req), 'SUCCESS')],
  [
    'POST',
    'refunds/:no/confirm',
    (rt, req, no) => {
      const refund = findRefund(rt, no, req);
      if (familyOf(refund.channel) !== 'ALI') throw invalidParam('refund', `${no} is not an ALI refund`);
      return settle(rt, refund, 'SUCCESS');
    },
  ],
  [
    'POST',
    'refunds/:no/fail',
    (rt, req, no) => {
      const status = optionalString(req.body, 'status') ?? 'FAIL';
      if (status !== 'FAIL' && status !== 'CHANGE')
        throw invalidParam('status', 'must be "FAIL" or "CHANGE"');
      return settle(rt, findRefund(rt, no, req), status);
    },
  ],
  ['GET', 'clock', (rt) => ({ json: ok({ now: rt.clock.now(), offset_ms: rt.clock.offset }) })],
  [
    'POST',
    'clock/advance',
    (rt, req) => {
      rt.clock.advance(optionalInteger(req.body, 'ms', 0, 100 * 365 * 86_400_000) ?? 0);
      return { json: ok({ now: rt.clock.now(), offset_ms: rt.clock.offset }) };
    },
  ],
  [
    'POST',
    'clock/reset',
    (rt) => {
      rt.clock.reset();
      return { json: ok({ now: rt.clock.now(), offset_ms: 0 }) };
    },
  ],
  ['GET', 'webhooks', (rt, req) => ({ json: ok({ deliveries: webhookLog(rt, req.query) }) })],
  [
    'POST',
    'faults',
    (rt, req) => {
      rt.faults.add(faultFrom(req.body));
      return { json: ok({ faults: rt.faults.list() }) };
    },
  ],
  [
    'DELETE',
    'faults',
    (rt) => {
      rt.faults.clear();
      return { json: ok({ faults: [] }) };
    },
  ],
  ['GET', 'checkout/:id', checkout],
  ['POST', 'checkout/:id', checkout],
  ['GET', 'alipay/refund-confirm', aliRefundConfirm],
  ['POST', 'alipay/refund-confirm', aliRefundConfirm],
];

/**
 * The sandbox's own API (not BeeCloud's): health, reset, the channel's side of payments
 * and refunds, the virtual clock, the webhook delivery log, fault injection, and the two
 * HTML pages. Bills and refunds are named by bill_no / refund_no; where two apps use the
 * same number, `app_id` (body or query) picks one. Undefined when no route matches.
 */
export function controlHandler(rt: SandboxRuntime, req: ControlRequest): ControlAnswer | undefined {
  if (req.segments.length === 0 && (req.method === 'GET' || req.method === 'POST')) return index(rt, req);
  for (const [method, pattern, handle] of ROUTES) {
    if (method !== req.method) continue;
    const parts = pattern.split('/');
    if (parts.length !== req.segments.length) continue;
    const arg = parts.findIndex((part) => part.startsWith(':'));
    if (parts.every((part, i) => part.startsWith(':') || part === req.segments[i])) {
      return handle(rt, req, arg < 0 ? '' : req.segments[arg]!);
    }
  }
  return undefined;
}

/**
 * The wire record plus what the wire cannot show: the lifecycle state (failed, timed out,
 * revoked) and, for BC_EXPRESS, the SMS code the payer would have received.
 */
const billView = (bill: BillRow) => {
  const smsCode = (JSON.parse(bill.extra) as { sms_code?: string }).sms_code;
  return { status: bill.status, bill: billRecord(bill, true), ...(smsCode ? { sms_code: smsCode } : {}) };
};

function settle(
  rt: SandboxRuntime,
  refund: RefundWithBill,
  status: 'SUCCESS' | 'FAIL' | 'CHANGE',
): ControlAnswer {
  const settled = rt.lifecycle.refunds.settleRefund(refund.id, status);
  return { json: ok({ state: settled.state, refund: refundRecord(settled, true) }) };
}

function appIdOf(req: ControlRequest): string | undefined {
  return optionalString(req.body, 'app_id') ?? req.query.get('app_id') ?? undefined;
}

function findBill(rt: SandboxRuntime, billNo: string, req: ControlRequest): BillRow {
  const appId = appIdOf(req);
  const bills = rt.store.billsByNo(billNo).filter((bill) => appId === undefined || bill.app_id === appId);
  if (bills.length === 0) throw new SandboxError('NO_SUCH_BILL', `no bill with bill_no ${billNo}`);
  if (bills.length > 1)
    throw invalidParam('app_id', `is needed: bill_no ${billNo} exists in ${bills.length} apps`);
  return bills[0]!;
}

function findRefund(rt: SandboxRuntime, refundNo: string, req: ControlRequest): RefundWithBill {
  const appId = appIdOf(req);
  const refunds = rt.store
    .refundsByNo(refundNo)
    .filter((refund) => appId === undefined || refund.app_id === appId);
  if (refunds.length === 0) throw new SandboxError('NO_SUCH_REFUND', `no refund with refund_no ${refundNo}`);
  if (refunds.length > 1)
    throw invalidParam('app_id', `is needed: refund_no ${refundNo} exists in ${refunds.length} apps`);
  return refunds[0]!;
}

/** Each delivery with its body and attempts; filter with `transaction_id` or `app_id`. */
function webhookLog(rt: SandboxRuntime, query: URLSearchParams) {
  const events = rt.store.webhookEvents({
    app_id: query.get('app_id') ?? undefined,
    transaction_id: query.get('transaction_id') ?? undefined,
  });
  return events.map((event) => ({
    id: event.id,
    url: event.url,
    transaction_type: event.transaction_type,
    transaction_id: event.transaction_id,
    state: event.state,
    attempts: rt.store.webhookAttempts(event.id),
    next_attempt_at: event.state === 'pending' ? event.next_attempt_at : null,
    body: JSON.parse(event.body) as object,
  }));
}

function faultFrom(body: Params) {
  const kind = optionalString(body, 'kind');
  if (!FAULT_KINDS.includes(kind as FaultKind))
    throw invalidParam('kind', `must be one of ${FAULT_KINDS.join(', ')}`);
  return {
    kind: kind as FaultKind,
    path_prefix: optionalString(body, 'path_prefix') ?? '/2/',
    method: optionalString(body, 'method')?.toUpperCase(),
    remaining: optionalInteger(body, 'times', 1, 1_000_000) ?? 1,
    delay_ms: optionalInteger(body, 'delay_ms', 0, 3_600_000) ?? 60_000,
  };
}

/** `/_sandbox/checkout/{bill id}`: the page a web channel's form or URL opens. */
function checkout(rt: SandboxRuntime, req: ControlRequest, billId: string): ControlAnswer {
  const bill = rt.store.billByIdAnyApp(billId);
  if (!bill) return { html: errorPage('No such bill.'), status: 404 };
  const returnUrl = (JSON.parse(bill.extra) as { return_url?: string }).return_url;
  let message: string | undefined;
  if (req.method === 'POST') {
    const action = optionalString(req.body, 'action');
    try {
      if (action === 'pay') rt.lifecycle.bills.payBill(bill.id);
      else if (action === 'fail') rt.lifecycle.bills.failBill(bill.id);
      else message = 'Choose pay or fail.';
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      message = error.detail;
    }
  }
  const current = rt.lifecycle.bills.currentBill(bill.id)!;
  return { html: checkoutPage(current, current.status, returnUrl, message) };
}

/** `/_sandbox/`: the index page; its forms POST here (pay or fail a bill, settle or fail a refund). */
function index(rt: SandboxRuntime, req: ControlRequest): ControlAnswer {
  let message: string | undefined;
  if (req.method === 'POST') {
    const action = optionalString(req.body, 'action');
    try {
      const billNo = optionalString(req.body, 'bill');
      const refundNo = optionalString(req.body, 'refund');
      if (billNo !== undefined && action === 'pay') rt.lifecycle.bills.payBill(findBill(rt, billNo, req).id);
      else if (billNo !== undefined && action === 'fail')
        rt.lifecycle.bills.failBill(findBill(rt, billNo, req).id);
      else if (refundNo !== undefined && action === 'settle')
        settle(rt, findRefund(rt, refundNo, req), 'SUCCESS');
      else if (refundNo !== undefined && action === 'fail-refund')
        settle(rt, findRefund(rt, refundNo, req), 'FAIL');
      else throw invalidParam('action', 'must be pay or fail (a bill), settle or fail-refund (a refund)');
      message = `Done: ${action} ${billNo ?? refundNo}.`;
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      message = error.detail;
    }
  }
  const newest = { skip: 0, limit: 20 };
  const byTime = <T extends { create_time: number }>(rows: T[]) =>
    rows.sort((a, b) => b.create_time - a.create_time).slice(0, newest.limit);
  const apps = [...rt.apps.values()];
  return {
    html: indexPage({
      apps: apps.map((app) => ({ ...app, channels: app.channels.size })),
      bills: byTime(apps.flatMap((app) => rt.store.queryBills(app.appId, {}, newest))).map((bill) =>
        rt.lifecycle.bills.currentBill(bill.id)!,
      ),
      refunds: byTime(apps.flatMap((app) => rt.store.queryRefunds(app.appId, {}, newest))),
      routes: ROUTES.map(([method, path]) => [method, path]),
      message,
    }),
  };
}

/** The stand-in for Alipay's refund confirmation page (`?ids=` refund ids, comma-separated). */
function aliRefundConfirm(rt: SandboxRuntime, req: ControlRequest): ControlAnswer {
  const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
  const refunds = ids
    .map((id) => rt.store.refundByIdAnyApp(id))
    .filter((r): r is RefundWithBill => r !== undefined);
  if (refunds.length === 0) return { html: errorPage('No such refund.'), status: 404 };
  let message: string | undefined;
  if (req.method === 'POST') {
    for (const refund of refunds)
      if (refund.state === 'processing') rt.lifecycle.refunds.settleRefund(refund.id, 'SUCCESS');
    message = 'Refunds confirmed.';
  }
  return {
    html: refundConfirmPage(ids.map((id) => rt.store.refundByIdAnyApp(id)!).filter(Boolean), message),
  };
}
