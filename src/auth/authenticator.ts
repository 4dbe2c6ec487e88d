import { AuthError } from './auth-error.js';
import { ApiKeyVerifier, type ApiKeyEntry } from './api-keys.js';
import { JwtVerifier, type JwtSettings } from './jwt-verifier.js';
import { SCOPES, type Principal } from './principal.js';

/** How callers authenticate, from configuration. `disabled` is the explicit opt-out. */
export type AuthSettings =
  { kind: 'disabled' } | { kind: 'enabled'; apiKeys: ApiKeyEntry[]; jwt?: JwtSettings };

/** The principal of an unauthenticated gateway (`AUTH_DISABLED`): every scope. */
const EVERYONE: Principal = { id: 'anonymous', kind: 'auth-disabled', scopes: new Set(SCOPES) };

/**
 * Turns a request's credentials into a principal: `Authorization: Bearer <key or JWT>` or
 * `X-API-Key: <key>`. No credentials: null (the operation's scopes then decide, and any
 * scope needs a principal). Credentials that do not verify: UNAUTHENTICATED, whatever the
 * operation. The error never echoes the credential.
 */
export class Authenticator {
  private readonly apiKeys: ApiKeyVerifier;
  private readonly jwt?: JwtVerifier;

  constructor(private readonly settings: AuthSettings) {
    this.apiKeys = new ApiKeyVerifier(settings.kind === 'enabled' ? settings.apiKeys : []);
    if (settings.kind === 'enabled' && settings.jwt) this.jwt = new JwtVerifier(settings.jwt);
  }

  async authenticate(headers: { authorization?: string; apiKey?: string }): Promise<Principal | null> {
    if (this.settings.kind === 'disabled') return EVERYONE;
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    const token = headers.apiKey ?? bearer;
    if (headers.authorization && !bearer)
      throw new AuthError('UNAUTHENTICATED', 'Authorization must be "Bearer <API key or JWT>"');
    if (token === undefined) return null;
    const principal = ApiKeyVerifier.looksLikeKey(token)
      ? this.apiKeys.verify(token)
      : await this.jwt?.verify(token);
    if (!principal) throw new AuthError('UNAUTHENTICATED', 'the credentials are not valid');
    return principal;
  }
}
