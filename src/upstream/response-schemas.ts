import * as v from 'valibot';
import {
  CHANNEL_FAMILIES,
  PAY_CHANNELS,
  REFUND_STATUSES,
  type BillRecord,
  type EndpointName,
  type EndpointResponse,
  type RefundRecord,
} from '../wire/index.js';

/**
 * What BeeCloud's success answers must hold, per endpoint: checked on every answer by the
 * client (beecloud-client.ts, through their compiled form in response-check.ts), so that a
 * missing or mistyped field is UPSTREAM_BAD_RESPONSE at the edge instead of a `0`, an empty
 * list or a crash deep in a resolver. Fields beyond these are dropped: nothing reads them. The
 * `Same<…>` checks at the bottom make a drift between these schemas and the types in src/wire
 * a compile error.
 */

const envelope = { result_code: v.number(), result_msg: v.string(), err_detail: v.string() };
const fen = v.pipe(v.number(), v.safeInteger());
/** 13-digit epoch milliseconds. */
const epochMs = v.pipe(v.number(), v.safeInteger());

const billRecord = v.object({
  id: v.string(),
  bill_no: v.string(),
  total_fee: fen,
  trade_no: v.string(),
  channel: v.picklist(CHANNEL_FAMILIES),
  sub_channel: v.picklist(PAY_CHANNELS),
  title: v.string(),
  spay_result: v.boolean(),
  create_time: epochMs,
  optional: v.string(),
  message_detail: v.optional(v.string()),
  revert_result: v.boolean(),
  refund_result: v.boolean(),
  // The later revisions' fields: a server of the seed's time sends none of them.
  bill_fee: v.optional(fen),
  discount: v.optional(fen),
  coupon_id: v.optional(v.nullable(v.string())),
  buyer_id: v.optional(v.nullable(v.string())),
  seller_id: v.optional(v.nullable(v.string())),
  store_id: v.optional(v.nullable(v.string())),
  operator_id: v.optional(v.nullable(v.string())),
});

const refundRecord = v.object({
  id: v.string(),
  bill_no: v.string(),
  refund_no: v.string(),
  total_fee: fen,
  refund_fee: fen,
  title: v.string(),
  channel: v.picklist(CHANNEL_FAMILIES),
  sub_channel: v.picklist(PAY_CHANNELS),
  finish: v.boolean(),
  result: v.boolean(),
  optional: v.string(),
  message_detail: v.optional(v.string()),
  create_time: epochMs,
});

const optionalString = v.optional(v.string());
/** Every string field of every channel's payload (src/wire ChannelPayloads). */
const PAYLOAD_STRING_FIELDS = [
  'app_id',
  'partner_id',
  'package',
  'nonce_str',
  'timestamp',
  'pay_sign',
  'prepay_id',
  'code_url',
  'order_string',
  'html',
  'url',
  'qr_code',
  'tn',
  'orderInfo',
  'token',
] as const;
type PayloadStringField = (typeof PAYLOAD_STRING_FIELDS)[number];
const count = v.object({ ...envelope, count: v.pipe(v.number(), v.safeInteger(), v.minValue(0)) });

export const RESPONSE_SCHEMAS = {
  // Which of the channel's fields must be there is checked per channel by graphql/payload.
  createBill: v.object({
    ...envelope,
    id: v.string(),
    ...Object.fromEntries(PAYLOAD_STRING_FIELDS.map((name) => [name, optionalString])),
    sign_type: v.optional(v.literal('MD5')),
  } as typeof envelope & { id: v.StringSchema<undefined> } & Record<
      PayloadStringField,
      typeof optionalString
    > & {
      sign_type: v.OptionalSchema<v.LiteralSchema<'MD5', undefined>, undefined>;
    }),
  createRefund: v.object({ ...envelope, id: v.string(), url: optionalString }),
  reviewRefunds: v.object({
    ...envelope,
    result_map: v.optional(v.record(v.string(), v.string())),
    url: optionalString,
  }),
  bills: v.object({ ...envelope, bills: v.array(billRecord) }),
  billsCount: count,
  refunds: v.object({ ...envelope, refunds: v.array(refundRecord) }),
  refundsCount: count,
  refundStatus: v.object({ ...envelope, refund_status: v.picklist(REFUND_STATUSES) }),
  refundById: v.object({ ...envelope, refund: refundRecord }),
  billById: v.object({ ...envelope, pay: billRecord }),
  confirmBill: v.object(envelope),
  reconciliation: v.object({ ...envelope, pay_status: v.picklist(['true', 'false']) }),
  offlineBill: v.object({
    ...envelope,
    id: v.string(),
    pay_result: v.optional(v.boolean()),
    code_url: optionalString,
    channel_type: v.optional(v.picklist(['WX_SCAN', 'ALI_SCAN'])),
  }),
  offlineBillStatus: v.object({ ...envelope, pay_result: v.boolean() }),
  offlineRevert: v.object({ ...envelope, revert_status: v.boolean() }),
  offlineRefund: v.object({ ...envelope, id: v.string(), refund_result: v.boolean() }),
} satisfies Record<EndpointName, v.GenericSchema>;

/**
 * Where an answer first differs from its schema, as `bills[3].total_fee: expected number`.
 * The value found is left out: it is the upstream's data, not ours to echo to a client.
 */
export function firstProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const [issue] = issues;
  if (!issue) return 'unexpected shape';
  const path = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
  const what = issue.received === 'undefined' ? 'missing' : `expected ${issue.expected ?? 'another value'}`;
  return `${path || 'answer'}: ${what}`;
}

// Compile-time: each schema's output is exactly the wire type it checks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractHolds: {
  [E in EndpointName]: Same<v.InferOutput<(typeof RESPONSE_SCHEMAS)[E]>, EndpointResponse<E>>;
} = {
  createBill: true,
  createRefund: true,
  reviewRefunds: true,
  bills: true,
  billsCount: true,
  refunds: true,
  refundsCount: true,
  refundStatus: true,
  refundById: true,
  billById: true,
  confirmBill: true,
  reconciliation: true,
  offlineBill: true,
  offlineBillStatus: true,
  offlineRevert: true,
  offlineRefund: true,
};
const recordsHold: [
  Same<v.InferOutput<typeof billRecord>, BillRecord>,
  Same<v.InferOutput<typeof refundRecord>, RefundRecord>,
] = [true, true];
void contractHolds;
void recordsHold;
