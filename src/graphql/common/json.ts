/**
 * BeeCloud returns `optional` and `message_detail` as JSON-encoded strings; the schema
 * serves them as objects. Anything that is not a JSON object reads as null.
 */
export function parseJsonObject(text: string | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Why a map a client wants stored (`optional`, `analysis`) is too large, or undefined. Stored
 * maps come back in every list and every webhook, so their size is bounded where they enter
 * (LIMIT_MAX_OPTIONAL_BYTES), below what the webhook receiver accepts.
 */
export function storedMapProblem(
  value: Record<string, unknown> | null | undefined,
  maxBytes: number,
): string | undefined {
  if (value == null) return undefined;
  const bytes = Buffer.byteLength(JSON.stringify(value));
  return bytes > maxBytes
    ? `must be at most ${maxBytes} bytes as JSON (LIMIT_MAX_OPTIONAL_BYTES), got ${bytes}`
    : undefined;
}
