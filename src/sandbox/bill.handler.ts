import {
  BILL_NO_PATTERN,
  BILL_NO_RULE,
  EXPRESS_PAYER_FIELDS,
  IDENTITY_ID_PATTERN,
  MAX_TITLE_BYTES,
  MAX_TOTAL_FEE,
  SCAN_ANY_WALLET,
  YEE_CARD_TYPES,
  channelSpec,
  walletOfPayCode,
  familyOf,
  notifyUrlProblem,
  returnUrlProblem,
  titleBytes,
  type ChannelEndpoint,
  type PayChannel,
} from '../wire/index.js';
import type { HandlerContext } from './handler-context.js';
import type { NewBill } from './bill-lifecycle.js';
import {
  acceptedChannel,
  formattedString,
  isMissing,
  knownChannel,
  optionalBoolean,
  optionalInteger,
  optionalMap,
  optionalString,
  requirePresent,
  requiredInteger,
  requiredString,
  type Params,
} from './params.js';
import { SandboxError, invalidParam, missingParam, ok } from './sandbox-error.js';

/**
 * Optional string fields a bill keeps as given (`extra`): the channel-specific ones for its
 * payload and the later revisions' `notify_url`, store, buyer, seller and coupon.
 */
const EXTRA_FIELDS = [
  'return_url',
  'openid',
  'show_url',
  'qr_pay_mode',
  'identity_id',
  'cardno',
  'frqid',
  'notify_url',
  'store_id',
  'buyer_id',
  'seller_id',
  'coupon_id',
  'card_no',
  'bank',
  'card_type',
  'terminal_id',
] as const;

/**
 * The checks both bill endpoints share, in BeeCloud's order: common required fields (`4`);
 * their types and formats (`5`, including a channel name that does not exist); channel
 * allowed by this endpoint (`3`); the channel's own fields (`4`/`5`); channel enabled for
 * the app (`2`). The bill_no rules (`17`) follow in Lifecycle.createBill.
 */
function readBill(ctx: HandlerContext, params: Params, endpoint: ChannelEndpoint): NewBill {
  requirePresent(params, ['channel', 'total_fee', 'bill_no', 'title']);
  const channelName = knownChannel(requiredString(params, 'channel'));
  const totalFee = requiredInteger(params, 'total_fee', 1, MAX_TOTAL_FEE);
  const billNo = formattedString(params, 'bill_no', BILL_NO_PATTERN, BILL_NO_RULE)!;
  const title = requiredString(params, 'title');
  if (titleBytes(title) > MAX_TITLE_BYTES) {
    throw invalidParam(
      'title',
      `must be at most ${MAX_TITLE_BYTES} bytes (ASCII 1, other characters 2), got ${titleBytes(title)}`,
    );
  }
  const optional = optionalMap(params, 'optional') ?? {};
  const analysis = optionalMap(params, 'analysis');
  const billTimeout = optionalInteger(params, 'bill_timeout', 1, MAX_TOTAL_FEE);
  for (const name of EXTRA_FIELDS) optionalString(params, name);
  optionalBoolean(params, 'limit_credit');
  optionalBoolean(params, 'use_app');

  const channel = walletOf(acceptedChannel(endpoint, channelName), params);
  const spec = channelSpec(channel);
  const authenticated = spec.authenticated !== undefined && namesExpressPayer(optional);
  // The channel's own fields, from the channel table: `analysis` is a map, the rest strings.
  for (const field of [...(spec.requires ?? []), ...(authenticated ? spec.authenticated!.requires : [])]) {
    if (field === 'analysis') {
      if (analysis === undefined) throw missingParam('analysis');
    } else requirePresent(params, [field]);
  }
  for (const [field, values] of Object.entries(spec.values ?? {}))
    formattedString(
      params,
      field,
      new RegExp(`^(${values.join('|')})$`),
      `must be one of ${values.join(' ')}`,
    );
  optionalString(params, 'auth_code');
  if (channel === 'YEE_NOBANKCARD') optionalString(params, 'cardpwd');
  checkChannelFields(channel, params, billTimeout);
  if (authenticated) checkExpressPayer(ctx, params, optional);

  if (!ctx.app.channels.has(channel)) {
    throw new SandboxError('PAY_FACTOR_NOT_SET', `channel ${channel} is not configured for this app`);
  }
  const extra: Record<string, string> = {};
  for (const name of EXTRA_FIELDS) {
    const value = optionalString(params, name);
    if (value !== undefined) extra[name] = value;
  }
  return {
    channel,
    total_fee: totalFee,
    bill_no: billNo,
    title,
    optional: withoutPayerElements(optional),
    analysis: analysis ?? {},
    extra,
    bill_timeout: billTimeout,
    authenticated,
  };
}

