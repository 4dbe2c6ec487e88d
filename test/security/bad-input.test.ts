import { KEYS, testAuthenticator } from '../support/auth.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * Over a thousand generated bad inputs — huge strings, unicode, control characters,
 * negative, fractional and overflowing amounts, wrong channels, injection-like strings,
 * deep and wide queries, broken JSON — sent as a client would. Every one must be answered
 * (no 5xx), the gateway must stay up, and none may reach BeeCloud: all are refused locally.
 */

/** A small seeded PRNG (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  '',
  ' ',
  'short',
  'x'.repeat(33),
  'x'.repeat(100_000),
  '白开水'.repeat(20),
  '😀'.repeat(17),
  "'; DROP TABLE bills;--",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}',
  '../../../../etc/passwd',
  '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007',
  '\u202e\u200b\ufeff',
  'bill no with spaces',
  '%00%0d%0a',
  '{"$gt":""}',
  'a'.repeat(8) + '\n',
];
const BAD_AMOUNTS: unknown[] = [0, -1, -2147483648, 2147483648, 1.5, 0.01, '100', null, true, 1e21, [], {}];
const BAD_CHANNELS: unknown[] = ['WX', 'wx_app', 'WX_SCAN', 'ALI_SCAN', '', 'PAYPAL', 42, null, 'WX_NATIVE '];
const BAD_REFUND_NOS = [
  '',
  '2026',
  '20261127000',
  'abcdefgh123',
  '2026112' + 'x'.repeat(30),
  '20261127' + '😀😀😀',
];

type Case = {
  query: string;
  variables?: Record<string, unknown>;
  raw?: string;
  /** Every error must say this: the case is otherwise valid, so nothing else may refuse it. */
  onlyRefusedBy?: RegExp;
};

