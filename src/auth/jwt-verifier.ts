import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isScope, type Principal, type Scope } from './principal.js';

export interface JwtSettings {
  /** HS256 shared secret (at least 32 bytes), or… */
  hs256Secret?: string;
  /** …a JWKS URL for asymmetric keys (RS256, ES256, EdDSA). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/**
 * Bearer JWTs via jose. Scopes come from the `scope` claim (space-separated, OAuth 2) or an
 * `scp` array; unknown scopes are ignored. Expiry is always checked.
 */
export class JwtVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly settings: JwtSettings) {
    if (settings.hs256Secret) {
      this.key = new TextEncoder().encode(settings.hs256Secret);
      this.algorithms = ['HS256'];
    } else if (settings.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(settings.jwksUrl));
      this.algorithms = ['RS256', 'ES256', 'EdDSA', 'PS256'];
    } else {
      throw new Error('JWT verification needs JWT_HS256_SECRET or JWT_JWKS_URL');
    }
  }

  /** The token's principal, or undefined when it is not valid (signature, expiry, issuer, audience). */
  async verify(token: string): Promise<Principal | undefined> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, {
        algorithms: this.algorithms,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['exp'],
      }));
    } catch {
      return undefined;
    }
    const claimed =
      typeof payload.scope === 'string'
        ? payload.scope.split(' ')
        : Array.isArray(payload.scp)
          ? payload.scp
          : [];
    const scopes = new Set<Scope>(claimed.filter(isScope));
    return { id: `jwt:${payload.sub ?? 'anonymous'}`, kind: 'jwt', scopes, expiresAt: payload.exp! * 1000 };
  }
}
