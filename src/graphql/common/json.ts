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
