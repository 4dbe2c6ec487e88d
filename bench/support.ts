/**
 * What both benchmarks share: starting processes, signing direct REST calls, seeding the
 * same data, a lean keep-alive HTTP client, sampling RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { chinaDate, encodePara, signAppRequest } from '../src/wire/index.js';

/**
 * The benchmarks' BeeCloud app, which their sandbox serves. Not the sandbox's published
 * development app: production mode refuses that one, and the gateways are measured as
 * deployed (NODE_ENV=production, as the Dockerfile sets it).
 */
export const BENCH_APP = {
  appId: 'be4c4000-0000-4bee-8c1d-000000000001',
  appSecret: 'bench-app-secret-not-published-0001',
  masterSecret: 'bench-master-secret-not-published-01',
};

/** The fields every scenario reads of a bill through our gateway. */
const BILL_FIELDS = 'id billNo title totalFeeFen channel family paid refunded tradeNo createdAt optional';

/** Our gateway's query for each scenario of bench:peers and bench:profile, over the seeded data. */
export function scenarioQueries(billId: string) {
  return {
    bill: `{ bill(id: "${billId}") { ${BILL_FIELDS} messageDetail } }`,
    page: `{ bills(first: 50) { nodes { ${BILL_FIELDS} } } }`,
    refunds: `{ refunds(first: 50) { nodes { id refundNo refundFeeFen state bill { ${BILL_FIELDS} } } } }`,
  };
}

/** A sandbox process's environment: serving BENCH_APP on `port`. */
export function sandboxEnv(port: number, extra: Record<string, string> = {}) {
  return {
    SANDBOX_PORT: String(port),
    SANDBOX_APP_ID: BENCH_APP.appId,
    SANDBOX_APP_SECRET: BENCH_APP.appSecret,
    SANDBOX_MASTER_SECRET: BENCH_APP.masterSecret,
    ...extra,
  };
}

/** Output goes to /dev/null unless `inheritOutput`: reading it here would wake this process on every request. */
export function start(
  script: string,
  env: Record<string, string>,
  options: { nodeFlags?: string[]; cwd?: string; args?: string[] } = {},
): ChildProcess {
  return spawn(process.execPath, [...(options.nodeFlags ?? []), script, ...(options.args ?? [])], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    cwd: options.cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function waitUntilUp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not come up`);
}

/** The three auth fields for BENCH_APP; valid for the sandbox's 5-minute tolerance. */
export function appAuth(secret: string = BENCH_APP.appSecret) {
  const timestamp = Date.now();
  return {
    app_id: BENCH_APP.appId,
    timestamp,
    app_sign: signAppRequest(BENCH_APP.appId, timestamp, secret),
  };
}

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A signed REST call to the sandbox, for seeding. */
export async function rest(
  sandboxUrl: string,
  method: string,
  path: string,
  params: object,
  secret?: string,
): Promise<Json> {
  const body = { ...appAuth(secret), ...params };
  const response =
    method === 'GET'
      ? await fetch(`${sandboxUrl}${path}?${encodePara(body)}`)
      : await fetch(`${sandboxUrl}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
  return (await response.json()) as Json;
}

/**
 * The benchmark's data: 60 paid WX_NATIVE bills, and 50 refunds over the 10 oldest of them
 * (four denied pre-refunds and one refund each). Returns the newest bill's id.
 */
export async function seed(sandboxUrl: string): Promise<{ billId: string }> {
  const today = chinaDate(Date.now());
  let billId = '';
  for (let i = 0; i < 60; i++) {
    const billNo = `bench${String(i).padStart(5, '0')}`;
    const created = await rest(sandboxUrl, 'POST', '/2/rest/bill', {
      channel: 'WX_NATIVE',
      total_fee: 1000 + i,
      bill_no: billNo,
      title: `bench ${i}`,
    });
    billId = created.id;
    await fetch(`${sandboxUrl}/_sandbox/bills/${billNo}/pay`, { method: 'POST' });
  }
  const master = BENCH_APP.masterSecret;
  for (let round = 0; round < 5; round++) {
    for (let b = 0; b < 10; b++) {
      const answer = await rest(
        sandboxUrl,
        'POST',
        '/2/rest/refund',
        {
          refund_no: `${today}r${round}b${b}`,
          bill_no: `bench${String(b).padStart(5, '0')}`,
          refund_fee: 10,
          need_approval: round < 4,
        },
        master,
      );
      if (round < 4)
        await rest(
          sandboxUrl,
          'PUT',
          '/2/rest/refund',
          { channel: 'WX', ids: [answer.id], agree: false },
          master,
        );
    }
  }
  return { billId };
}

/**
 * One keep-alive client for every system measured, so its own cost is the same for all: plain
 * node:http (fetch costs the client several times more CPU, which shares the machine).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
export function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 0) >= 300)
          reject(new Error(`${url}: HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
        else resolve(text);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A process's resident memory in MB, or 0 once it has exited. */
export function rssMb(pid: number | undefined): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * A gateway process over the bench's sandbox, as production runs it: NODE_ENV=production,
 * BENCH_APP's credentials as if they were BeeCloud's, an API key required, the rate limiter on
 * with a budget too large to bind (unless `extra` says otherwise).
 */
export function gatewayEnv(
  port: number,
  apiKeys: object[],
  sandboxUrl: string,
  extra: Record<string, string> = {},
) {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    API_KEYS: JSON.stringify(apiKeys),
    RATE_LIMIT_PER_SECOND: '1000000',
    RATE_LIMIT_BURST: '10000000',
    BEECLOUD_APP_ID: BENCH_APP.appId,
    BEECLOUD_APP_SECRET: BENCH_APP.appSecret,
    BEECLOUD_MASTER_SECRET: BENCH_APP.masterSecret,
    BEECLOUD_BASE_URLS: sandboxUrl,
    ...extra,
  };
}

