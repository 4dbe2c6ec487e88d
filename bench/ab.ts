/**
 * `npm run bench:ab -- <other build's dist-bench/src/main.js>`: this build of the gateway against
 * another (a worktree of an earlier commit, built with `npx tsc -p tsconfig.bench.json`), over one
 * sandbox, taking turns (BENCH_ROUNDS, default 5, of BENCH_SECONDS, default 3, per scenario and
 * build, each after support.ts's warm-up) so that the machine's drift falls on both alike.
 * Prints each build's median operations per second, CPU µs per operation (/proc/<pid>/stat) and
 * p50 latency, and the median of the rounds' CPU ratios (this build's over the other's, each
 * round's two runs side by side) with its quartiles: what a change moved. The ratio is the figure
 * to trust: the machine's speed drifts between rounds, which the separate medians take in and
 * the pairs cancel (this build against itself: medians 10% apart, the paired ratio within 4% of 1).
 *
 * BENCH_CONCURRENCY (default 10) sets the callers; 1 compares latency. BENCH_CACHED=1 compares
 * the gateways with their cache on; BENCH_SCENARIO one of bill, page, refunds. BENCH_OTHER_ENV
 * (JSON) adds to the other gateway's environment: with `dist-bench/src/main.js` as the other
 * build, it compares one build with itself differently configured (tracing on, say).
 */
import { createApiKey } from '../src/auth/api-keys.js';
import {
  call,
  gatewayEnv,
  measure,
  median,
  sandboxEnv,
  scenarioQueries,
  seed,
  start,
  waitUntilUp,
} from './support.js';

const [other] = process.argv.slice(2);
if (!other) {
  console.error('usage: npm run bench:ab -- <path to the other build of dist-bench/src/main.js>');
  process.exit(2);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CACHED = process.env.BENCH_CACHED === '1';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SCENARIOS = (process.env.BENCH_SCENARIO ?? 'bill,page,refunds').split(',') as Array<
  'bill' | 'page' | 'refunds'
>;
// The scopes the scenarios need, which an earlier build knows too.
const key = createApiKey('bench-ab', ['bills:read', 'refunds:read']);
const ports = { sandbox: 18580, ours: 18581, other: 18582 };
const sandboxUrl = `http://127.0.0.1:${ports.sandbox}`;
const sandbox = start('dist-bench/src/sandbox/main.js', sandboxEnv(ports.sandbox));
const cache: Record<string, string> = CACHED ? {} : { CACHE_TTL_MS: '0' };
const builds = {
  ours: start('dist-bench/src/main.js', gatewayEnv(ports.ours, [key.entry], sandboxUrl, cache)),
  other: start(
    other,
    gatewayEnv(ports.other, [key.entry], sandboxUrl, {
      ...cache,
      ...(JSON.parse(process.env.BENCH_OTHER_ENV ?? '{}') as Record<string, string>),
    }),
  ),
};
for (const [name, child] of Object.entries(builds))
  child.once(
    'exit',
    (code) =>
      code && console.error(`${name} (${name === 'ours' ? 'this build' : other}) exited with ${code}`),
  );
try {
  await waitUntilUp(`${sandboxUrl}/_sandbox/health`);
  await Promise.all([
    waitUntilUp(`http://127.0.0.1:${ports.ours}/healthz`),
    waitUntilUp(`http://127.0.0.1:${ports.other}/healthz`),
  ]);
  const { billId } = await seed(sandboxUrl);
  const queries = scenarioQueries(billId);
  for (const scenario of SCENARIOS) {
    const results = {
      ours: { rps: [] as number[], cpu: [] as number[], p50: [] as number[] },
      other: { rps: [] as number[], cpu: [] as number[], p50: [] as number[] },
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of round % 2 ? (['other', 'ours'] as const) : (['ours', 'other'] as const)) {
        const url = `http://127.0.0.1:${ports[name]}/graphql`;
        const operation = () =>
          call(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
            body: JSON.stringify({ query: queries[scenario] }),
          });
        const { rps, p50, cpuUs } = await measure(operation, CONCURRENCY, SECONDS, builds[name].pid);
        results[name].rps.push(rps);
        results[name].p50.push(p50);
        results[name].cpu.push(cpuUs!);
      }
    }
    const ratios = results.ours.cpu
      .map((cpu, round) => cpu / results.other.cpu[round]!)
      .sort((a, b) => a - b);
    const quartile = (q: number) => ratios[Math.floor(q * (ratios.length - 1))]!.toFixed(3);
    const line = (name: 'ours' | 'other') =>
      `${name.padEnd(5)} ${median(results[name].rps).toFixed(0).padStart(6)}/s ${median(results[name].cpu).toFixed(0).padStart(6)} µs/op p50 ${median(results[name].p50).toFixed(2)} ms`;
    console.log(
      `${scenario}${CACHED ? ' (cached)' : ''}: ${line('ours')} | ${line('other')} | ` +
        `CPU ours/other ${median(ratios).toFixed(3)} (quartiles ${quartile(0.25)}–${quartile(0.75)})`,
    );
  }
} finally {
  for (const child of [builds.ours, builds.other, sandbox]) child.kill('SIGTERM');
}
