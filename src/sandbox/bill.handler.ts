import {
  BILL_NO_PATTERN,
  IDENTITY_ID_PATTERN,
  MAX_TITLE_BYTES,
  MAX_TOTAL_FEE,
  RETURN_URL_CHANNELS,
  YEE_CARD_TYPES,
  familyOf,
  returnUrlProblem,
  titleBytes,
  type PayChannel,
} from '../wire/index.js';
import type { HandlerContext } from './handler-context.js';
import {
  acceptedChannel,
  formattedString,
  knownChannel,
  optionalInteger,
  optionalMap,
  optionalString,
  requirePresent,
  requiredInteger,
  requiredString,
  type Params,
} from './params.js';
import { SandboxError, invalidParam, ok } from './sandbox-error.js';

/** The fields each channel requires beyond the common ones. */
const REQUIRED_BY_CHANNEL: Partial<Record<PayChannel, readonly string[]>> = {
  WX_JSAPI: ['openid'],
  ALI_QRCODE: ['return_url', 'qr_pay_mode'],
  YEE_WAP: ['identity_id'],
  YEE_NOBANKCARD: ['cardno', 'cardpwd', 'frqid'],
  ...Object.fromEntries(
    RETURN_URL_CHANNELS.filter((c) => c !== 'ALI_QRCODE').map((c) => [c, ['return_url']]),
  ),
};

/** Channel-specific fields copied onto the bill when given. */
const EXTRA_FIELDS = [
  'return_url',
  'openid',
  'show_url',
  'qr_pay_mode',
  'identity_id',
  'cardno',
  'frqid',
] as const;

/**
 * `POST /2/rest/bill`. Checks in BeeCloud's order: auth (done by the router); common
 * required fields (`4`); their types and formats (`5`, including a channel name that does
 * not exist); channel allowed here (`3`); channel-specific fields (`4`/`5`); channel
 * enabled for the app (`2`); then the bill_no rules in Lifecycle.createBill (`17`).
 */
export function createBillHandler(ctx: HandlerContext, params: Params) {
  requirePresent(params, ['channel', 'total_fee', 'bill_no', 'title']);
  const channelName = knownChannel(requiredString(params, 'channel'));
  const totalFee = requiredInteger(params, 'total_fee', 1, MAX_TOTAL_FEE);
  const billNo = formattedString(params, 'bill_no', BILL_NO_PATTERN, 'must be 8-32 letters or digits')!;
  const title = requiredString(params, 'title');
  if (titleBytes(title) > MAX_TITLE_BYTES) {
    throw invalidParam(
      'title',
      `must be at most ${MAX_TITLE_BYTES} bytes (ASCII 1, other characters 2), got ${titleBytes(title)}`,
    );
  }
  const optional = optionalMap(params, 'optional') ?? {};
  const analysis = optionalMap(params, 'analysis') ?? {};
  const billTimeout = optionalInteger(params, 'bill_timeout', 1, MAX_TOTAL_FEE);
  for (const name of EXTRA_FIELDS) optionalString(params, name);

  const channel = acceptedChannel('createBill', channelName) as PayChannel;
  requirePresent(params, REQUIRED_BY_CHANNEL[channel] ?? []);
  if (channel === 'YEE_NOBANKCARD') optionalString(params, 'cardpwd');
  checkChannelFields(channel, params, billTimeout);

  if (!ctx.app.channels.has(channel)) {
    throw new SandboxError('PAY_FACTOR_NOT_SET', `channel ${channel} is not configured for this app`);
  }
  const extra: Record<string, string> = {};
  for (const name of EXTRA_FIELDS) {
    const value = optionalString(params, name);
    if (value !== undefined) extra[name] = value;
  }
  const created = ctx.lifecycle.createBill(
    ctx.app,
    {
      channel,
      total_fee: totalFee,
      bill_no: billNo,
      title,
      optional,
      analysis,
      extra,
      bill_timeout: billTimeout,
    },
    ctx.baseUrl,
  );
  return ok({ id: created.id, ...created.payload });
}

function checkChannelFields(channel: PayChannel, params: Params, billTimeout: number | undefined): void {
  if (billTimeout !== undefined && familyOf(channel) === 'JD') {
    throw invalidParam('bill_timeout', 'is not supported by JD channels');
  }
  for (const name of ['return_url', 'show_url'] as const) {
    const url = optionalString(params, name);
    const problem = url === undefined ? undefined : returnUrlProblem(url);
    if (problem) throw invalidParam(name, problem);
  }
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
