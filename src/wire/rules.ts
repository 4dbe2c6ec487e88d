/**
 * Field formats both sides check: the sandbox to answer `5 PARAM_INVALID`, the gateway to
 * refuse bad input before it spends an upstream call.
 */

export const BILL_NO_PATTERN = /^[0-9A-Za-z]{8,32}$/;
/** BILL_NO_PATTERN in words, for the refusal that names the field. */
export const BILL_NO_RULE = 'must be 8-32 letters or digits';
/** yyyyMMdd then a serial of 3–24 letters or digits. */
export const REFUND_NO_PATTERN = /^(\d{8})([0-9A-Za-z]{3,24})$/;
export const IDENTITY_ID_PATTERN = /^[0-9A-Za-z]{1,50}$/;
export const APP_ID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const MAX_TOTAL_FEE = 2 ** 31 - 1;
export const MAX_TITLE_BYTES = 32;

/** BeeCloud's title measure: ASCII counts 1, any other character 2 (so 16 Chinese characters fit). */
export function titleBytes(title: string): number {
  let bytes = 0;
  for (const char of title) bytes += char.codePointAt(0)! < 0x80 ? 1 : 2;
  return bytes;
}

/**
 * China time (UTC+8, no daylight saving), in the formats the channels and BeeCloud write it.
 * The one place the offset is applied.
 */
const chinaIso = (epochMs: number) => new Date(epochMs + 8 * 3600_000).toISOString();
/** yyyyMMdd: the date a refund_no starts with. */
export const chinaDate = (epochMs: number): string => chinaStamp(epochMs).slice(0, 8);
/** yyyyMMddHHmmss: WeChat's, UnionPay's and JD's timestamps. */
export const chinaStamp = (epochMs: number): string => chinaIso(epochMs).replace(/\D/g, '').slice(0, 14);
/** `yyyy-MM-dd HH:mm:ss`: Alipay's. */
export const chinaDateTime = (epochMs: number): string => chinaIso(epochMs).slice(0, 19).replace('T', ' ');

/** An amount in yuan with two decimals, as Alipay writes `total_fee` (BeeCloud counts fen). */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

/**
 * Why a refund_no's format is unacceptable (the rule, without the field's name), or
 * undefined: 8 digits of date, then a serial of 3–24 letters or digits that is not all zeros.
 * Checked by the gateway before a call and by the sandbox, with refundNoProblem's date rule.
 */
export function refundNoFormatProblem(refundNo: string): string | undefined {
  const match = REFUND_NO_PATTERN.exec(refundNo);
  if (!match) return 'must be 8 digits of date (yyyyMMdd, China time) then 3-24 letters or digits';
  if (/^0+$/.test(match[2]!)) return 'serial must not be all zeros';
  return undefined;
}

/** refundNoFormatProblem, and the date, which must be today in China time at `nowMs`. */
export function refundNoProblem(refundNo: string, nowMs: number): string | undefined {
  const format = refundNoFormatProblem(refundNo);
  if (format) return format;
  const today = chinaDate(nowMs);
  if (!refundNo.startsWith(today)) return `must start with today's date in China time (${today})`;
  return undefined;
}

/**
 * A BeeCloud record id (a bill's or a refund's): a UUID. Nothing else can name a record, so
 * nothing else is ever put into a record's URL (`..` would reach another path).
 */
export const RECORD_ID_PATTERN =
  /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/** An http(s) URL with no `#` or `?` (BeeCloud appends its own query to return_url). */
export function returnUrlProblem(url: string): string | undefined {
  if (!/^https?:\/\/[^\s/?#]+[^\s?#]*$/.test(url)) return 'must be an http(s) URL without # or ?';
  return undefined;
}

/** A webhook URL that overrides the app's (`notify_url`): http:// or https://, as BeeCloud requires. */
export function notifyUrlProblem(url: string): string | undefined {
  if (!/^https?:\/\/[^\s/?#]+\S*$/.test(url)) return 'must be an http:// or https:// URL';
  return undefined;
}
