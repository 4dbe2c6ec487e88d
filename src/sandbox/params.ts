import { isAcceptedBy, isKnownChannelName, type ChannelEndpoint } from '../wire/index.js';
import { SandboxError, invalidParam, missingParam } from './sandbox-error.js';

/** A decoded request: a JSON body, or the `para` object of a GET. */
export type Params = Record<string, unknown>;

/**
 * Readers for one parameter each, applying BeeCloud's rules as decisions.md settles them:
 * absent and JSON `null` are the same; for an optional string `""` means absent; for a
 * required field `""` is missing (`4`); for an optional number, boolean or map `""` is a
 * wrong type (`5`). The string `"null"` is read as BeeCloud's servers read it: missing in a
 * required field, absent in an optional string, a wrong type in an optional number, boolean
 * or map (GET parameters lose every `"null"` before they get here: see withoutNullStrings).
 * Each throws a SandboxError whose detail names the field and the rule.
 */

const isAbsent = (value: unknown) => value === undefined || value === null;
/** Absent, `""` or `"null"`: what a required field counts as missing. */
export const isMissing = (value: unknown) => isAbsent(value) || value === '' || value === 'null';

/** Throws `4 MISS_PARAM` for the first of `names` that is absent, `""` or `"null"`. */
export function requirePresent(params: Params, names: readonly string[]): void {
  for (const name of names) {
    if (isMissing(params[name])) throw missingParam(name);
  }
}

/**
 * A GET's `para` as BeeCloud reads it: the string `"null"` in any field is JSON null, so an
 * optional filter is absent and `app_id`, `timestamp` or `app_sign` is missing (`4`).
 */
export function withoutNullStrings(params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== 'null'));
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (isMissing(value)) return undefined;
  if (typeof value !== 'string') throw invalidParam(name, 'must be a string');
  return value;
}

export function requiredString(params: Params, name: string): string {
  requirePresent(params, [name]);
  return optionalString(params, name)!;
}

/** A string that must match `pattern`; `rule` says the format in the error. */
export function formattedString(
  params: Params,
  name: string,
  pattern: RegExp,
  rule: string,
): string | undefined {
  const value = optionalString(params, name);
  if (value !== undefined && !pattern.test(value)) throw invalidParam(name, rule);
  return value;
}

export function optionalInteger(params: Params, name: string, min: number, max: number): number | undefined {
  const value = params[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw invalidParam(name, 'must be a JSON integer');
  if (value < min || value > max) throw invalidParam(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function requiredInteger(params: Params, name: string, min: number, max: number): number {
  requirePresent(params, [name]);
  return optionalInteger(params, name, min, max)!;
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'boolean') throw invalidParam(name, 'must be a JSON boolean');
  return value;
}

export function requiredBoolean(params: Params, name: string): boolean {
  requirePresent(params, [name]);
  return optionalBoolean(params, name)!;
}

/** A JSON object (not an array), returned as given. */
export function optionalMap(params: Params, name: string): Record<string, unknown> | undefined {
  const value = params[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam(name, 'must be a JSON object');
  return value as Record<string, unknown>;
}

/** A 13-digit-at-most millisecond time, as the queries' start_time and end_time. */
export function optionalEpochMs(params: Params, name: string): number | undefined {
  return optionalInteger(params, name, 0, 9_999_999_999_999);
}

/** A channel name that exists: otherwise `5`, as BeeCloud answers a name it does not know. */
export function knownChannel(name: string): string {
  if (!isKnownChannelName(name))
    throw invalidParam('channel', `${JSON.stringify(name)} is not a BeeCloud channel`);
  return name;
}

/** A channel `endpoint` takes: `5` for a name that is no channel, `3` for one this endpoint does not take. */
export function acceptedChannel(endpoint: ChannelEndpoint, name: string): string {
  if (!isAcceptedBy(endpoint, knownChannel(name)))
    throw new SandboxError('CHANNEL_INVALID', `channel ${name} is not accepted by this endpoint`);
  return name;
}
