import {
  BILL_NO_PATTERN,
  BILL_NO_RULE,
  EXPRESS_PAYER_FIELDS,
  IDENTITY_ID_PATTERN,
  MAX_TITLE_BYTES,
  MAX_TOTAL_FEE,
  SCAN_ANY_WALLET,
  channelRequires,
  channelTakes,
  channelSpec,
  familyOf,
  returnUrlProblem,
  titleBytes,
  walletOfPayCode,
  type ChannelField,
  type PayChannel,
  type CreateBillRequest,
  type OfflineBillRequest,
  type Unsigned,
} from '../../wire/index.js';
import { storedMapProblem } from '../common/json.js';
import { notifyUrlRefusal } from '../common/notify-url.js';
import type { UserErrorShape } from '../errors.js';
import type { BillBaseInput, CreateBillInput, CreateScanBillInput } from './bill.input.js';

type AnyBillInput = Omit<CreateBillInput, 'channel'> &
  Omit<CreateScanBillInput, 'channel'> & { channel: string };

/** Input field names by BeeCloud field name, to point userErrors at the input. */
export const BILL_INPUT_FIELDS: Record<string, keyof AnyBillInput> = {
  channel: 'channel',
  bill_no: 'billNo',
  total_fee: 'totalFeeFen',
  title: 'title',
  optional: 'optional',
  analysis: 'analysis',
  return_url: 'returnUrl',
  bill_timeout: 'billTimeoutSeconds',
  openid: 'openid',
  show_url: 'showUrl',
  use_app: 'useApp',
  qr_pay_mode: 'qrPayMode',
  identity_id: 'identityId',
  cardno: 'cardNo',
  cardpwd: 'cardPassword',
  frqid: 'cardType',
  notify_url: 'notifyUrl',
  store_id: 'storeId',
  buyer_id: 'buyerId',
  seller_id: 'sellerId',
  coupon_id: 'couponId',
  limit_credit: 'limitCredit',
  bank: 'bank',
  card_type: 'bankCardType',
  card_no: 'bankCardNo',
  auth_code: 'authCode',
  terminal_id: 'terminalId',
  'optional.token': 'expressPayer',
  ...Object.fromEntries(EXPRESS_PAYER_FIELDS.map((name) => [`optional.${name}`, 'expressPayer'])),
};

/** The input field of each field a channel may require or take (src/wire's channel table). */
const CHANNEL_INPUT: Record<ChannelField, keyof AnyBillInput> = {
  return_url: 'returnUrl',
  openid: 'openid',
  qr_pay_mode: 'qrPayMode',
  identity_id: 'identityId',
  cardno: 'cardNo',
  cardpwd: 'cardPassword',
  frqid: 'cardType',
  analysis: 'analysis',
  buyer_id: 'buyerId',
  auth_code: 'authCode',
  show_url: 'showUrl',
  use_app: 'useApp',
  bank: 'bank',
  card_type: 'bankCardType',
  card_no: 'bankCardNo',
};

/**
 * Fields that mean something to some channels only: given for another channel, BeeCloud would
 * silently ignore them, so the gateway says so (NOT_APPLICABLE) rather than drop them unseen.
 */
const CHANNEL_ONLY: readonly ChannelField[] = [
  'openid',
  'qr_pay_mode',
  'identity_id',
  'cardno',
  'cardpwd',
  'frqid',
  'show_url',
  'use_app',
  'bank',
  'card_type',
  'card_no',
];

/** What a mutation may store (GatewayContext's maxOptionalBytes and notifyUrlPrefixes). */
export interface InputLimits {
  maxOptionalBytes: number;
  notifyUrlPrefixes: readonly string[];
}

/**
 * Checks a bill with BeeCloud's own rules (src/wire) before any upstream call: the fields
 * every bill has, the channel's required fields from the channel table, and `endpoint`'s
 * channels. Each problem names its field and the rule, with the code BeeCloud would answer.
 */
