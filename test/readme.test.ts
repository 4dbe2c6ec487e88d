import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { buildGatewaySchema } from '../src/graphql/schema.js';
import { createApiKey } from '../src/auth/api-keys.js';
import { Authenticator } from '../src/auth/authenticator.js';
import { SCOPES } from '../src/auth/principal.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { eventually } from './support/receiver.js';

/**
 * Every snippet of the README is run: JavaScript against a gateway with authentication on
 * (with GATEWAY_URL, API_KEY and billNo defined, and WebSocket on Node 20), GraphQL validated
 * against the schema, shell commands matched to the test that runs what they start.
 */

const root = new URL('..', import.meta.url).pathname;
const blocks = [
  ...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm),
].map(([, language, code]) => ({ language: language!, code: code! }));

/** Shell snippets start servers; each is run by the test named here. */
const SHELL_COVERED_BY: Record<string, string> = {
  'npm install && npm start':
    'test/main.test.ts (the gateway over the embedded sandbox, as npm start runs it)',
  'SANDBOX_WEBHOOK_URL=http://127.0.0.1:4001/webhooks/beecloud npm run sandbox &':
    'test/http/replicas.test.ts (two gateways over one sandbox and one Redis)',
  'npm run sandbox': 'test/sandbox/control.test.ts (the sandbox started as npm run sandbox starts it)',
};

const key = createApiKey('readme', [...SCOPES]);
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({
    server: { authenticator: new Authenticator({ kind: 'enabled', apiKeys: [key.entry] }) },
  });
});
afterAll(() => t.close());

const PRELUDE = `import WebSocketImpl from 'ws';
globalThis.WebSocket ??= WebSocketImpl;
const { GATEWAY_URL, API_KEY } = process.env;
const billNo = process.env.BILL_NO;
`;

/** Runs a snippet as an ES module in the repository (so its imports resolve); pays the bill when it waits for it. */
async function runSnippet(code: string, billNo: string): Promise<{ code: number | null; output: string }> {
  const dir = join(root, 'test', '.snippets');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `snippet-${Date.now()}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, `${PRELUDE}\n${code}`);
  try {
    const child = spawn(process.execPath, [file], {
      env: {
        PATH: process.env.PATH,
        GATEWAY_URL: t.graphqlUrl,
        API_KEY: key.key,
        GATEWAY_KEY_WEB: key.key,
        GATEWAY_KEY_APP: key.key,
        BILL_NO: billNo,
      },
    });
    let output = '';
    let paid = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!paid && output.includes(`waiting for ${billNo}`)) {
        paid = true;
        // Once the gateway holds the subscription (graphql-ws acknowledges none), the shopper pays.
        void eventually(async () => (await t.assembled.metrics.get('websocket_operations')) >= 1).then(() =>
          t.rest.control('POST', `bills/${billNo}/pay`),
        );
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill(), 30_000);
    const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    return { code: exit, output };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('the README', () => {
  it('has snippets, each in a language this test runs', () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.filter((b) => !['js', 'graphql', 'sh'].includes(b.language))).toEqual([]);
  });

  it.each(blocks.filter((b) => b.language === 'js').map((b, i) => [i + 1, b.code] as const))(
    'JavaScript snippet %i runs against the gateway',
    async (_n, code) => {
      const { billNo } = await t.rest.bill({ channel: 'WX_NATIVE', total_fee: 888 });
      const { code: exit, output } = await runSnippet(code, billNo);
      expect({ exit, output }).toEqual({ exit: 0, output: expect.stringMatching(/OPEN|PAID/) });
    },
    40_000,
  );

  it('has GraphQL snippets that are valid against the schema', async () => {
    const schema = await buildGatewaySchema();
    const graphql = blocks.filter((b) => b.language === 'graphql');
    expect(graphql.length).toBeGreaterThan(0);
    for (const { code } of graphql) expect(validate(schema, parse(code)).map((e) => e.message)).toEqual([]);
  });

  it('has shell snippets whose commands a named test runs', () => {
    for (const { code } of blocks.filter((b) => b.language === 'sh')) {
      const first = code.split('\n')[0]!.replace(/#.*$/, '').trim();
      expect({ first, coveredBy: SHELL_COVERED_BY[first] }).toEqual({ first, coveredBy: expect.any(String) });
    }
  });
});