/**
 * `SCAN` (in-store only) is the wallet the customer's code belongs to: `4` without a code, `5`
 * for a code of neither wallet. Any other channel is itself.
 */
function walletOf(channelName: string, params: Params): PayChannel {
  if (channelName !== SCAN_ANY_WALLET) return channelName as PayChannel;
  requirePresent(params, ['auth_code']);
  const wallet = walletOfPayCode(requiredString(params, 'auth_code'));
  if (!wallet)
    throw invalidParam('auth_code', 'is neither a WeChat Pay code (10-15…) nor an Alipay code (25-30…)');
  return wallet;
}

/** BC_EXPRESS's authenticated mode: `optional` names the payer, by any of the four elements or a token. */
const namesExpressPayer = (optional: Record<string, unknown>) =>
  [...EXPRESS_PAYER_FIELDS, 'token'].some((name) => !isMissing(optional[name]));

function checkChannelFields(channel: PayChannel, params: Params, billTimeout: number | undefined): void {
  if (billTimeout !== undefined && familyOf(channel) === 'JD') {
    throw invalidParam('bill_timeout', 'is not supported by JD channels');
  }
  for (const name of ['return_url', 'show_url'] as const) {
    const url = optionalString(params, name);
    const problem = url === undefined ? undefined : returnUrlProblem(url);
    if (problem) throw invalidParam(name, problem);
  }
  const notifyUrl = optionalString(params, 'notify_url');
  const notifyProblem = notifyUrl === undefined ? undefined : notifyUrlProblem(notifyUrl);
  if (notifyProblem) throw invalidParam('notify_url', notifyProblem);
  formattedString(params, 'card_type', /^[12]$/, 'must be "1" (credit) or "2" (debit)');
  if (channel === 'ALI_QRCODE') formattedString(params, 'qr_pay_mode', /^[013]$/, 'must be "0", "1" or "3"');
  if (channel === 'YEE_WAP')
    formattedString(params, 'identity_id', IDENTITY_ID_PATTERN, 'must be 1-50 letters or digits');
  if (channel === 'YEE_NOBANKCARD') {
    formattedString(
      params,
      'frqid',
      new RegExp(`^(${YEE_CARD_TYPES.join('|')})$`),
      `must be one of ${YEE_CARD_TYPES.join(', ')}`,
    );
    formattedString(params, 'cardno', /^[0-9A-Za-z]{1,32}$/, 'must be 1-32 letters or digits');
  }
}

/**
 * BC_EXPRESS authenticated (section 12): `optional` names the payer by the four elements (a
 * partial set is `4` naming the first missing), or by the `token` an earlier payment of the
 * same buyer answered.
 */
function checkExpressPayer(ctx: HandlerContext, params: Params, optional: Record<string, unknown>): void {
  const token = optional.token;
  if (!isMissing(token)) {
    if (token !== ctx.lifecycle.bills.expressToken(ctx.app, requiredString(params, 'buyer_id')))
      throw invalidParam('optional.token', 'was not issued to this buyer_id');
    return;
  }
  for (const name of EXPRESS_PAYER_FIELDS) {
    const value = optional[name];
    if (isMissing(value)) throw missingParam(`optional.${name}`);
    if (typeof value !== 'string') throw invalidParam(`optional.${name}`, 'must be a string');
  }
}

