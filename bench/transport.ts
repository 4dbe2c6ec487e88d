/**
 * `npm run bench:transport`: the CPU one upstream call costs the client, alone — so the next
 * change to src/upstream is measured. A loopback server answers every request with a fixed
 * bill answer (its own CPU is not counted: it runs in a child process); 10 callers make
 * BENCH_CALLS calls (5,000) with each of: bare node:http, the got transport as
 * beecloud-client.ts builds it, and BeeCloudClient.billById end to end (signing, got, the
 * envelope and the answer's schema check). Reports client CPU µs per call (user + system).
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { BeeCloudClient } from '../src/upstream/beecloud-client.js';
import { createTransport } from '../src/upstream/transport.js';
import { median } from './support.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 5000);
const CONCURRENCY = 10;
const PORT = 18490;
const BILL = {
  result_code: 0,
  result_msg: 'OK',
  err_detail: '',
  pay: {
    id: '0b7d5a0e-3f7e-4c65-9a4c-000000000001',
    bill_no: 'bench00001',
    total_fee: 1001,
    trade_no: '4200001234202611280000000001',
    channel: 'WX',
    sub_channel: 'WX_NATIVE',
    title: 'bench 1',
    spay_result: true,
    create_time: 1795850000000,
    optional: '{}',
    message_detail: '{"result_code":"SUCCESS"}',
    revert_result: false,
    refund_result: false,
  },
};

// The server in a child process, so that only the client's CPU is measured here.
const server = spawn(
  process.execPath,
  [
    '-e',
    `const body = ${JSON.stringify(JSON.stringify(BILL))};
     require('node:http').createServer({ keepAlive: true }, (req, res) => {
       req.resume();
       req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
     }).listen(${PORT}, '127.0.0.1', () => console.log('up'));`,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
await new Promise((resolve) => server.stdout.once('data', resolve));

const url = `http://127.0.0.1:${PORT}/2/rest/bill/${BILL.pay.id}?para=%7B%7D`;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const bare = () =>
  new Promise<void>((resolve, reject) => {
    request(url, { agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    })
      .on('error', reject)
      .end();
  });
const transport = createTransport();
// As the client uses it: a stream whose body is gathered by hand.
const viaGot = () =>
  new Promise<void>((resolve, reject) => {
    const chunks: Buffer[] = [];
    transport
      .stream(url)
      .on('data', (chunk: Buffer) => chunks.push(chunk))
      .on('end', () => resolve(void Buffer.concat(chunks).toString('utf8')))
      .on('error', reject);
  });
const client = new BeeCloudClient({
  credentials: {
    appId: 'c0ffee00-0000-4bee-8c1d-000000000001',
    appSecret: 'bench-app-secret',
    masterSecret: 'bench-master-secret',
  },
  baseUrls: [`http://127.0.0.1:${PORT}`],
});
const viaClient = async () => void (await client.billById(BILL.pay.id));

/** Client CPU µs per call over CALLS calls made by CONCURRENCY callers. */
async function cpuPerCall(call: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 200; i++) await call(); // warm-up
  const before = process.cpuUsage();
  let left = CALLS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await call();
    }),
  );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / CALLS;
}

try {
  // Three interleaved rounds, medians: the JIT keeps warming after the first.
  const ways = [
    ['bare node:http', bare],
    ['got transport', viaGot],
    ['BeeCloudClient.billById', viaClient],
  ] as const;
  const samples = new Map<string, number[]>(ways.map(([name]) => [name, []]));
  for (let round = 0; round < 3; round++)
    for (const [name, call] of ways) samples.get(name)!.push(await cpuPerCall(call));
  console.log(
    `Client CPU per upstream call (${CALLS} calls, ${CONCURRENCY} callers, loopback; median of 3):`,
  );
  for (const [name, values] of samples)
    console.log(`  ${name.padEnd(26)} ${median(values).toFixed(0).padStart(5)} µs`);
} finally {
  server.kill();
  agent.destroy();
}
