/**
 * The soak part of `npm run bench` (also `npm run bench:soak`): the load-bounds issue's attack
 * mix against a gateway at its default limits, as `npm start` runs it (no heap cap), for
 * SOAK_SECONDS (default 45, at most 60). Records the gateway's peak RSS, the answers by status
 * and whether the process survived; exits 1 on a crash or a 5xx. The RSS is a measurement
 * here (the ≤ 150 MB target is for the ordinary bench load, in run.ts and peers.ts).
 *
 * The mix, several keys at once (each with its own rate budget):
 * - `bills(first: $n = 200) { nodes { refunds } }` (refused before running);
 * - `bills(first: 50) { nodes { optional } }` over records other clients stored with ~900 KB
 *   `optional` maps (cut off by the byte budget);
 * - createBill with a 300 KB `optional` (refused);
 * - deep, wide and alias-heavy queries; anonymous persisted-query registrations;
 * - WebSockets opening 1,000 subscriptions each, and sockets firing queries as fast as they can.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApiKey } from '../src/auth/api-keys.js';
import { SCOPES } from '../src/auth/principal.js';
import {
  BENCH_APP,
  call,
  reportChecks,
  rest,
  rssMb,
  sandboxEnv,
  start,
  stopAll,
  waitUntilUp,
} from './support.js';

const SECONDS = Math.min(60, Number(process.env.SOAK_SECONDS ?? 45));
const PORTS = { sandbox: 18390, gateway: 14310 };
const sandboxUrl = `http://127.0.0.1:${PORTS.sandbox}`;
const graphqlUrl = `http://127.0.0.1:${PORTS.gateway}/graphql`;
const keys = Array.from({ length: 8 }, (_, i) => createApiKey(`soak${i}`, [...SCOPES]));

const sandbox = start('dist-bench/src/sandbox/main.js', sandboxEnv(PORTS.sandbox));
const gateway = start('dist-bench/src/main.js', {
  PORT: String(PORTS.gateway),
  API_KEYS: JSON.stringify(keys.map((key) => key.entry)),
  BEECLOUD_APP_ID: BENCH_APP.appId,
  BEECLOUD_APP_SECRET: BENCH_APP.appSecret,
  BEECLOUD_MASTER_SECRET: BENCH_APP.masterSecret,
  BEECLOUD_BASE_URLS: sandboxUrl,
});
let exited: number | null | undefined;
gateway.once('exit', (code) => (exited = code));
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(gateway.pid))), 100);
const statuses = new Map<string, number>();
const count = (outcome: string) => statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);

const body = (query: string, variables: object = {}, extensions?: object) =>
  JSON.stringify({ query, variables, ...(extensions ? { extensions } : {}) });
const ATTACKS: Array<(key: string) => { headers: Record<string, string>; body: string }> = [
  (key) => ({
    headers: { authorization: `Bearer ${key}` },
    body: body('query($n: Int) { bills(first: $n) { nodes { id refunds { id } } } }', { n: 200 }),
  }),
  (key) => ({
    headers: { authorization: `Bearer ${key}` },
    body: body('{ bills(first: 50) { nodes { id optional } } }'),
  }),
  (key) => ({
    headers: { authorization: `Bearer ${key}` },
    body: body('mutation($i: CreateBillInput!) { createBill(input: $i) { billId userErrors { code } } }', {
      i: {
        channel: 'UN_APP',
        billNo: `soak${Date.now()}`,
        totalFeeFen: 1,
        title: 't',
        optional: { x: 'x'.repeat(300 * 1024) },
      },
    }),
  }),
  (key) => ({
    headers: { authorization: `Bearer ${key}` },
    body: body(
      `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: bills(first: 10) { nodes { id } }`).join(' ')} }`,
    ),
  }),
  (key) => ({
    headers: { authorization: `Bearer ${key}` },
    body: body('{ refunds { nodes { bill { refunds { bill { refunds { bill { refunds { id } } } } } } } } }'),
  }),
  () => ({
    headers: {},
    body: body(
      `{ __typename a${Math.random().toString(36).slice(2)}: __typename }`,
      {},
      {
        persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) },
      },
    ),
  }),
];

async function httpAttacker(index: number, until: number) {
  const key = keys[index % keys.length]!.key;
  for (let i = index; performance.now() < until; i++) {
    const attack = ATTACKS[i % ATTACKS.length]!(key);
    try {
      await call(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...attack.headers },
        body: attack.body,
      });
      count('2xx');
    } catch (error) {
      const status = /HTTP (\d{3})/.exec((error as Error).message)?.[1];
      count(status ? `${status[0]}xx` : 'connection error');
    }
  }
}

async function wsAttacker(index: number, until: number) {
  const key = keys[index % keys.length]!.key;
  while (performance.now() < until) {
    const client = createClient({
      url: graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      connectionParams: { authorization: `Bearer ${key}` },
    });
    let settled = 0;
    const total = index % 2 ? 1000 : 200;
    await new Promise<void>((resolve) => {
      const done = () => ++settled === total && resolve();
      for (let i = 0; i < total; i++)
        client.subscribe(
          { query: index % 2 ? 'subscription { paymentEvents { type } }' : '{ billsCount }' },
          {
            next: () => undefined,
            error: () => (count('ws refused'), done()),
            complete: () => (count('ws ok'), done()),
          },
        );
      setTimeout(resolve, 2000); // held subscriptions never settle
    });
    await client.dispose();
  }
}

let failed = false;
try {
  await waitUntilUp(`${sandboxUrl}/_sandbox/health`);
  await waitUntilUp(`http://127.0.0.1:${PORTS.gateway}/healthz`);
  // Records another BeeCloud client stored: 12 bills with ~900 KB optional maps, 200 ordinary ones.
  for (let i = 0; i < 12; i++)
    await rest(sandboxUrl, 'POST', '/2/rest/bill', {
      channel: 'UN_APP',
      total_fee: 1,
      bill_no: `soakbig${String(i).padStart(4, '0')}`,
      title: 'big',
      optional: { blob: 'z'.repeat(900 * 1024) },
    });
  for (let i = 0; i < 200; i++)
    await rest(sandboxUrl, 'POST', '/2/rest/bill', {
      channel: 'UN_APP',
      total_fee: 1,
      bill_no: `soak${String(i).padStart(8, '0')}`,
      title: 't',
    });
  const until = performance.now() + SECONDS * 1000;
  await Promise.all([
    ...Array.from({ length: 12 }, (_, i) => httpAttacker(i, until)),
    ...Array.from({ length: 4 }, (_, i) => wsAttacker(i, until)),
  ]);
  const healthy = await fetch(`http://127.0.0.1:${PORTS.gateway}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  const crashed = exited !== undefined || !healthy;
  console.log(`\nSoak: ${SECONDS} s of the attack mix at the default limits, no heap cap`);
  console.log(`answers: ${[...statuses].map(([outcome, n]) => `${outcome} ${n}`).join(', ')}`);
  console.log(`gateway peak RSS: ${peakRss.toFixed(0)} MB; crashes: ${crashed ? 1 : 0}`);
  const checks: Array<[string, boolean]> = [
    [`no crash (${crashed ? 'the gateway died' : 'alive and healthy'})`, !crashed],
    [`no 5xx (${statuses.get('5xx') ?? 0})`, !statuses.get('5xx')],
  ];
  failed = reportChecks(checks);
} finally {
  stopAll(sampler, gateway, sandbox);
}
process.exit(failed ? 1 : 0);
