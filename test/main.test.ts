import { createServer } from 'node:net';
import { KEYS } from './support/auth.js';
import type { Json } from './support/sandbox.js';
import { loadConfig } from '../src/config.js';
import { DEFAULT_DEV_APP } from '../src/wire/index.js';
import { freePort, runNode } from './support/process.js';
import { subscribe } from './support/subscriber.js';

describe('npm start', () => {
  it('serves the gateway over the embedded sandbox when no credentials are set, and says so', async () => {
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const gateway = runNode('dist/main.js', { PORT: String(port), SANDBOX_PORT: String(sandboxPort) });
    const graphql = (query: string, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      }).then((response) => response.json() as Promise<Json>);
    try {
      await gateway.waitFor('GraphQL gateway ready');
      expect(gateway.output.text).toContain(
        `serving over the embedded sandbox at http://127.0.0.1:${sandboxPort}`,
      );
      expect(gateway.output.text).toContain(`ready at http://127.0.0.1:${port}/graphql`);
      // Embedded development makes an all-scope key and prints it once.
      const key = /Development API key \(every scope; the explorer has it\): (bcg_dev_[A-Za-z0-9_-]+)/.exec(
        gateway.output.text,
      )?.[1];
      expect(key).toBeDefined();
      const auth = { authorization: `Bearer ${key}` };
      expect((await graphql('{ billsCount }')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const created = await graphql(
        'mutation { createBill(input: {channel: WX_NATIVE, billNo: "start0001", totalFeeFen: 1, title: "t"}) { billId } }',
        auth,
      );
      expect(created.data.createBill.billId).toBeTruthy();
      // Zero configuration: the sandbox's webhooks already point at this gateway.
      const sub = await subscribe(
        `http://127.0.0.1:${port}/graphql`,
        'subscription { billUpdated(billNo: "start0001") { bill { paid } } }',
        {},
        auth,
      );
      // The embedded sandbox serves the gateway's pages (its demo): same host, so same-site.
      const fromDemo = await fetch(`http://127.0.0.1:${sandboxPort}/_sandbox/bills/start0001/pay`, {
        method: 'POST',
        headers: { origin: `http://localhost:${port}`, 'sec-fetch-site': 'same-site' },
      });
      expect(fromDemo.status).toBe(200);
      expect((await sub.next(1, 2000)).billUpdated).toEqual({ bill: { paid: true } });
      await sub.close();
      expect((await graphql('{ bills { items { billNo paid } } }', auth)).data.bills.items).toEqual([
        { billNo: 'start0001', paid: true },
      ]);
      // The explorer comes with the key filled in.
      const init = await (await fetch(`http://127.0.0.1:${port}/graphql/explorer/init.js`)).text();
      expect(init).toContain(`"authorization":"Bearer ${key}"`);
      expect(gateway.output.text).not.toContain(DEFAULT_DEV_APP.appSecret);
      expect(gateway.output.text).not.toContain(DEFAULT_DEV_APP.masterSecret);
    } finally {
      expect(await gateway.stop()).toBe(0);
    }
  });

  it('refuses to start with incomplete credentials, naming what is missing', async () => {
    const gateway = runNode('dist/main.js', {
      BEECLOUD_APP_ID: DEFAULT_DEV_APP.appId,
      PORT: String(await freePort()),
    });
    expect(await gateway.exited).not.toBe(0);
    expect(gateway.output.text).toContain(
      'Configuration error: BeeCloud credentials are incomplete: BEECLOUD_APP_SECRET, BEECLOUD_MASTER_SECRET missing',
    );
    expect(gateway.output.text).not.toMatch(/\n\s+at /);
  });

  it('exits non-zero in production without BeeCloud credentials, naming the variables, and serves nothing', async () => {
    const port = await freePort();
    const sandboxPort = await freePort();
    const gateway = runNode('dist/main.js', {
      NODE_ENV: 'production',
      API_KEYS: JSON.stringify([KEYS.readOnly.entry]),
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
    });
    expect(await gateway.exited).not.toBe(0);
    expect(gateway.output.text).toContain(
      'Configuration error: refusing to start in production without BeeCloud credentials: ' +
        'set BEECLOUD_APP_ID, BEECLOUD_APP_SECRET, BEECLOUD_MASTER_SECRET',
    );
    // No embedded sandbox came up: its control API (which marks bills paid) is not there.
    await expect(fetch(`http://127.0.0.1:${sandboxPort}/_sandbox/health`)).rejects.toThrow();
  });
});

describe('configuration', () => {
  it('defaults to the embedded sandbox on port 4000', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      upstream: { kind: 'embedded-sandbox', sandboxPort: 8080 },
    });
  });

  it('talks to BeeCloud with credentials, on its regional servers unless told otherwise', () => {
    const credentials = {
      BEECLOUD_APP_ID: 'a',
      BEECLOUD_APP_SECRET: 'b',
      BEECLOUD_MASTER_SECRET: 'c',
      AUTH_DISABLED: 'true',
    };
    expect(loadConfig(credentials).upstream).toEqual({
      kind: 'beecloud',
      credentials: { appId: 'a', appSecret: 'b', masterSecret: 'c' },
      baseUrls: [
        'https://apibj.beecloud.cn',
        'https://apisz.beecloud.cn',
        'https://apiqd.beecloud.cn',
        'https://apihz.beecloud.cn',
      ],
    });
    expect(
      loadConfig({ ...credentials, BEECLOUD_BASE_URLS: 'http://127.0.0.1:1/, https://b.example' }).upstream,
    ).toMatchObject({
      baseUrls: ['http://127.0.0.1:1', 'https://b.example'],
    });
  });

  it('names the variable and the rule when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'x' })).toThrow('PORT must be an integer from 0 to 65535, got "x"');
    expect(() => loadConfig({ UPSTREAM_DEADLINE_MS: '0' })).toThrow(
      'UPSTREAM_DEADLINE_MS must be an integer',
    );
    expect(() =>
      loadConfig({
        BEECLOUD_APP_ID: 'a',
        BEECLOUD_APP_SECRET: 'b',
        BEECLOUD_MASTER_SECRET: 'c',
        BEECLOUD_BASE_URLS: 'ftp://x/y',
      }),
    ).toThrow('BEECLOUD_BASE_URLS: "ftp://x/y" is not a base URL');
    // A prefix without a path would also admit https://hooks.example.com.evil.test/.
    expect(() => loadConfig({ NOTIFY_URL_PREFIXES: 'https://hooks.example.com' })).toThrow(
      'NOTIFY_URL_PREFIXES: each prefix must be an http:// or https:// URL with a path',
    );
  });

  it('takes no notifyUrl unless NOTIFY_URL_PREFIXES lists where', () => {
    expect(loadConfig({}).limits.notifyUrlPrefixes).toEqual([]);
    expect(
      loadConfig({ NOTIFY_URL_PREFIXES: 'https://hooks.example.com/beecloud/, http://10.0.0.5:8080/' }).limits
        .notifyUrlPrefixes,
    ).toEqual(['https://hooks.example.com/beecloud/', 'http://10.0.0.5:8080/']);
  });
});

