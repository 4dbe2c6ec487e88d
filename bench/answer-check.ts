/**
 * `npm run bench:answer-check`: what the edge check (src/upstream/response-check.ts) costs per
 * upstream answer, next to the JSON.parse every answer pays anyway, and next to valibot's own
 * walk of the same schemas (what the gateway ran before). In-process, no network: the figure is
 * CPU per answer. In the running gateway valibot's walk cost several times more than here
 * (bench:ab), so this table ranks the two but does not give the gain.
 */
import * as v from 'valibot';
import { checkAnswer } from '../src/upstream/response-check.js';
import { RESPONSE_SCHEMAS } from '../src/upstream/response-schemas.js';
import type { BillRecord } from '../src/wire/index.js';

const bill = (i: number): BillRecord => ({
  id: `c0ffee00-0000-4bee-8c1d-${String(i).padStart(12, '0')}`,
  bill_no: `bench${String(i).padStart(8, '0')}`,
  total_fee: 100 + i,
  trade_no: `4200001${i}`,
  channel: 'WX',
  sub_channel: 'WX_NATIVE',
  title: 'bench tea',
  spay_result: true,
  create_time: 1764300000000 + i,
  optional: '{"order":"A-1"}',
  revert_result: false,
  refund_result: false,
  // The later revisions' fields, as the sandbox sends them: nulls where nothing was given.
  bill_fee: 100 + i,
  discount: 0,
  coupon_id: null,
  buyer_id: null,
  seller_id: null,
  store_id: null,
  operator_id: null,
});
const envelope = { result_code: 0, result_msg: 'OK', err_detail: '' };
const cases = [
  ['bill by id', 'billById', JSON.stringify({ ...envelope, pay: bill(1) })],
  [
    '50-bill page',
    'bills',
    JSON.stringify({ ...envelope, bills: Array.from({ length: 50 }, (_, i) => bill(i)) }),
  ],
] as const;

function perCallMicroseconds(run: () => void, iterations: number): number {
  for (let i = 0; i < iterations / 10; i++) run(); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

console.log('| answer | JSON.parse µs | edge check µs | check / parse | valibot alone µs |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, endpoint, text] of cases) {
  const iterations = endpoint === 'bills' ? 5_000 : 100_000;
  const parsed = JSON.parse(text) as unknown;
  const parse = perCallMicroseconds(() => JSON.parse(text), iterations);
  const check = perCallMicroseconds(() => checkAnswer(endpoint, parsed), iterations);
  const valibot = perCallMicroseconds(() => {
    if (!v.safeParse(RESPONSE_SCHEMAS[endpoint], parsed).success) throw new Error('bench data is invalid');
  }, iterations);
  console.log(
    `| ${name} | ${parse.toFixed(1)} | ${check.toFixed(1)} | ${(check / parse).toFixed(2)} | ${valibot.toFixed(1)} |`,
  );
}
