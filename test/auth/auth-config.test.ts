import { SCOPES } from '../../src/auth/principal.js';
import { loadConfig } from '../../src/config.js';
import { KEYS } from '../support/auth.js';
import { startTestGateway } from '../support/gateway.js';

const REAL = { BEECLOUD_APP_ID: 'a', BEECLOUD_APP_SECRET: 'b', BEECLOUD_MASTER_SECRET: 'c' };
const API_KEYS = JSON.stringify([KEYS.readOnly.entry]);

describe('auth configuration', () => {
  it('makes a development key only for the embedded sandbox outside production', () => {
    expect(loadConfig({}).auth).toEqual({ kind: 'dev-key' });
  });

  it('refuses to start in production, or with real BeeCloud secrets, without authentication', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...REAL })).toThrow(
      'refusing to start without authentication in production',
    );
    expect(() => loadConfig(REAL)).toThrow(
      'refusing to start without authentication while holding BeeCloud secrets',
    );
  });

  it('fails closed in production: BeeCloud credentials, not the development app, https off loopback, JWKS with issuer and audience', () => {
    const production = { NODE_ENV: 'production', API_KEYS };
    expect(() => loadConfig(production)).toThrow(
      'refusing to start in production without BeeCloud credentials: set BEECLOUD_APP_ID, BEECLOUD_APP_SECRET, BEECLOUD_MASTER_SECRET',
    );
    expect(() =>
      loadConfig({ ...production, ...REAL, BEECLOUD_APP_ID: 'C0FFEE00-0000-4BEE-8C1D-000000000001' }),
    ).toThrow("BEECLOUD_APP_ID is the sandbox's published development app");
    expect(() =>
      loadConfig({ ...production, ...REAL, BEECLOUD_BASE_URLS: 'http://pay.example.com' }),
    ).toThrow('BEECLOUD_BASE_URLS: http://pay.example.com is plain http to a host that is not loopback');
    expect(
      loadConfig({ ...production, ...REAL, BEECLOUD_BASE_URLS: 'http://127.0.0.1:8080' }).upstream,
    ).toMatchObject({
      kind: 'beecloud',
    });
    expect(() => loadConfig({ ...production, ...REAL, JWT_JWKS_URL: 'https://id.example/jwks' })).toThrow(
      'JWT_JWKS_URL in production needs JWT_ISSUER and JWT_AUDIENCE',
    );
    // Outside production the embedded sandbox is the default.
    expect(loadConfig({ API_KEYS }).upstream).toMatchObject({ kind: 'embedded-sandbox' });
  });

  it('accepts keys, JWT settings, or the explicit opt-out', () => {
    expect(loadConfig({ ...REAL, API_KEYS }).auth).toEqual({
      kind: 'enabled',
      apiKeys: [KEYS.readOnly.entry],
      jwt: undefined,
    });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        ...REAL,
        JWT_HS256_SECRET: 'x'.repeat(32),
        JWT_ISSUER: 'https://id.example',
      }).auth,
    ).toMatchObject({
      kind: 'enabled',
      jwt: { hs256Secret: 'x'.repeat(32), issuer: 'https://id.example' },
    });
    expect(loadConfig({ NODE_ENV: 'production', ...REAL, AUTH_DISABLED: 'true' }).auth).toEqual({
      kind: 'disabled',
    });
  });

  it('names the problem in a bad configuration, never echoing a secret', () => {
    expect(() => loadConfig({ API_KEYS: 'not json' })).toThrow('API_KEYS is not valid JSON');
    expect(() => loadConfig({ API_KEYS: '[{"id":"Bad Id","sha256":"x","scopes":[]}]' })).toThrow(
      'API_KEYS[0].id must be',
    );
    expect(() =>
      loadConfig({ API_KEYS: JSON.stringify([{ ...KEYS.readOnly.entry, scopes: ['bills:delete'] }]) }),
    ).toThrow(`API_KEYS[0].scopes must list scopes from: ${SCOPES.join(', ')}`);
    // Every scope create-key knows, from the one list.
    expect(SCOPES).toEqual(expect.arrayContaining(['reports:read', 'metrics:read']));
    expect(() => loadConfig({ JWT_HS256_SECRET: 'short-secret-1234' })).toThrow(
      'JWT_HS256_SECRET must be at least 32 bytes',
    );
    const refusal = (() => {
      try {
        loadConfig({ JWT_HS256_SECRET: 'short-secret-1234' });
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    })();
    expect(refusal).toBe('JWT_HS256_SECRET must be at least 32 bytes'); // the secret itself is not echoed
  });

  it('turns introspection and the explorer off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...REAL, API_KEYS })).toMatchObject({
      introspection: false,
      explorer: false,
    });
    expect(
      loadConfig({ NODE_ENV: 'production', ...REAL, API_KEYS, INTROSPECTION: 'true', EXPLORER: 'true' }),
    ).toMatchObject({ introspection: true, explorer: true });
    expect(loadConfig({})).toMatchObject({ introspection: true, explorer: true });
    expect(() => loadConfig({ INTROSPECTION: 'yes' })).toThrow('INTROSPECTION must be true or false');
  });
});

describe('introspection and the explorer switched off', () => {
  it('refuses introspection queries and does not serve the explorer', async () => {
    const t = await startTestGateway({ server: { introspection: false, explorer: false } });
    try {
      const response = await fetch(t.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __schema { types { name } } }"}',
      });
      const body = (await response.json()) as { errors: Array<{ message: string }> };
      expect(body.errors[0]!.message).toMatch(/introspection is off on this gateway \(INTROSPECTION=false\)/);
      expect((await fetch(t.graphqlUrl, { headers: { accept: 'text/html' } })).status).toBe(404);
      expect((await fetch(`${t.gateway.url}/graphql/explorer/graphiql.min.js`)).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
