/**
 * BeeCloud's result codes. Every answer carries `result_code`, `result_msg` and
 * `err_detail`; the message is the stable name, the code its number.
 */
export const RESULT_CODES = {
  OK: 0,
  APP_INVALID: 1,
  PAY_FACTOR_NOT_SET: 2,
  CHANNEL_INVALID: 3,
  MISS_PARAM: 4,
  PARAM_INVALID: 5,
  CERT_FILE_ERROR: 6,
  CHANNEL_ERROR: 7,
  NO_SUCH_BILL: 8,
  BILL_UNSUCCESS: 9,
  REFUND_EXCEED_TIME: 10,
  ALREADY_REFUNDING: 11,
  REFUND_AMOUNT_TOO_LARGE: 12,
  NO_SUCH_REFUND: 13,
  RUNTIME_ERROR: 14,
  NETWORK_ERROR: 15,
  PREREFUND_DUPLICATE: 16,
  BILL_NO_DUPLICATE: 17,
} as const;

export type ResultMsg = keyof typeof RESULT_CODES;
export type ResultCode = (typeof RESULT_CODES)[ResultMsg];

const messageByCode = new Map<number, ResultMsg>(
  Object.entries(RESULT_CODES).map(([msg, code]) => [code, msg as ResultMsg]),
);

/** The stable name of a code, or undefined for a number BeeCloud does not define. */
export function resultMsgOf(code: number): ResultMsg | undefined {
  return messageByCode.get(code);
}

/** The fields every response has, success or not. */
export interface Envelope {
  result_code: number;
  result_msg: string;
  /** `""` on success; never absent (the Java SDK crashes without it). */
  err_detail: string;
}
