import { SignJWT } from 'jose';
import { createApiKey } from '../../src/auth/api-keys.js';
import { Authenticator } from '../../src/auth/authenticator.js';
import type { Scope } from '../../src/auth/principal.js';

export const JWT_SECRET = 'test-jwt-secret-that-is-at-least-32-bytes-long';

/** The principals of the authorization table, as API keys. */
export const KEYS = {
  readOnly: createApiKey('read-only', ['bills:read', 'refunds:read']),
  readOnlyBills: createApiKey('bills-reader', ['bills:read']),
  readOnlyRefunds: createApiKey('refunds-reader', ['refunds:read']),
  creator: createApiKey('creator', ['bills:create']),
  refunder: createApiKey('refunder', ['refunds:create']),
  reviewer: createApiKey('reviewer', ['refunds:review']),
  reporter: createApiKey('reporter', ['reports:read']),
  router: createApiKey('router', ['router', 'bills:read', 'refunds:read']),
  routerOfBills: createApiKey('router-of-bills', ['router', 'bills:read']),
  everything: createApiKey('everything', [
    'bills:read',
    'bills:create',
    'refunds:read',
    'refunds:create',
    'refunds:review',
  ]),
};

export const testAuthenticator = () =>
  new Authenticator({
    kind: 'enabled',
    apiKeys: Object.values(KEYS).map((k) => k.entry),
    jwt: { hs256Secret: JWT_SECRET },
  });

export async function jwtFor(
  scopes: Scope[],
  options: { expiresIn?: string; secret?: string; sub?: string } = {},
) {
  return new SignJWT({ scope: scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub ?? 'user-1')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
}
