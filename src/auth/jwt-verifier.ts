import type { JWTPayload, JWTVerifyGetKey } from 'jose';
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
 *
 * jose is loaded by the first verifier, at start-up when JWTs are configured: a gateway without
 * them does not carry it (~0.7 MB of heap for as long as the process lives).
 */
export class JwtVerifier {
  private readonly jose = import('jose');
  private readonly key: Promise<Uint8Array | JWTVerifyGetKey>;
  private readonly algorithms: string[];

  constructor(private readonly settings: JwtSettings) {
    if (settings.hs256Secret) {
      this.key = Promise.resolve(new TextEncoder().encode(settings.hs256Secret));
      this.algorithms = ['HS256'];
    } else if (settings.jwksUrl) {
      const url = new URL(settings.jwksUrl); // a malformed URL stops the start, as before
      this.key = this.jose.then((jose) => jose.createRemoteJWKSet(url));
      this.algorithms = ['RS256', 'ES256', 'EdDSA', 'PS256'];
    } else {
      throw new Error('JWT verification needs JWT_HS256_SECRET or JWT_JWKS_URL');
    }
  }

  /** The token's principal, or undefined when it is not valid (signature, expiry, issuer, audience). */
  async verify(token: string): Promise<Principal | undefined> {
    const { jwtVerify } = await this.jose;
    const key = (await this.key) as Uint8Array;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
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
