import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { Authenticator } from '../../src/auth/authenticator.js';

/** JWTs signed with an asymmetric key, verified against a JWKS served on loopback. */
describe('JWT verification through a JWKS URL', () => {
  it('accepts a token signed by a published key, with the claimed scopes, and refuses others', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const other = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    let fetched = 0;
    const server = createServer((_req, res) => {
      fetched++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    try {
      const authenticator = new Authenticator({
        kind: 'enabled',
        apiKeys: [],
        jwt: { jwksUrl, issuer: 'https://id.example', audience: 'beecloud-graphql' },
      });
      const sign = (key: Parameters<SignJWT['sign']>[0], claims: { iss?: string; aud?: string } = {}) =>
        new SignJWT({ scp: ['refunds:read', 'not-a-scope'] })
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .setSubject('ops-console')
          .setIssuer(claims.iss ?? 'https://id.example')
          .setAudience(claims.aud ?? 'beecloud-graphql')
          .setExpirationTime('5m')
          .sign(key);

      const principal = await authenticator.authenticate({
        authorization: `Bearer ${await sign(privateKey)}`,
      });
      expect(principal).toEqual({
        id: 'jwt:ops-console',
        kind: 'jwt',
        scopes: new Set(['refunds:read']),
        expiresAt: expect.any(Number), // the token's exp, when a socket opened with it closes
      });
      expect(principal!.expiresAt! - Date.now()).toBeGreaterThan(4 * 60_000);
      expect(fetched).toBeGreaterThanOrEqual(1);

      for (const token of [
        await sign(other.privateKey), // not the published key
        await sign(privateKey, { iss: 'https://evil.example' }),
        await sign(privateKey, { aud: 'another-service' }),
      ]) {
        await expect(authenticator.authenticate({ authorization: `Bearer ${token}` })).rejects.toMatchObject({
          code: 'UNAUTHENTICATED',
        });
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
