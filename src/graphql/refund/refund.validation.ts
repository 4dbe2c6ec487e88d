import {
  BILL_NO_PATTERN,
  BILL_NO_RULE,
  MAX_TOTAL_FEE,
  RECORD_ID_PATTERN,
  isReviewable,
  refundNoFormatProblem,
  type BillRecord,
} from '../../wire/index.js';
import { storedMapProblem } from '../common/json.js';
import type { UserErrorShape } from '../errors.js';
import type { InputLimits } from '../bill/bill.validation.js';
import { notifyUrlRefusal } from '../common/notify-url.js';
import type { RefundBaseInput, ReviewRefundsInput } from './refund.input.js';

/** Input field names by BeeCloud field name, to point userErrors at the input. */
export const REFUND_INPUT_FIELDS: Record<string, string> = {
  bill_no: 'billNo',
  refund_no: 'refundNo',
  refund_fee: 'refundFeeFen',
  need_approval: 'needApproval',
  channel: 'channel',
  optional: 'optional',
  ids: 'ids',
  agree: 'agree',
  deny_reason: 'denyReason',
  notify_url: 'notifyUrl',
  refund_account: 'refundAccount',
  refund_reason: 'reason',
  operator_id: 'operatorId',
  store_id: 'storeId',
};

export const MAX_REVIEW_IDS = 100;

/** BeeCloud's formats, checked before the call (the date of refundNo is left to BeeCloud's clock). */
export function validateCreateRefund(
  input: RefundBaseInput & { needApproval?: boolean; notifyUrl?: string | null },
  limits: InputLimits,
  knownBill?: BillRecord,
): UserErrorShape[] {
  const problems: UserErrorShape[] = [];
  const invalid = (field: string, rule: string) =>
    problems.push({ code: 'PARAM_INVALID', field: `input.${field}`, message: `${field} ${rule}` });
  if (!BILL_NO_PATTERN.test(input.billNo)) invalid('billNo', BILL_NO_RULE);
  const refundNoProblem = refundNoFormatProblem(input.refundNo);
  if (refundNoProblem) invalid('refundNo', refundNoProblem);
  if (!Number.isInteger(input.refundFeeFen) || input.refundFeeFen < 1 || input.refundFeeFen > MAX_TOTAL_FEE) {
    invalid('refundFeeFen', `must be between 1 and ${MAX_TOTAL_FEE} fen, got ${input.refundFeeFen}`);
  }
  const optionalProblem = storedMapProblem(input.optional, limits.maxOptionalBytes);
  if (optionalProblem) invalid('optional', optionalProblem);
  const notifyProblem = input.notifyUrl
    ? notifyUrlRefusal(input.notifyUrl, limits.notifyUrlPrefixes)
    : undefined;
  if (notifyProblem) invalid('notifyUrl', notifyProblem);
  // Money safety: more than the bill is never refundable. Checked only against a bill the
  // gateway already holds (no extra upstream call); BeeCloud checks again in any case.
  // "Already refunded" is left to BeeCloud, which answers a retry of this very refund with its id.
  if (knownBill && input.needApproval && !isReviewable(knownBill.channel)) {
    problems.push({
      code: 'CHANNEL_INVALID',
      field: 'input.needApproval',
      message: `a pre-refund of a ${knownBill.channel} bill could never be reviewed; refund it directly`,
    });
  }
  if (knownBill && input.refundFeeFen > knownBill.total_fee) {
    problems.push({
      code: 'REFUND_AMOUNT_TOO_LARGE',
      field: 'input.refundFeeFen',
      message: `refundFeeFen ${input.refundFeeFen} exceeds the bill's total of ${knownBill.total_fee} fen`,
    });
  }
  return problems;
}

/**
 * Before anything moves: the list's size, and every id a BeeCloud record id (a UUID; the
 * spec's own example pads one with spaces, so they are trimmed first). One bad id refuses
 * the whole review: approving the others while answering an error would hide that money moved.
 */
export function validateReviewRefunds(input: ReviewRefundsInput): UserErrorShape[] {
  if (input.ids.length === 0)
    return [{ code: 'MISS_PARAM', field: 'input.ids', message: 'ids must list at least one refund id' }];
  if (input.ids.length > MAX_REVIEW_IDS) {
    return [
      {
        code: 'PARAM_INVALID',
        field: 'input.ids',
        message: `ids may list at most ${MAX_REVIEW_IDS} refunds, got ${input.ids.length}`,
      },
    ];
  }
  return input.ids.flatMap((id, i) =>
    RECORD_ID_PATTERN.test(id.trim())
      ? []
      : [
          {
            code: 'PARAM_INVALID',
            field: `input.ids[${i}]`,
            message: `ids[${i}] is not a refund id (a UUID)`,
          },
        ],
  );
}
