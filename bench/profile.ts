/**
 * `npm run bench:profile`: where the uncached gateway's CPU goes. Starts a sandbox and the
 * gateway uncached (CACHE_TTL_MS=0) under `--cpu-prof`, drives one scenario at concurrency 10
 * (BENCH_CONCURRENCY) for BENCH_SECONDS (default 10), stops the gateway (SIGTERM: it drains and
 * writes the profile) and prints the functions with the most self time, and the share of each package.
 * BENCH_SCENARIO: `bill` (default), `page` or `refunds`; BENCH_CACHED=1 profiles the gateway with
 * its cache on (the default CACHE_TTL_MS) instead.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '../src/auth/api-keys.js';
import { SCOPES } from '../src/auth/principal.js';
import { call, gatewayEnv, sandboxEnv, scenarioQueries, seed, start, waitUntilUp } from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SCENARIO = process.env.BENCH_SCENARIO ?? 'bill';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const CACHED = process.env.BENCH_CACHED === '1';
const PORTS = { sandbox: 18480, gateway: 18481 };
const sandboxUrl = `http://127.0.0.1:${PORTS.sandbox}`;
const key = createApiKey('bench-profile', [...SCOPES]);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const profileDir = mkdtempSync(join(tmpdir(), 'bc-profile-'));
const sandbox = start('dist-bench/src/sandbox/main.js', sandboxEnv(PORTS.sandbox));
const gateway = start(
  'dist-bench/src/main.js',
  gatewayEnv(PORTS.gateway, [key.entry], sandboxUrl, CACHED ? {} : { CACHE_TTL_MS: '0' }),
  { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] },
);
try {
  await waitUntilUp(`${sandboxUrl}/_sandbox/health`);
  const { billId } = await seed(sandboxUrl);
  await waitUntilUp(`http://127.0.0.1:${PORTS.gateway}/healthz`);
  const query = (scenarioQueries(billId) as Record<string, string | undefined>)[SCENARIO];
  if (!query) throw new Error(`BENCH_SCENARIO must be bill, page or refunds, got ${SCENARIO}`);
  const body = JSON.stringify({ query });
  const options = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
    body,
  };
  const url = `http://127.0.0.1:${PORTS.gateway}/graphql`;
  let done = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await call(url, options);
        done++;
      }
    }),
  );
  console.log(
    `${SCENARIO}, ${CACHED ? 'cached' : 'uncached'}: ${Math.round(done / SECONDS)} operations/s under the profiler`,
  );
} finally {
  gateway.kill('SIGTERM');
  await new Promise((resolve) => gateway.on('exit', resolve));
  sandbox.kill('SIGTERM');
}

const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('the gateway wrote no profile');
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const where = (url: string) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/dist-bench/src/')) return 'ours';
  return url.startsWith('node:') ? 'node' : url === '' ? '(native / idle / gc)' : 'other';
};
const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const name = `${functionName || '(anonymous)'}  ${url.replace(/^.*node_modules\//, '').replace(/^.*dist-bench\//, '')}:${lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + us);
  packages.set(where(url), (packages.get(where(url)) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
console.log('\nSelf time by package:');
for (const [name, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`${pct(us)}  ${name}`);
console.log('\nTop functions by self time:');
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${pct(us)}  ${name}`);

// Total time: each node's self time plus its callees', counted once per call path (a function
// that recurses is not counted twice).
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const totals = new Map<string, number>();
for (const [id, us] of selfUs) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
    if (!url) continue;
    const name = `${functionName || '(anonymous)'}  ${url.replace(/^.*node_modules\//, '').replace(/^.*dist-bench\//, '')}:${lineNumber + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    totals.set(name, (totals.get(name) ?? 0) + us);
  }
}
console.log('\nTop functions by total time (self and callees):');
for (const [name, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 60))
  console.log(`${pct(us)}  ${name}`);

// Who a sample's time belongs to: the package of the frame nearest the leaf that is not Node's
// own (Node's internals count for whoever called them), so got's share includes the sockets it
// drives and Apollo's the JSON it writes, and neither includes our resolvers.
const ownerOf = (leaf: number): string => {
  for (let at: number | undefined = leaf; at !== undefined; at = parentOf.get(at)) {
    const { url } = byId.get(at)!.callFrame;
    if (url && !url.startsWith('node:')) return where(url);
  }
  return byId.get(leaf)!.callFrame.url ? 'node' : '(native / idle / gc)';
};
const owners = new Map<string, number>();
for (const [id, us] of selfUs) owners.set(ownerOf(id), (owners.get(ownerOf(id)) ?? 0) + us);
const idle = [...selfUs]
  .filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)')
  .reduce((a, [, us]) => a + us, 0);
const busy = total - idle;
const share = (name: string) => `${((100 * (owners.get(name) ?? 0)) / busy).toFixed(1)}%`;
console.log(
  `\nOf the gateway's busy time (${(busy / 1000).toFixed(0)} ms, idle excluded): inside got ${share('got')}, ` +
    `inside Apollo's request pipeline ${share('@apollo/server')}, ours ${share('ours')}, ` +
    `graphql-js ${share('graphql')}, graphql-jit ${share('graphql-jit')}, pino ${share('pino')}, ` +
    `node alone (timers, GC, the event loop) ${share('node')} + ${share('(native / idle / gc)')}`,
);
console.log(`\nprofile: ${join(profileDir, file)}`);