/** Prints each target as PASS or FAIL; true when any failed. */
export function reportChecks(checks: ReadonlyArray<readonly [string, boolean]>): boolean {
  console.log('');
  for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${text}`);
  return checks.some(([, ok]) => !ok);
}

/** Ends a benchmark's run: stops its RSS sampler and its processes. */
export function stopAll(sampler: NodeJS.Timeout, ...children: Array<ChildProcess | undefined>): void {
  clearInterval(sampler);
  for (const child of children) child?.kill('SIGTERM');
}

/**
 * A process's CPU time so far (user + system), in µs, from /proc/<pid>/stat: the gateway's own
 * cost, which the shared cores disturb less than its throughput. 0 where /proc is not there.
 */
export function cpuMicros(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // past "pid (comm) "
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return (ticks / CLOCK_TICKS_PER_SECOND) * 1e6;
  } catch {
    return 0;
  }
}
/** USER_HZ: 100 on Linux (getconf CLK_TCK), the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Seconds each measurement first runs unmeasured, at its own concurrency (BENCH_WARMUP_SECONDS,
 * default 4). A process that sat idle while the others were measured starts slow: V8 has shrunk
 * its young generation and flushed the bytecode of functions that did not run, and grows and
 * compiles them back under load. Measured here after 20–60 s idle, our cached gateway's first
 * second ran at 20–60% of its steady rate and reached it within two to four seconds; Hive's
 * first second at ~40% and its fourth at ~90%; the floor's first second at ~80%
 * (BENCHMARKS.md, 2026-12-05). Without a warm-up a 5 s window took in that recovery, more for
 * some processes than others; with it, each window starts once the process is back to speed,
 * and the warm-up's own rate is reported beside it (`firstRps`).
 */
export const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 4);

/** Runs `operation` with `concurrency` workers until `deadline` (performance.now()); calls `done(ms)` per operation. */
async function drive(
  operation: () => Promise<unknown>,
  concurrency: number,
  deadline: number,
  done: (ms: number) => void,
): Promise<void> {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await operation();
        done(performance.now() - started);
      }
    }),
  );
}

/**
 * Runs `operation` for `seconds` with `concurrency` workers, after a warm-up of `warmupSeconds`
 * (see WARMUP_SECONDS) whose throughput is returned as `firstRps`. At concurrency 1 the latency
 * of each operation is timed with a microsecond clock (whole-millisecond tools are too coarse
 * here). `bystanders`: processes that have no part in the operation, whose CPU during the
 * window is returned (`bystanderMsPerS`, ms a second): what they took from the shared cores.
 */
export async function measure(
  operation: () => Promise<unknown>,
  concurrency: number,
  seconds: number,
  /** The process whose CPU per operation is read (/proc/<pid>/stat). */
  pid?: number,
  options: { warmupSeconds?: number; bystanders?: Array<number | undefined> } = {},
): Promise<{ rps: number; p50: number; cpuUs?: number; firstRps: number; bystanderMsPerS: number }> {
  const { warmupSeconds = WARMUP_SECONDS, bystanders = [] } = options;
  for (let i = 0; i < 20; i++) await operation(); // connections open, the query known
  let warm = 0;
  const warmStart = performance.now();
  await drive(operation, concurrency, warmStart + warmupSeconds * 1000, () => warm++);
  const firstRps = warmupSeconds > 0 ? warm / ((performance.now() - warmStart) / 1000) : NaN;
  const latencies: number[] = [];
  const othersCpu = () => bystanders.reduce<number>((sum, other) => sum + cpuMicros(other), 0);
  const cpuBefore = cpuMicros(pid);
  const othersBefore = othersCpu();
  await drive(operation, concurrency, performance.now() + seconds * 1000, (ms) => latencies.push(ms));
  const done = latencies.length;
  const cpuUs = pid === undefined ? undefined : (cpuMicros(pid) - cpuBefore) / done;
  const bystanderMsPerS = (othersCpu() - othersBefore) / 1000 / seconds;
  return { rps: done / seconds, p50: median(latencies), cpuUs, firstRps, bystanderMsPerS };
}
