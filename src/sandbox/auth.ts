import { APP_ID_PATTERN, signAppRequest, signaturesEqual, type SigningSecret } from '../wire/index.js';
import type { SandboxApp } from './apps.js';
import { requirePresent, type Params } from './params.js';
import { SandboxError, invalidParam } from './sandbox-error.js';

/**
 * Authenticates a call and returns its app. The order is BeeCloud's: the three fields
 * present (`4`), then well-formed (`5`), then app, signature and freshness (`1`). The
 * `1` answers do not say which of the three failed, so they cannot be used to probe for
 * app ids; the timestamp is checked against the wall clock (see VirtualClock).
 */
export function authenticate(
  params: Params,
  secret: SigningSecret,
  apps: ReadonlyMap<string, SandboxApp>,
  toleranceMs: number,
): SandboxApp {
  requirePresent(params, ['app_id', 'timestamp', 'app_sign']);
  const { app_id: appId, timestamp, app_sign: appSign } = params;
  if (typeof appId !== 'string' || !APP_ID_PATTERN.test(appId))
    throw invalidParam('app_id', 'must be a UUID string');
  if (
    typeof timestamp !== 'number' ||
    !Number.isSafeInteger(timestamp) ||
    timestamp < 0 ||
    timestamp > 9_999_999_999_999
  ) {
    // 0 is well-formed here and stale below (`1`), as BeeCloud answers it.
    throw invalidParam(
      'timestamp',
      'must be a non-negative JSON integer of at most 13 digits (milliseconds)',
    );
  }
  if (typeof appSign !== 'string' || !/^[0-9a-fA-F]{32}$/.test(appSign)) {
    throw invalidParam('app_sign', 'must be 32 hex characters');
  }
  const app = apps.get(appId.toLowerCase());
  // Sign with a placeholder for unknown apps so that every path does the same work.
  const expected = signAppRequest(appId, timestamp, app ? secretOf(app, secret) : '');
  const fresh = Math.abs(Date.now() - timestamp) <= toleranceMs;
  if (!app || !signaturesEqual(expected, appSign) || !fresh) {
    throw new SandboxError(
      'APP_INVALID',
      `unknown app_id, wrong app_sign (md5 of app_id + timestamp + ${secret}) or a timestamp more than ` +
        `${Math.round(toleranceMs / 1000)} s from server time`,
    );
  }
  return app;
}

const secretOf = (app: SandboxApp, secret: SigningSecret) =>
  secret === 'app_secret' ? app.appSecret : app.masterSecret;