function validateBill(
  input: BillBaseInput & Partial<AnyBillInput>,
  channel: PayChannel,
  limits: InputLimits,
  endpoint: 'createBill' | 'createScanBill',
): UserErrorShape[] {
  const problems: UserErrorShape[] = [];
  const missing = (field: keyof AnyBillInput, when = '') =>
    problems.push({
      code: 'MISS_PARAM',
      field: `input.${field}`,
      message: `${field} is required for ${channel}${when}`,
    });
  const invalid = (field: keyof AnyBillInput, rule: string) =>
    problems.push({ code: 'PARAM_INVALID', field: `input.${field}`, message: `${field} ${rule}` });
  const blank = (value: unknown) => value == null || value === '';

  const spec = channelSpec(channel);
  if (endpoint === 'createBill' ? !spec.online : !spec.offline) {
    problems.push({
      code: 'CHANNEL_INVALID',
      field: 'input.channel',
      message:
        endpoint === 'createBill'
          ? `${channel} is an in-store channel: use createScanBill`
          : `${channel} is not an in-store channel: use createBill`,
    });
    return problems;
  }
  if (!BILL_NO_PATTERN.test(input.billNo)) invalid('billNo', BILL_NO_RULE);
  if (!Number.isInteger(input.totalFeeFen) || input.totalFeeFen < 1 || input.totalFeeFen > MAX_TOTAL_FEE) {
    invalid('totalFeeFen', `must be between 1 and ${MAX_TOTAL_FEE} fen, got ${input.totalFeeFen}`);
  }
  if (input.title === '') missing('title');
  else if (titleBytes(input.title) > MAX_TITLE_BYTES) {
    invalid(
      'title',
      `must be at most ${MAX_TITLE_BYTES} bytes (ASCII 1, other characters 2), got ${titleBytes(input.title)}`,
    );
  }
  for (const [wire, field] of Object.entries(CHANNEL_INPUT))
    if (channelRequires(channel, wire as ChannelField) && blank(input[field])) missing(field);
  const notApplicable = (field: keyof AnyBillInput) =>
    problems.push({
      code: 'NOT_APPLICABLE',
      field: `input.${field}`,
      message: `${field} does not apply to ${channel}: leave it out`,
    });
  for (const wire of CHANNEL_ONLY)
    if (!channelTakes(channel, wire) && !blank(input[CHANNEL_INPUT[wire]]))
      notApplicable(CHANNEL_INPUT[wire]);
  if (input.expressPayer && !spec.authenticated) notApplicable('expressPayer');
  for (const field of ['returnUrl', 'showUrl'] as const) {
    const problem = blank(input[field]) ? undefined : returnUrlProblem(input[field]!);
    if (problem) invalid(field, problem);
  }
  const notifyProblem = blank(input.notifyUrl)
    ? undefined
    : notifyUrlRefusal(input.notifyUrl!, limits.notifyUrlPrefixes);
  if (notifyProblem) invalid('notifyUrl', notifyProblem);
  if (input.billTimeoutSeconds != null) {
    if (familyOf(channel) === 'JD') invalid('billTimeoutSeconds', 'is not supported by JD channels');
    else if (input.billTimeoutSeconds < 1)
      invalid('billTimeoutSeconds', `must be >= 1, got ${input.billTimeoutSeconds}`);
  }
  if (!blank(input.identityId) && !IDENTITY_ID_PATTERN.test(input.identityId!))
    invalid('identityId', 'must be 1-50 letters or digits');
  // BC_EXPRESS's authenticated mode (section 12): the payer named, by a token or all four
  // elements, and what that mode requires besides. Without expressPayer it is plain quick pay.
  const payer = input.expressPayer;
  if (spec.authenticated && payer) {
    for (const wire of spec.authenticated.requires)
      if (blank(input[CHANNEL_INPUT[wire]]))
        missing(CHANNEL_INPUT[wire], ' with expressPayer (authenticated)');
    const named =
      !blank(payer.token) ||
      (['phoneNo', 'cardNo', 'idNo', 'customerName'] as const).every((name) => !blank(payer[name]));
    if (!named) {
      problems.push({
        code: 'MISS_PARAM',
        field: 'input.expressPayer',
        message: 'expressPayer names the payer by its token, or by phoneNo, cardNo, idNo and customerName',
      });
    }
  }
  for (const field of ['optional', 'analysis'] as const) {
    const problem = storedMapProblem(input[field], limits.maxOptionalBytes);
    if (problem) invalid(field, problem);
  }
  return problems;
}

export const validateCreateBill = (input: CreateBillInput, limits: InputLimits) =>
  validateBill(input, input.channel, limits, 'createBill');

/** An in-store bill; SCAN is checked as the wallet its authCode belongs to, as BeeCloud resolves it. */
export function validateScanBill(input: CreateScanBillInput, limits: InputLimits): UserErrorShape[] {
  if (input.channel !== SCAN_ANY_WALLET) return validateBill(input, input.channel, limits, 'createScanBill');
  if (input.authCode == null || input.authCode === '')
    return [{ code: 'MISS_PARAM', field: 'input.authCode', message: 'authCode is required for SCAN' }];
  const wallet = walletOfPayCode(input.authCode);
  if (!wallet)
    return [
      {
        code: 'PARAM_INVALID',
        field: 'input.authCode',
        message: 'authCode is neither a WeChat Pay code (10-15…) nor an Alipay code (25-30…)',
      },
    ];
  return validateBill(input, wallet, limits, 'createScanBill');
}

/** Leaves out the fields that are unset (null, undefined or ""). */
const present = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null && value !== ''));

/** What both bill requests carry, but the channel. */
function baseRequest(input: BillBaseInput, optional: Record<string, unknown> | null | undefined) {
  return {
    bill_no: input.billNo,
    total_fee: input.totalFeeFen,
    title: input.title,
    ...present({
      optional,
      analysis: input.analysis,
      notify_url: input.notifyUrl,
      store_id: input.storeId,
      buyer_id: input.buyerId,
      seller_id: input.sellerId,
      coupon_id: input.couponId,
    }),
  };
}

/** The BeeCloud request for a valid input; fields that are unset stay out. */
export function createBillRequest(input: CreateBillInput): Unsigned<CreateBillRequest> {
  // BC_EXPRESS's payer travels in `optional`, as section 12 says.
  const payer = input.expressPayer
    ? present({
        phone_no: input.expressPayer.phoneNo,
        card_no: input.expressPayer.cardNo,
        id_no: input.expressPayer.idNo,
        customer_name: input.expressPayer.customerName,
        token: input.expressPayer.token,
      })
    : undefined;
  const optional = payer ? Object.assign({}, input.optional, payer) : input.optional;
  return {
    channel: input.channel,
    ...baseRequest(input, optional),
    ...present({
      return_url: input.returnUrl,
      bill_timeout: input.billTimeoutSeconds,
      openid: input.openid,
      show_url: input.showUrl,
      use_app: input.useApp,
      qr_pay_mode: input.qrPayMode,
      identity_id: input.identityId,
      cardno: input.cardNo,
      cardpwd: input.cardPassword,
      frqid: input.cardType,
      limit_credit: input.limitCredit,
      bank: input.bank,
      card_type: input.bankCardType,
      card_no: input.bankCardNo,
    }),
  };
}

export function scanBillRequest(input: CreateScanBillInput): Unsigned<OfflineBillRequest> {
  return {
    channel: input.channel,
    ...baseRequest(input, input.optional),
    ...present({ auth_code: input.authCode, terminal_id: input.terminalId }),
  };
}