describe('a port in use', () => {
  /** Holds a port on 127.0.0.1 for the length of `run`. */
  async function holding<T>(run: (port: number) => Promise<T>): Promise<T> {
    const port = await freePort();
    const holder = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    try {
      return await run(port);
    } finally {
      holder.close();
    }
  }

  it.each([
    ['dist/main.js', 'PORT'],
    ['dist/main.js', 'SANDBOX_PORT'],
    ['dist/main.js', 'METRICS_PORT'],
    ['dist/sandbox/main.js', 'SANDBOX_PORT'],
  ])(
    'stops %s with one line naming %s and the port, exit code 1, no stack',
    async (script, setting) => {
      await holding(async (taken) => {
        const env: Record<string, string> = {
          PORT: String(await freePort()),
          SANDBOX_PORT: String(await freePort()),
          [setting]: String(taken),
        };
        const child = runNode(script, env);
        expect(await child.exited).toBe(1);
        expect(child.output.text).toContain(
          `${setting}: port ${taken} on 127.0.0.1 is in use by another process; stop it, or set ${setting} to a free port (0 picks one)`,
        );
        expect(child.output.text).not.toMatch(/EADDRINUSE|\n\s+at /);
      });
    },
    30_000,
  );
});

describe('the start-up line', () => {
  it('mentions the explorer only when it is on', async () => {
    const child = runNode('dist/main.js', {
      PORT: String(await freePort()),
      SANDBOX_PORT: String(await freePort()),
      EXPLORER: 'false',
    });
    try {
      await child.waitFor('GraphQL gateway ready');
      expect(child.output.text).toContain('(the explorer is off: EXPLORER=true turns it on)');
      expect(child.output.text).not.toContain('open it in a browser');
    } finally {
      await child.stop();
    }
  }, 30_000);
});
