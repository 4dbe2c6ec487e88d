import { request as httpRequest, Agent } from 'node:http';
import { gunzipSync } from 'node:zlib';
import WebSocket from 'ws';
import { createApiKey } from '../../src/auth/api-keys.js';
import { Authenticator } from '../../src/auth/authenticator.js';
import { KEYS } from '../support/auth.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { freePort, runNode } from '../support/process.js';
import { eventually } from '../support/receiver.js';
import { RawClient } from '../support/sandbox.js';

/** What an operator needs: probes, metrics, logs, compression, and a drain that loses nothing. */
const OPS = createApiKey('ops', ['metrics:read']);

describe('operating the gateway', () => {
  let t: TestGateway;
  beforeAll(async () => {
    // The test keys, and an operator's key with metrics:read only.
    const withOps = new Authenticator({
      kind: 'enabled',
      apiKeys: [...Object.values(KEYS).map((k) => k.entry), OPS.entry],
    });
    t = await startTestGateway({
      server: { authenticator: withOps, rateLimit: { burst: 1000, perSecond: 0.01 } },
    });
    for (let i = 0; i < 30; i++) await t.rest.bill({ channel: 'UN_APP', total_fee: 1 });
  });
  afterAll(() => t.close());

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(t.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${KEYS.readOnly.key}`,
        ...headers,
      },
      body: JSON.stringify({ query }),
    });

  it('logs one JSON line per request naming the operation, its type, its upstream calls and outcome, with the request id', async () => {
    const response = await post('query BarProbe { billsCount }', { 'x-request-id': 'probe-123' });
    expect(response.headers.get('x-request-id')).toBe('probe-123');
    await response.text();
    await eventually(() => t.logEntries().some((entry) => entry.req_id === 'probe-123'));
    expect(t.logEntries().find((entry) => entry.req_id === 'probe-123')).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'BarProbe',
      operation_type: 'query',
      upstream_calls: 1,
      outcome: 'OK',
      ms: expect.any(Number),
    });
    for (const line of t.logLines) expect(() => JSON.parse(line)).not.toThrow(); // every line is JSON
    expect(t.logLines.join('\n')).not.toContain(KEYS.readOnly.key);
  });

  it('serves Prometheus metrics to a metrics:read key only', async () => {
    const anonymous = await fetch(`${t.gateway.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(
      (await fetch(`${t.gateway.url}/metrics`, { headers: { authorization: `Bearer ${KEYS.readOnly.key}` } }))
        .status,
    ).toBe(403);
    await (await post('query MetricsProbe { billsCount }')).text();
    const scraped = await fetch(`${t.gateway.url}/metrics`, {
      headers: { authorization: `Bearer ${OPS.key}` },
    });
    expect(scraped.status).toBe(200);
    const text = await scraped.text();
    for (const expected of [
      '# HELP graphql_requests_total',
      '# TYPE graphql_request_duration_seconds histogram',
      'graphql_requests_total{operation="MetricsProbe",outcome="OK"} 1',
      'graphql_request_duration_seconds_bucket{le="0.005",operation_type="query"}',
      '# TYPE upstream_requests_total counter',
      'upstream_requests_total{endpoint="billsCount",outcome="OK"}',
      '# TYPE upstream_request_duration_seconds histogram',
      '# TYPE process_resident_memory_bytes gauge',
      '# TYPE websocket_connections gauge',
      '# TYPE beecloud_webhooks_total counter',
    ])
      expect(text).toContain(expected);
  });

  it('compresses answers over 1 KB when the client accepts it', async () => {
    const big = await post('{ bills(first: 30) { items { id billNo title createdAt } } }', {
      'accept-encoding': 'gzip',
    });
    expect(big.headers.get('content-encoding')).toBe('gzip'); // fetch decodes it for us
    expect(((await big.json()) as { data: { bills: { items: unknown[] } } }).data.bills.items).toHaveLength(
      30,
    );
    // The bytes on the wire, undecoded:
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      const body = JSON.stringify({ query: '{ bills(first: 30) { items { id billNo title } } }' });
      const req = httpRequest(
        t.graphqlUrl,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'accept-encoding': 'gzip',
            authorization: `Bearer ${KEYS.everything.key}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(raw.encoding).toBe('gzip');
    const plain = gunzipSync(raw.body);
    expect(raw.body.length).toBeLessThan(plain.length / 2);
    const small = await post('{ billsCount }', { 'accept-encoding': 'gzip, br' });
    expect(small.headers.get('content-encoding')).toBeNull(); // under 1 KB: not worth it
    const brotli = await post('{ bills(first: 30) { items { id billNo title } } }', {
      'accept-encoding': 'br',
    });
    expect(brotli.headers.get('content-encoding')).toBe('br');
  });

  it('frames an uncompressed answer by its UTF-8 bytes, not its characters', async () => {
    const raw = await new Promise<{ length?: string; encoding?: string; body: Buffer }>((resolve, reject) => {
      const body = JSON.stringify({ query: '{ bills(first: 5) { items { total { formatted } } } }' });
      const req = httpRequest(
        t.graphqlUrl,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.everything.key}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              length: res.headers['content-length'],
              encoding: res.headers['content-encoding'],
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(raw.encoding).toBeUndefined();
    const text = raw.body.toString('utf8');
    expect(text).toContain('¥'); // two bytes in UTF-8: a length in characters would cut the answer short
    expect(Number(raw.length)).toBe(raw.body.length);
    expect(Number(raw.length)).toBeGreaterThan(text.length);
    expect(JSON.parse(text)).toMatchObject({ data: { bills: { items: expect.any(Array) } } });
  });

  it('says when to retry a 429, and how to authenticate a 401', async () => {
    const key = { authorization: `Bearer ${KEYS.readOnlyBills.key}` };
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const response = await post('{ bills(first: 200) { items { id } } }', key); // costs 202 of 1000
      if (response.status === 429) limited = response;
      else await response.text();
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const unauthenticated = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ billsCount }"}',
    });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Bearer');
    const badKey = await post('{ billsCount }', { authorization: 'Bearer bcg_x_nope' });
    expect([badKey.status, badKey.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
  });

  it('serves /metrics without credentials on METRICS_PORT only', async () => {
    const metricsPort = await freePort();
    const other = await startTestGateway({
      server: { metricsPort, authenticator: new Authenticator({ kind: 'enabled', apiKeys: [] }) },
    });
    try {
      const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('# TYPE process_resident_memory_bytes gauge');
      expect((await fetch(`${other.gateway.url}/metrics`)).status).toBe(401); // the main port still needs the scope
    } finally {
      await other.close();
    }
  });

  it('is ready while BeeCloud answers, and not when it cannot be reached', async () => {
    expect((await fetch(`${t.gateway.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${t.gateway.url}/healthz`)).status).toBe(200);
    const down = await startTestGateway({ baseUrls: () => ['http://127.0.0.1:9'] });
    try {
      expect((await fetch(`${down.gateway.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${down.gateway.url}/healthz`)).status).toBe(200); // alive all the same
    } finally {
      await down.close();
    }
  });
});

describe('SIGTERM', () => {
  it('lets a request stalled upstream finish, answers /readyz 503 meanwhile, then exits 0 and frees the port', async () => {
    const app = {
      SANDBOX_APP_ID: '0a11ce00-0000-4000-8000-000000000042',
      SANDBOX_APP_SECRET: 'drain-test-app-secret-0000000001',
      SANDBOX_MASTER_SECRET: 'drain-test-master-secret-000001',
    };
    const sandboxPort = await freePort();
    const sandbox = runNode('dist/sandbox/main.js', { SANDBOX_PORT: String(sandboxPort), ...app });
    const port = await freePort();
    const gateway = runNode('dist/main.js', {
      NODE_ENV: 'production',
      PORT: String(port),
      API_KEYS: JSON.stringify([KEYS.readOnly.entry]),
      BEECLOUD_APP_ID: app.SANDBOX_APP_ID,
      BEECLOUD_APP_SECRET: app.SANDBOX_APP_SECRET,
      BEECLOUD_MASTER_SECRET: app.SANDBOX_MASTER_SECRET,
      BEECLOUD_BASE_URLS: `http://127.0.0.1:${sandboxPort}`,
      SHUTDOWN_GRACE_MS: '10000',
    });
    try {
      await sandbox.waitFor('listening');
      await gateway.waitFor('GraphQL gateway ready');
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const get = (path: string) =>
        new Promise<number>((resolve, reject) =>
          httpRequest(`http://127.0.0.1:${port}${path}`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          })
            .on('error', reject)
            .end(),
        );
      expect(await get('/readyz')).toBe(200); // opens the keep-alive connection the probe reuses
      const socketClosed = new Promise<number>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
        socket.on('open', () =>
          socket.send(
            JSON.stringify({
              type: 'connection_init',
              payload: { authorization: `Bearer ${KEYS.readOnly.key}` },
            }),
          ),
        );
        socket.on('close', (code) => resolve(code));
      });
      await new RawClient(`http://127.0.0.1:${sandboxPort}`).control('POST', 'faults', {
        kind: 'stall',
        delay_ms: 1500,
        times: 1,
      });
      const stalled = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.readOnly.key}` },
        body: '{"query":"{ billsCount }"}',
      });
      await eventually(
        () => sandbox.output.text.includes('"path":"/2/rest/bills/count"') || undefined,
        5000,
      ).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the call is in the sandbox's stall
      gateway.signal('SIGTERM');
      await gateway.waitFor('draining');
      expect(await get('/readyz')).toBe(503);
      expect(await socketClosed).toBe(1001); // going away: reconnect elsewhere
      const answer = await stalled;
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ data: { billsCount: 0 } });
      expect(await gateway.exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow(); // the port is closed
      agent.destroy();
    } finally {
      await gateway.stop();
      await sandbox.stop();
    }
  }, 30_000);
});
