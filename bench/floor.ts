/**
 * The floor for `npm run bench:peers`: what two HTTP hops cost in Node on this machine, with no
 * GraphQL, no client library, no auth, limits, logs or metrics. A bare node:http server that,
 * for each scenario's path, makes the same signed REST calls as our gateway does (node:http,
 * keep-alive), maps the records to camelCase and answers JSON. No gateway over the same sandbox
 * can be faster than this; the gap between it and ours is what the gateway's features cost.
 *
 * Run as its own process: `node dist-bench/bench/floor.js` with FLOOR_PORT and BEECLOUD_BASE_URL.
 */
import { Agent, createServer, request } from 'node:http';
import { encodePara, signAppRequest } from '../src/wire/index.js';
import { BENCH_APP } from './support.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const base = process.env.BEECLOUD_BASE_URL!;
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function get(path: string, params: object): Promise<Json> {
  const timestamp = Date.now();
  const { appId, appSecret } = BENCH_APP;
  const para = encodePara({
    ...params,
    app_id: appId,
    timestamp,
    app_sign: signAppRequest(appId, timestamp, appSecret),
  });
  return new Promise((resolve, reject) => {
    request(`${base}${path}?${para}`, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const bill = (r: Json) => ({
  id: r.id,
  billNo: r.bill_no,
  title: r.title,
  totalFeeFen: r.total_fee,
  channel: r.sub_channel,
  family: r.channel,
  paid: r.spay_result,
  refunded: r.refund_result,
  tradeNo: r.trade_no,
  createdAt: new Date(r.create_time).toISOString(),
  optional: JSON.parse(r.optional),
});

const routes: Record<string, (query: URLSearchParams) => Promise<unknown>> = {
  async '/bill'(query) {
    const answer = await get(`/2/rest/bill/${query.get('id')}`, {});
    return { bill: { ...bill(answer.pay), messageDetail: answer.pay.message_detail } };
  },
  async '/page'() {
    const answer = await get('/2/rest/bills', { limit: 50 });
    return { bills: { nodes: answer.bills.map(bill) } };
  },
  async '/refunds'() {
    const answer = await get('/2/rest/refunds', { limit: 50, need_detail: true });
    const billNos = [...new Set<string>(answer.refunds.map((r: Json) => r.bill_no))];
    const bills = new Map<string, Json>();
    await Promise.all(
      billNos.map(async (billNo) => {
        const found = await get('/2/rest/bills', { bill_no: billNo, limit: 1, need_detail: true });
        bills.set(billNo, bill(found.bills[0]));
      }),
    );
    const nodes = answer.refunds.map((r: Json) => ({
      id: r.id,
      refundNo: r.refund_no,
      refundFeeFen: r.refund_fee,
      state: r.finish ? (r.result ? 'SUCCEEDED' : 'FAILED') : 'PENDING',
      bill: bills.get(r.bill_no) ?? null,
    }));
    return { refunds: { nodes } };
  },
};

createServer({ keepAlive: true }, (req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  req.resume();
  req.on('end', () => {
    const route = routes[url.pathname];
    if (!route) return void res.writeHead(404).end();
    route(url.searchParams).then(
      (data) => {
        const body = JSON.stringify({ data });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      },
      (error: Error) => res.writeHead(502).end(error.message),
    );
  });
}).listen(Number(process.env.FLOOR_PORT), '127.0.0.1');
