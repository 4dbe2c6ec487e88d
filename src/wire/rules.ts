/**
 * Field formats both sides check: the sandbox to answer `5 PARAM_INVALID`, the gateway to
 * refuse bad input before it spends an upstream call.
 */

export const BILL_NO_PATTERN = /^[0-9A-Za-z]{8,32}$/;
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

/** The date in China time (UTC+8, no daylight saving) as yyyyMMdd. */
export function chinaDate(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Why a refund_no is unacceptable at `nowMs`, or undefined when it is fine: the format, the
 * serial `000`, and the date, which must be today in China time.
 */
export function refundNoProblem(refundNo: string, nowMs: number): string | undefined {
  const match = REFUND_NO_PATTERN.exec(refundNo);
  if (!match) return 'refund_no must be 8 digits of date then 3-24 letters or digits';
  if (/^0+$/.test(match[2]!)) return 'refund_no serial must not be all zeros';
  const today = chinaDate(nowMs);
  if (match[1] !== today) return `refund_no must start with today's date in China time (${today})`;
  return undefined;
}

/** An http(s) URL with no `#` or `?` (BeeCloud appends its own query to return_url). */
export function returnUrlProblem(url: string): string | undefined {
  if (!/^https?:\/\/[^\s/?#]+[^\s?#]*$/.test(url)) return 'must be an http(s) URL without # or ?';
  return undefined;
}
