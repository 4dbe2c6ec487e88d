import { devApp } from '../../src/sandbox/apps.js';
import { KEYS, testAuthenticator } from '../support/auth.js';
import { assembleOver, startTestGateway, type TestGateway } from '../support/gateway.js';
import { startRedis } from '../support/redis.js';
import { describeWithRedis } from '../support/services.js';
import { startTestSandbox } from '../support/sandbox.js';
import { fragmentTree } from '../support/adversarial-documents.js';
import { sendOver, sendOverEach, type TransportAnswer } from '../support/transports.js';

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('query limits', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({
      server: { limits: { maxDepth: 6, maxAliases: 5, maxTokens: 400, maxCost: 300 } },
    });
  });
  afterAll(() => t.close());

  const refused = async (query: string, pattern: RegExp) => {
    const before = t.upstreamRequests();
    const response = await post(t.graphqlUrl, query);
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };
    expect(response.status).toBeLessThan(500);
    expect(body.errors[0]!.message).toMatch(pattern);
    expect([
      'GRAPHQL_VALIDATION_FAILED',
      'GRAPHQL_PARSE_FAILED',
      'BAD_USER_INPUT',
      'COST_LIMIT_EXCEEDED',
    ]).toContain(body.errors[0]!.extensions.code);
    expect(t.upstreamRequests()).toBe(before);
  };

  it('refuses a query deeper than maxDepth', async () => {
    await refused(
      '{ refunds { items { bill { refunds { bill { refunds { bill { id } } } } } } } }',
      /depth/i,
    );
    expect((await post(t.graphqlUrl, '{ refunds { items { bill { id } } } }')).status).toBe(200);
  });

  it('refuses more aliases than maxAliases', async () => {
    await refused(`{ ${Array.from({ length: 8 }, (_, i) => `a${i}: billsCount`).join(' ')} }`, /alias/i);
  });

  it('refuses more tokens than maxTokens', async () => {
    await refused(`{ billsCount ${'__typename '.repeat(500)} }`, /token/i);
  });

  it('refuses a query over maxCost, naming the limit and the cost found', async () => {
    // refunds + items + 10 (the default page) × 150 fields
    await refused(
      `{ refunds { items { ${'id '.repeat(150)} } } }`,
      /^this operation costs 1502, over the limit of 300 \(LIMIT_MAX_COST\)$/,
    );
  });
});

