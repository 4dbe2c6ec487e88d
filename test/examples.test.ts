import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createApiKey } from '../src/auth/api-keys.js';
import { Authenticator } from '../src/auth/authenticator.js';
import { SCOPES } from '../src/auth/principal.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { eventually } from './support/receiver.js';

/**
 * Every file of examples/ run as written, as a child process, against a started gateway with
 * authentication on: no global set up by the test (on Node 20 the examples bring `ws`
 * themselves). Where one waits for a payment (it prints `waiting for <billNo>`), the test pays
 * that bill in the sandbox, as the shopper would.
 */
const key = createApiKey('examples', [...SCOPES]);
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({
    server: { authenticator: new Authenticator({ kind: 'enabled', apiKeys: [key.entry] }) },
  });
});
afterAll(() => t.close());

async function runExample(command: string, file: string): Promise<{ exit: number | null; output: string }> {
  const child = spawn(command, [file], {
    env: { PATH: process.env.PATH, GATEWAY_URL: t.graphqlUrl, API_KEY: key.key, SANDBOX_URL: t.sandbox.url },
  });
  let output = '';
  let paid = false;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    const waiting = /waiting for (\w+)/.exec(output)?.[1];
    if (waiting && !paid) {
      paid = true;
      // Once the gateway holds the subscription (graphql-ws acknowledges none), the shopper pays.
      void eventually(async () => (await t.assembled.metrics.get('websocket_operations')) >= 1).then(() =>
        t.rest.control('POST', `bills/${waiting}/pay`),
      );
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const timer = setTimeout(() => child.kill(), 30_000);
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { exit, output };
}

const hasCurl = (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, 'curl')));

describe('examples/', () => {
  it.each([
    ['apollo-client.mjs', /show this as a QR code: weixin:\/\/wxpay\/bizpayurl\?pr=[\s\S]*\nPAID ¥19\.99\n$/],
    ['urql.mjs', /waiting for urql\d+\nPAID\n$/],
    ['bff-fetch.mjs', /^bff\d+ OPEN\n$/],
    ['graphql-ws-subscriber.mjs', /waiting for ws\d+\npaid: PAID\n$/],
  ])(
    '%s runs as written on this Node',
    async (file, expected) => {
      const { exit, output } = await runExample(process.execPath, `examples/${file}`);
      expect({ exit, output }).toEqual({ exit: 0, output: expect.stringMatching(expected) });
    },
    40_000,
  );

  (hasCurl || process.env.CI === 'true' ? it : it.skip)(
    `curl-walkthrough.sh runs as written${hasCurl ? '' : ' [skipped: no curl on this machine]'}`,
    async () => {
      const { exit, output } = await runExample('bash', 'examples/curl-walkthrough.sh');
      expect(exit).toBe(0);
      const [, created, read, , paid] = output.split(/^\d\. .*$/m);
      expect(created).toMatch(/"billId":"[0-9a-f-]{36}".*"codeUrl":"weixin:/);
      expect(read).toContain('"status":"OPEN"');
      expect(paid).toContain('"status":"PAID"');
    },
    40_000,
  );
});
