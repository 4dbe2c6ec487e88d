import { loadConfig } from '../../src/config.js';
import { devApp } from '../../src/sandbox/apps.js';
import { KEYS } from '../support/auth.js';
import { BillsDocument, CreateBillDocument } from '../../schema/generated/graphql.js';
import { dataOf, startTestGateway } from '../support/gateway.js';
import { uniqueBillNo } from '../support/sandbox.js';
import type { Json } from '../support/sandbox.js';
import { rawGet, refusedUrl, resettingServer } from '../support/servers.js';

const post = (
  url: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => fetch(url, { method: 'POST', headers, body });

describe('failover and timeouts, end to end', () => {
  it('serves reads and writes when the first base URL is down, creating one bill', async () => {
    const down = await refusedUrl();
    const t = await startTestGateway({ baseUrls: (sandbox) => [down, sandbox] });
    try {
      expect(dataOf(await t.run(BillsDocument, {})).bills.nodes).toEqual([]);
      const billNo = uniqueBillNo();
      const { createBill } = dataOf(
        await t.run(CreateBillDocument, { input: { channel: 'UN_APP', billNo, totalFeeFen: 1, title: 't' } }),
      );
      expect(createBill.billId).toBeTruthy();
      expect((await t.rest.call('billsCount', { bill_no: billNo })).count).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('does not repeat a write that may have reached the first server: UPSTREAM_UNAVAILABLE, no bill', async () => {
    const resetting = await resettingServer();
    const t = await startTestGateway({ baseUrls: (sandbox) => [resetting.url, sandbox] });
    try {
      const billNo = uniqueBillNo();
      const answer = await t.run(CreateBillDocument, {
        input: { channel: 'UN_APP', billNo, totalFeeFen: 1, title: 't' },
      });
      expect(answer.errors?.[0]).toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
        path: ['createBill'],
      });
      expect(JSON.stringify(answer.errors)).not.toMatch(/127\.0\.0\.1|http:/);
      expect(resetting.requests()).toBe(1);
      expect((await t.rest.call('billsCount', { bill_no: billNo })).count).toBe(0);
      // A read is retried on the next server.
      expect(dataOf(await t.run(BillsDocument, {})).bills.nodes).toHaveLength(0);
    } finally {
      await t.close();
      await resetting.close();
    }
  });

  it('answers UPSTREAM_TIMEOUT within the configured time when the upstream stalls', async () => {
    const t = await startTestGateway({ client: { attemptTimeoutMs: 300, deadlineMs: 600 } });
    try {
      await t.rest.control('POST', 'faults', { kind: 'stall', times: 10, delay_ms: 5000 });
      const before = t.upstreamRequests();
      const answer = await t.run(BillsDocument, {});
      // Within the deadline (600 ms) there is room for two 300 ms attempts, not for a third.
      expect(t.upstreamRequests() - before).toBe(2);
      expect(answer.errors?.[0]).toMatchObject({
        message: 'the payment service did not answer in time',
        extensions: { code: 'UPSTREAM_TIMEOUT' },
      });
    } finally {
      await t.rest.control('DELETE', 'faults');
      await t.close();
    }
  });
});

describe('errors', () => {
  it('gives every BeeCloud failure a stable code: CHANNEL_ERROR, RUNTIME_ERROR, APP_INVALID', async () => {
    const t = await startTestGateway();
    try {
      await t.rest.control('POST', 'faults', {
        kind: 'channel_error',
        path_prefix: '/2/rest/bill',
        method: 'POST',
      });
      const channel = await t.run(CreateBillDocument, {
        input: { channel: 'UN_APP', billNo: uniqueBillNo(), totalFeeFen: 1, title: 't' },
      });
      expect(channel.errors?.[0]).toMatchObject({ extensions: { code: 'CHANNEL_ERROR', resultCode: 7 } });
      await t.rest.control('POST', 'faults', { kind: 'runtime_error', path_prefix: '/2/rest/bills' });
      const runtime = await t.run(BillsDocument, {});
      expect(runtime.errors?.[0]).toMatchObject({ extensions: { code: 'RUNTIME_ERROR', resultCode: 14 } });
    } finally {
      await t.close();
    }
    const wrong = await startTestGateway({
      client: { credentials: { ...devApp(), appSecret: 'not-the-secret' } },
    });
    try {
      const answer = await wrong.run(BillsDocument, {});
      expect(answer.errors?.[0]?.extensions?.code).toBe('APP_INVALID');
      expect(JSON.stringify(answer)).not.toContain('not-the-secret');
    } finally {
      await wrong.close();
    }
  });

  it('never shows a stack trace, a URL or a secret', async () => {
    const t = await startTestGateway();
    try {
      const answers = (await Promise.all([
        post(t.graphqlUrl, JSON.stringify({ query: '{ bills { items { nope } } }' })).then((r) => r.json()),
        post(t.graphqlUrl, JSON.stringify({ query: '{ bill(id: 1' })).then((r) => r.json()),
        post(t.graphqlUrl, '{not json').then((r) => r.json()),
      ])) as [Json, Json, Json];
      const text = JSON.stringify(answers);
      expect(text).not.toMatch(/stacktrace|at \w+ \(|node_modules|127\.0\.0\.1/);
      expect(text).not.toContain(devApp().appSecret);
      expect(answers[0].errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      // graphql-armor's token limit parses first, so a syntax error may surface as a validation failure.
      expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(
        answers[1].errors[0].extensions.code,
      );
      expect(answers[1].errors[0].message).toMatch(/Syntax Error/);
      expect(answers[2].errors[0].extensions.code).toBe('BAD_REQUEST');
    } finally {
      await t.close();
    }
  });
});

describe('HTTP', () => {
  let t: Awaited<ReturnType<typeof startTestGateway>>;
  beforeAll(async () => {
    t = await startTestGateway({
      server: { corsOrigins: loadConfig({}).corsOrigins, maxBodyBytes: 10_000 },
    });
  });
  afterAll(() => t.close());

  it('prevents CSRF: a simple cross-site request is refused, a JSON or flagged one is served', async () => {
    const simple = await post(t.graphqlUrl, JSON.stringify({ query: '{ billsCount }' }), {
      'content-type': 'text/plain',
    });
    expect(simple.status).toBe(400);
    const getSimple = await fetch(`${t.graphqlUrl}?query=${encodeURIComponent('{ billsCount }')}`);
    expect(getSimple.status).toBe(400);
    const flagged = await fetch(`${t.graphqlUrl}?query=${encodeURIComponent('{ billsCount }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await flagged.json()).toEqual({ data: { billsCount: 0 } });
  });

  it('refuses mutations over GET', async () => {
    const answer = await fetch(
      `${t.graphqlUrl}?query=${encodeURIComponent('mutation { reviewRefunds(input: {channel: WX, ids: ["x"], agree: true}) { confirmationUrl } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(answer.status).toBe(405);
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const allowed = await fetch(t.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://studio.apollographql.com', 'access-control-request-method': 'POST' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://studio.apollographql.com');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('apollo-require-preflight');
    const other = await fetch(t.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a frontend dev server on any local port call in development, and nothing that only looks local', async () => {
    const preflight = (origin: string) =>
      fetch(t.graphqlUrl, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-api-key',
        },
      });
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173'])
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBe(origin);
    for (const origin of ['http://localhost.evil.example:3000', 'https://localhost:3000', 'http://localhost'])
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    const production = {
      NODE_ENV: 'production',
      BEECLOUD_APP_ID: '0a11ce00-0000-4000-8000-0000000000aa',
      BEECLOUD_APP_SECRET: 's',
      BEECLOUD_MASTER_SECRET: 'm',
      API_KEYS: JSON.stringify([KEYS.readOnly.entry]),
    };
    expect(loadConfig(production).corsOrigins).toEqual(['https://studio.apollographql.com']);
  });

  it('turns HTTP batching off and limits the body size', async () => {
    const batch = await post(
      t.graphqlUrl,
      JSON.stringify([{ query: '{ billsCount }' }, { query: '{ refundsCount }' }]),
    );
    expect(batch.status).toBe(400);
    const big = await post(t.graphqlUrl, JSON.stringify({ query: `{ billsCount } # ${'x'.repeat(20_000)}` }));
    expect(big.status).toBe(413);
  });

  it('serves the explorer page and its assets from this package, not a CDN', async () => {
    const page = await fetch(t.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBe(5);
    for (const source of sources) {
      expect(source.startsWith('/graphql/explorer/')).toBe(true);
      const asset = await fetch(`${t.gateway.url}${source}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('serves no file outside the explorer assets, whatever the path says', async () => {
    for (const path of [
      '/graphql/explorer/../../package.json',
      '/graphql/explorer/..%2f..%2fpackage.json',
      '/graphql/explorer/%2e%2e/%2e%2e/package.json',
      '/graphql/explorer/....//....//package.json',
    ]) {
      const answer = await rawGet(t.gateway.url, path);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.body).not.toContain('beecloud-graphql');
    }
  });

  it('answers health checks and unknown paths', async () => {
    expect(await (await fetch(`${t.gateway.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${t.gateway.url}/nope`)).status).toBe(404);
  });
});