function generateCases(count: number): Case[] {
  const next = random(20261126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const validBill = () => ({
    channel: 'UN_APP',
    billNo: `fuzz${Math.floor(next() * 1e9)}`,
    totalFeeFen: 100,
    title: 'ok',
  });
  const createBill =
    'mutation($input: CreateBillInput!) { createBill(input: $input) { billId userErrors { code field } } }';
  const createRefund =
    'mutation($input: CreateRefundInput!) { createRefund(input: $input) { refundId userErrors { code } } }';
  const generators: Array<() => Case> = [
    () => ({ query: createBill, variables: { input: { ...validBill(), billNo: pick(NASTY_STRINGS) } } }),
    () => ({ query: createBill, variables: { input: { ...validBill(), totalFeeFen: pick(BAD_AMOUNTS) } } }),
    () => ({
      query: createBill,
      variables: {
        input: { ...validBill(), title: pick(NASTY_STRINGS.filter((s) => s.length > 32 || s === '')) },
      },
    }),
    () => ({ query: createBill, variables: { input: { ...validBill(), channel: pick(BAD_CHANNELS) } } }),
    () => ({
      query: createBill,
      variables: {
        input: {
          ...validBill(),
          channel: pick([
            'WX_JSAPI',
            'ALI_WEB',
            'ALI_QRCODE',
            'UN_WEB',
            'JD_WAP',
            'YEE_WAP',
            'YEE_NOBANKCARD',
          ]),
        },
      },
    }),
    () => ({
      query: createBill,
      variables: {
        input: {
          ...validBill(),
          channel: 'UN_WEB',
          returnUrl: pick([
            'javascript:alert(1)',
            'http://a/b?x=1',
            'http://a/#x',
            ...NASTY_STRINGS.slice(7, 12),
          ]),
        },
      },
    }),
    () => ({
      query: createBill,
      variables: {
        input: {
          ...validBill(),
          channel: 'JD_WEB',
          returnUrl: 'https://a.example/r',
          billTimeoutSeconds: Math.floor(next() * 1000),
        },
      },
    }),
    () => ({
      query: createBill,
      variables: { input: { ...validBill(), optional: pick(['{}', [], 'x', 1]) } },
    }),
    () => ({
      query: createBill,
      variables: { input: { ...validBill(), unknownField: pick(NASTY_STRINGS) } },
    }),
    () => ({
      query: createRefund,
      variables: { input: { billNo: 'fuzzbill01', refundNo: pick(BAD_REFUND_NOS), refundFeeFen: 1 } },
    }),
    () => ({
      query: createRefund,
      variables: {
        input: { billNo: 'fuzzbill01', refundNo: '20261127001', refundFeeFen: pick(BAD_AMOUNTS) },
      },
    }),
    () => ({
      query: createRefund,
      variables: { input: { billNo: pick(NASTY_STRINGS), refundNo: '20261127001', refundFeeFen: 1 } },
    }),
    () => ({
      query:
        'mutation($input: ReviewRefundsInput!) { reviewRefunds(input: $input) { outcomes { ok } userErrors { code } } }',
      variables: {
        input: {
          channel: pick(['WX', 'ALI', 'PAYPAL', 'x']),
          ids: next() < 0.5 ? [] : Array.from({ length: 101 }, (_, i) => `id${i}`),
          agree: true,
        },
      },
    }),
    () => ({
      query: '{ bills(first: $n) { items { id } } }'.replace(
        '$n',
        String(pick([-1, 201, 100000, 2147483647])),
      ),
    }),
    () => ({ query: `{ bills(offset: ${pick([-1, -100])}) { items { id } } }` }),
    () => ({
      query: `{ bills(after: ${JSON.stringify(pick(NASTY_STRINGS.slice(0, 12)))}) { items { id } } }`,
    }),
    () => ({ query: '{ bills(filter: { family: WX, channel: WX_APP }) { items { id } } }' }),
    () => ({
      query: `{ bills(filter: { createdFrom: ${JSON.stringify(pick(['yesterday', '2026-13-01', '', '1e99']))} }) { items { id } } }`,
    }),
    () => {
      // Schema-valid and too deep: refunds → items → bill → refunds → bill …, deeper than
      // the limit of 8, so that depth (and nothing else) is what refuses it.
      const levels = 9 + Math.floor(next() * 6);
      const fields = [
        'refunds',
        'items',
        ...Array.from({ length: levels }, (_, i) => (i % 2 ? 'refunds' : 'bill')),
      ];
      const chosen = fields.slice(0, levels);
      return {
        query: `{ ${chosen.map((field) => `${field} {`).join(' ')} id ${'}'.repeat(levels)} }`,
        onlyRefusedBy: /depth limit of 8 exceeded/,
      };
    },
    () => ({
      query: `{ ${Array.from({ length: 16 + Math.floor(next() * 40) }, (_, i) => `a${i}: billsCount`).join(' ')} }`,
    }),
    () => ({ query: `{ bill(id: "x") { ${'id '.repeat(4000)} } }` }),
    () => ({ query: `{ billsCount ${'{'.repeat(Math.floor(next() * 50))}` }),
    () => ({ query: pick(NASTY_STRINGS) }),
    () => ({
      query: '',
      raw: pick([
        '{',
        '[]',
        'null',
        '"x"',
        '{"query": 1}',
        '{"query": "{ billsCount }", "variables": "x"}',
        NASTY_STRINGS[4]!,
      ]),
    }),
  ];
  return Array.from({ length: count }, () => pick(generators)());
}

describe('1,000+ bad inputs', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({
      server: {
        authenticator: testAuthenticator(),
        limits: { maxDepth: 8, maxAliases: 15, maxTokens: 3000, maxCost: 5000 },
      },
    });
  });
  afterAll(() => t.close());

  it('answers every one without a 5xx, stays up, and calls BeeCloud for none', async () => {
    const cases = generateCases(1200);
    const before = t.upstreamRequests();
    const statuses = new Map<number, number>();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${KEYS.everything.key}` };
    for (let i = 0; i < cases.length; i += 20) {
      await Promise.all(
        cases.slice(i, i + 20).map(async (c) => {
          const body = c.raw ?? JSON.stringify({ query: c.query, variables: c.variables });
          const response = await fetch(t.graphqlUrl, { method: 'POST', headers, body });
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500) throw new Error(`5xx for ${body.slice(0, 200)}: ${text.slice(0, 300)}`);
          const parsed = JSON.parse(text) as {
            errors?: Array<{ message: string }>;
            data?: Record<string, { userErrors?: unknown[] } | null>;
          };
          const refused =
            (parsed.errors?.length ?? 0) > 0 ||
            Object.values(parsed.data ?? {}).some((v) => (v?.userErrors?.length ?? 0) > 0);
          if (!refused) throw new Error(`accepted: ${body.slice(0, 300)} -> ${text.slice(0, 300)}`);
          if (c.onlyRefusedBy && !parsed.errors?.every((error) => c.onlyRefusedBy!.test(error.message)))
            throw new Error(`refused for another reason: ${body.slice(0, 300)} -> ${text.slice(0, 300)}`);
        }),
      );
    }
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect(t.upstreamRequests()).toBe(before);
    expect(t.logMessages().filter((message) => message === 'unexpected error')).toEqual([]);
    const healthy = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers,
      body: '{"query":"{ billsCount }"}',
    });
    expect(await healthy.json()).toMatchObject({ data: { billsCount: 0 } });
  }, 120_000);
});