/** The payer's card, id and phone are the channel's to check, not merchant data to keep and echo. */
function withoutPayerElements(optional: Record<string, unknown>): Record<string, unknown> {
  const kept = { ...optional };
  for (const name of [...EXPRESS_PAYER_FIELDS, 'token']) delete kept[name];
  return kept;
}

/** `POST /2/rest/bill`. */
export function createBillHandler(ctx: HandlerContext, params: Params) {
  const created = ctx.lifecycle.bills.createBill(ctx.app, readBill(ctx, params, 'createBill'), ctx.baseUrl);
  return ok({ id: created.id, ...created.payload });
}

/**
 * `POST /2/rest/offline/bill`: a scan channel charges the customer's code at once (paid,
 * pending or declined; the control API picks the next outcome), a QR channel answers the
 * code to show.
 */
export function offlineBillHandler(ctx: HandlerContext, params: Params) {
  const bill = readBill(ctx, params, 'offlineBill');
  const authCode = optionalString(params, 'auth_code');
  const answer = ctx.lifecycle.bills.createOfflineBill(ctx.app, bill, authCode);
  // SCAN: the bill is the wallet's own; the answer says which.
  const scanned =
    params.channel === SCAN_ANY_WALLET ? { channel_type: bill.channel as 'WX_SCAN' | 'ALI_SCAN' } : {};
  return ok({ ...answer, ...scanned });
}

/** `POST /2/rest/offline/bill/status`: whether the bill is paid. */
export function offlineBillStatusHandler(ctx: HandlerContext, params: Params) {
  requirePresent(params, ['bill_no']);
  const billNo = requiredString(params, 'bill_no');
  const channelName = optionalString(params, 'channel');
  const channel =
    channelName === undefined ? undefined : (acceptedChannel('offlineBill', channelName) as PayChannel);
  return ok({ pay_result: ctx.lifecycle.bills.offlineBill(ctx.app, billNo, channel).status === 'paid' });
}

/** `POST /2/rest/offline/bill/{bill_no}` with `method: "REVERT"`. */
export function offlineRevertHandler(ctx: HandlerContext, params: Params, billNo: string) {
  requirePresent(params, ['method']);
  const method = requiredString(params, 'method');
  if (method !== 'REVERT') throw invalidParam('method', 'must be "REVERT"');
  const channelName = optionalString(params, 'channel');
  const channel =
    channelName === undefined ? undefined : (acceptedChannel('offlineBill', channelName) as PayChannel);
  return ok({ revert_status: ctx.lifecycle.bills.revertBill(ctx.app, billNo, channel) });
}

/** `POST /2/rest/bill/confirm` (section 12): the SMS code confirms a BC_EXPRESS bill. */
export function confirmBillHandler(ctx: HandlerContext, params: Params) {
  requirePresent(params, ['token', 'bc_bill_id', 'verify_code']);
  ctx.lifecycle.bills.confirmExpressBill(ctx.app, {
    token: requiredString(params, 'token'),
    billId: requiredString(params, 'bc_bill_id'),
    verifyCode: requiredString(params, 'verify_code'),
  });
  return ok({});
}

/** `POST /2/rest/reconciliation` (section 13): whether a bill is paid, by its id. */
export function reconciliationHandler(ctx: HandlerContext, params: Params) {
  requirePresent(params, ['bill_id']);
  const billId = requiredString(params, 'bill_id');
  const bill = ctx.lifecycle.bills.currentBill(billId);
  if (!bill || bill.app_id !== ctx.app.appId)
    throw new SandboxError('NO_SUCH_BILL', `no bill with id ${billId}`);
  return ok({ pay_status: bill.status === 'paid' ? ('true' as const) : ('false' as const) });
}
