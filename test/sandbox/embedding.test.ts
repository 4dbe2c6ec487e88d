import { startTestSandbox } from '../support/sandbox.js';

/**
 * Who may drive the sandbox's control API from a browser (server.ts, refuseCrossSite): its own
 * pages, tools without an Origin, and — once a gateway embeds it — that gateway's origins,
 * which a browser sees as same-site (same host, another port). Every combination of `Origin`
 * and `Sec-Fetch-Site`, for a page (GET) and an action (POST), embedded and standalone.
 */
let embedded: Awaited<ReturnType<typeof startTestSandbox>>;
let standalone: Awaited<ReturnType<typeof startTestSandbox>>;
const GATEWAY = 'http://127.0.0.1:4000';
beforeAll(async () => {
  embedded = await startTestSandbox();
  embedded.trustGatewayOn(4000);
  standalone = await startTestSandbox();
});
afterAll(async () => {
  await embedded.close();
  await standalone.close();
});

type Site = 'same-origin' | 'same-site' | 'cross-site' | 'none' | undefined;
async function statusOf(
  sandbox: typeof embedded,
  method: 'GET' | 'POST',
  origin: string | undefined,
  site: Site,
): Promise<number> {
  const headers: Record<string, string> = {};
  if (origin !== undefined) headers.origin = origin === 'self' ? sandbox.url : origin;
  if (site !== undefined) headers['sec-fetch-site'] = site;
  const response =
    method === 'GET'
      ? await fetch(`${sandbox.url}/_sandbox/health`, { headers })
      : await fetch(`${sandbox.url}/_sandbox/clock/advance`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ ms: 0 }),
        });
  await response.arrayBuffer();
  return response.status;
}

describe('the control API from a browser', () => {
  it.each<[string, 'GET' | 'POST', string | undefined, Site, number, number]>([
    // what, method, Origin, Sec-Fetch-Site, embedded, standalone
    ['a tool (no headers)', 'GET', undefined, undefined, 200, 200],
    ['a tool (no headers)', 'POST', undefined, undefined, 200, 200],
    ['its own page', 'GET', 'self', 'same-origin', 200, 200],
    ['its own page', 'POST', 'self', 'same-origin', 200, 200],
    ['a link from the gateway’s demo', 'GET', undefined, 'same-site', 200, 403],
    ['the gateway’s demo', 'GET', GATEWAY, 'same-site', 200, 403],
    ['the gateway’s demo', 'POST', GATEWAY, 'same-site', 200, 403],
    ['the gateway on localhost', 'POST', 'http://localhost:4000', 'same-site', 200, 403],
    ['another local app', 'GET', 'http://127.0.0.1:9999', 'same-site', 403, 403],
    ['another local app', 'POST', 'http://127.0.0.1:9999', 'same-site', 403, 403],
    ['an action with no Origin', 'POST', undefined, 'same-site', 403, 403],
    ['the gateway’s origin, cross-site', 'POST', GATEWAY, 'cross-site', 403, 403],
    ['another site', 'GET', 'https://evil.example', 'cross-site', 403, 403],
    ['another site', 'POST', 'https://evil.example', 'cross-site', 403, 403],
    ['another site, no fetch metadata', 'POST', 'https://evil.example', undefined, 403, 403],
    ['a sandboxed frame', 'POST', 'null', undefined, 403, 403],
  ])(
    '%s: %s with Origin %s, Sec-Fetch-Site %s → %i embedded, %i standalone',
    async (_what, method, origin, site, whenEmbedded, whenStandalone) => {
      expect(await statusOf(embedded, method, origin, site)).toBe(whenEmbedded);
      expect(await statusOf(standalone, method, origin, site)).toBe(whenStandalone);
    },
  );
});