describe('rate limits', () => {
  it('spends each operation’s cost, reports it in extensions and refuses with 429 when the budget is gone', async () => {
    const t = await startTestGateway({
      server: { authenticator: testAuthenticator(), rateLimit: { burst: 40, perSecond: 1 } },
    });
    try {
      const headers = { authorization: `Bearer ${KEYS.readOnly.key}` };
      const first = (await (await post(t.graphqlUrl, '{ billsCount }', headers)).json()) as {
        extensions: { cost: number; rateLimit: { remaining: number; limit: number } };
      };
      expect(first.extensions).toEqual({ cost: 1, rateLimit: { limit: 40, remaining: 39, retryAfterMs: 0 } });
      const page = (await (
        await post(t.graphqlUrl, '{ bills(first: 10) { items { id billNo } } }', headers)
      ).json()) as { extensions: { cost: number } };
      expect(page.extensions.cost).toBe(1 + 1 + 10 * 2); // bills + items + 10 × (id, billNo)
      const before = t.upstreamRequests();
      // About 17 left; 20 items cost 1 + 1 + 20 = 22.
      const refused = await post(t.graphqlUrl, '{ bills(first: 20) { items { id } } }', headers);
      expect(refused.status).toBe(429);
      const body = (await refused.json()) as {
        errors: Array<{ extensions: { code: string; retryAfterMs: number } }>;
      };
      expect(body.errors[0]!.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        retryAfterMs: expect.any(Number),
      });
      expect(t.upstreamRequests()).toBe(before);
      // Another principal has its own budget.
      expect(
        (await post(t.graphqlUrl, '{ billsCount }', { authorization: `Bearer ${KEYS.everything.key}` }))
          .status,
      ).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('rate budgets of refusals and of anonymous callers', () => {
  const codeOf = (answer: TransportAnswer) => answer.errors?.[0]?.extensions?.code;

  it('charges a refusal its cost (up to LIMIT_MAX_COST) and a malformed document 1, then answers 429 on every transport', async () => {
    const t = await startTestGateway({
      server: { authenticator: testAuthenticator(), rateLimit: { burst: 40, perSecond: 0.01 } },
    });
    try {
      const asReader = { authorization: `Bearer ${KEYS.readOnly.key}` };
      // Three malformed documents cost 1 each: 37 left, as the next answer reports.
      for (const query of ['{ billsCount', '{ billz }', '{ __typename }'.repeat(2)])
        expect(codeOf(await sendOver('POST', t.graphqlUrl, { query }, asReader))).toMatch(/^GRAPHQL_/);
      const counted = await sendOver('POST', t.graphqlUrl, { query: '{ __typename }' }, asReader);
      expect(counted.extensions).toMatchObject({ rateLimit: { remaining: 36 } });
      // 100^4 __typename: refused, and charged what is left (its cost is over the whole bucket).
      expect(codeOf(await sendOver('POST', t.graphqlUrl, { query: fragmentTree(100, 4) }, asReader))).toBe(
        'COST_LIMIT_EXCEEDED',
      );
      // Nothing left: an admissible operation, a malformed one and a refused one all wait, on each transport.
      for (const query of ['{ billsCount }', '{ billsCount', fragmentTree(100, 4)]) {
        const answers = await sendOverEach(t.graphqlUrl, { query }, asReader);
        expect(answers.map(codeOf)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
        expect(answers.map((answer) => answer.status)).toEqual([429, 429, undefined]);
        expect(answers[0]!.headers!.get('retry-after')).toMatch(/^\d+$/);
      }
      // Another principal's budget is whole.
      const other = await sendOver(
        'POST',
        t.graphqlUrl,
        { query: '{ billsCount }' },
        { authorization: `Bearer ${KEYS.everything.key}` },
      );
      expect(other.status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('gives each anonymous address its own bucket, read from X-Forwarded-For only behind TRUST_PROXY', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const spendFrom = async (t: TestGateway, address: string, times: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < times; i++)
        statuses.push(
          (await sendOver('POST', t.graphqlUrl, { query: '{ __typename }' }, from(address))).status!,
        );
      return statuses;
    };
    const behindProxy = await startTestGateway({
      server: {
        authenticator: testAuthenticator(),
        rateLimit: { burst: 3, perSecond: 0.01 },
        trustProxy: ['127.0.0.1'],
      },
    });
    try {
      expect(await spendFrom(behindProxy, '203.0.113.1', 4)).toEqual([200, 200, 200, 429]);
      // Another client behind the same proxy is not held back by the first.
      expect(await spendFrom(behindProxy, '203.0.113.2', 1)).toEqual([200]);
      // A client that writes its own X-Forwarded-For is known by the hop the proxy appended.
      expect(await spendFrom(behindProxy, '198.51.100.1, 203.0.113.1', 1)).toEqual([429]);
    } finally {
      await behindProxy.close();
    }
    const direct = await startTestGateway({
      server: { authenticator: testAuthenticator(), rateLimit: { burst: 3, perSecond: 0.01 } },
    });
    try {
      // No trusted proxy: the header is the caller's own word, and the peer (127.0.0.1) is the client.
      expect(await spendFrom(direct, '203.0.113.1', 3)).toEqual([200, 200, 200]);
      expect(await spendFrom(direct, '203.0.113.2', 1)).toEqual([429]);
    } finally {
      await direct.close();
    }
  });
});

describeWithRedis('rate limits across replicas', () => {
  it('shares one budget between replicas through Redis', async () => {
    const redis = await startRedis();
    const app = devApp();
    const sandbox = await startTestSandbox({ apps: [app] });
    const replica = () =>
      assembleOver(sandbox.url, app, {
        redisUrl: redis.url,
        authenticator: testAuthenticator(),
        rateLimit: { burst: 10, perSecond: 0.5 },
      });
    const [a, b] = [await replica(), await replica()];
    try {
      const headers = { authorization: `Bearer ${KEYS.readOnly.key}` };
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (await post(`${a.gateway.url}/graphql`, '{ billsCount refundsCount }', headers)).status,
        );
      // 6 × cost 2 = 12 > 10: A itself ran out at the sixth.
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const onB = await post(`${b.gateway.url}/graphql`, '{ billsCount }', headers);
      expect(onB.status).toBe(429); // B sees the budget A spent
      expect(
        (await post(`${b.gateway.url}/graphql`, '{ billsCount }', { 'x-api-key': KEYS.everything.key }))
          .status,
      ).toBe(200);
    } finally {
      await a.close();
      await b.close();
      await sandbox.close();
      await redis.stop();
    }
  });
});
