/**
 * GET endpoints take their parameters as one query parameter, `para=<url-encoded JSON>`.
 */

/** The query string (without `?`) for a GET call. */
export function encodePara(params: object): string {
  return `para=${encodeURIComponent(JSON.stringify(params))}`;
}

export type DecodedPara =
  { kind: 'missing' } | { kind: 'invalid'; reason: string } | { kind: 'ok'; params: Record<string, unknown> };

/**
 * Reads `para` from a raw query string. It is decoded as a form value, so `+` is a space
 * (the Python SDK encodes spaces that way) and `%2B` is a plus.
 */
export function decodePara(rawQuery: string): DecodedPara {
  const value = new URLSearchParams(rawQuery).get('para');
  if (value === null) return { kind: 'missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { kind: 'invalid', reason: 'para is not valid JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { kind: 'invalid', reason: 'para must be a JSON object' };
  }
  return { kind: 'ok', params: parsed as Record<string, unknown> };
}
