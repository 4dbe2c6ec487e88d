import {
  BILL_NO_PATTERN,
  IDENTITY_ID_PATTERN,
  MAX_TITLE_BYTES,
  MAX_TOTAL_FEE,
  RETURN_URL_CHANNELS,
  familyOf,
  returnUrlProblem,
  titleBytes,
  type CreateBillRequest,
  type PayChannel,
  type Unsigned,
} from '../../wire/index.js';
import { storedMapProblem } from '../common/json.js';
import type { UserErrorShape } from '../errors.js';
import type { CreateBillInput } from './bill.input.js';

/** Input field names by BeeCloud field name, to point userErrors at the input. */
export const BILL_INPUT_FIELDS: Record<string, keyof CreateBillInput> = {
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
  qr_pay_mode: 'qrPayMode',
  identity_id: 'identityId',
  cardno: 'cardNo',
  cardpwd: 'cardPassword',
  frqid: 'cardType',
};

const REQUIRED_BY_CHANNEL: Partial<Record<PayChannel, Array<keyof CreateBillInput>>> = {
  WX_JSAPI: ['openid'],
  ALI_QRCODE: ['qrPayMode'],
  YEE_WAP: ['identityId'],
  YEE_NOBANKCARD: ['cardNo', 'cardPassword', 'cardType'],
};

/**
 * Checks a bill with BeeCloud's own rules (src/wire/rules.ts) before any upstream call.
 * Each problem names its field and the rule, with the code BeeCloud would answer.
 */
export function validateCreateBill(input: CreateBillInput, maxOptionalBytes: number): UserErrorShape[] {
  const problems: UserErrorShape[] = [];
  const missing = (field: keyof CreateBillInput) =>
    problems.push({
      code: 'MISS_PARAM',
      field: `input.${field}`,
      message: `${field} is required for ${input.channel}`,
    });
  const invalid = (field: keyof CreateBillInput, rule: string) =>
    problems.push({ code: 'PARAM_INVALID', field: `input.${field}`, message: `${field} ${rule}` });
  const blank = (value: string | null | undefined) => value == null || value === '';

  if (!BILL_NO_PATTERN.test(input.billNo)) invalid('billNo', 'must be 8-32 letters or digits');
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
  if (RETURN_URL_CHANNELS.includes(input.channel) && blank(input.returnUrl)) missing('returnUrl');
  for (const field of REQUIRED_BY_CHANNEL[input.channel] ?? [])
    if (blank(input[field] as string | null)) missing(field);
  for (const field of ['returnUrl', 'showUrl'] as const) {
    const problem = blank(input[field]) ? undefined : returnUrlProblem(input[field]!);
    if (problem) invalid(field, problem);
  }
  if (input.billTimeoutSeconds != null) {
    if (familyOf(input.channel) === 'JD') invalid('billTimeoutSeconds', 'is not supported by JD channels');
    else if (input.billTimeoutSeconds < 1)
      invalid('billTimeoutSeconds', `must be >= 1, got ${input.billTimeoutSeconds}`);
  }
  if (!blank(input.identityId) && !IDENTITY_ID_PATTERN.test(input.identityId!))
    invalid('identityId', 'must be 1-50 letters or digits');
  for (const field of ['optional', 'analysis'] as const) {
    const problem = storedMapProblem(input[field], maxOptionalBytes);
    if (problem) invalid(field, problem);
  }
  return problems;
}

/** The BeeCloud request for a valid input; fields that are unset stay out. */
export function createBillRequest(input: CreateBillInput): Unsigned<CreateBillRequest> {
  const optionalFields = {
    optional: input.optional,
    analysis: input.analysis,
    return_url: input.returnUrl,
    bill_timeout: input.billTimeoutSeconds,
    openid: input.openid,
    show_url: input.showUrl,
    qr_pay_mode: input.qrPayMode,
    identity_id: input.identityId,
    cardno: input.cardNo,
    cardpwd: input.cardPassword,
    frqid: input.cardType,
  };
  return {
    channel: input.channel,
    bill_no: input.billNo,
    total_fee: input.totalFeeFen,
    title: input.title,
    ...Object.fromEntries(
      Object.entries(optionalFields).filter(([, value]) => value != null && value !== ''),
    ),
  };
}
