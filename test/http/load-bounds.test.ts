import { parse } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { checkOperationBudget, operationBudget } from '../../src/graphql/operation-budget.js';
import { devApp } from '../../src/sandbox/apps.js';
import { BeeCloudClient } from '../../src/upstream/beecloud-client.js';
import { OperationUpstream } from '../../src/upstream/operation-upstream.js';
import { KEYS, jwtFor, testAuthenticator } from '../support/auth.js';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/receiver.js';
import { startTestSandbox, uniqueBillNo, uniqueRefundNo, type Json } from '../support/sandbox.js';
import { subscribe } from '../support/subscriber.js';

/**
 * The attacks of the load-bounds issue, each over real HTTP or a real WebSocket against a
 * gateway over a real sandbox: every one is refused or bounded, and the gateway stays up.
 */
const asEveryone = { authorization: `Bearer ${KEYS.everything.key}` };
const post = async (url: string, body: object, headers: Record<string, string> = asEveryone) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer<Json>, 'status'>) };
};
const alive = async (t: TestGateway) => (await fetch(`${t.gateway.url}/healthz`)).status === 200;

describe('the operation budget', () => {
  let schema: Awaited<ReturnType<typeof buildGatewaySchema>>;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });
  const budget = (query: string, variables: Record<string, unknown> = {}) =>
    operationBudget(schema, parse(query), undefined, variables);

  it('takes page sizes from variables as sent, from their defaults, and from literals alike', () => {
    const literal = budget('{ bills(first: 200) { items { id refunds { id } } } }');
    const variable = budget('query($n: Int) { bills(first: $n) { items { id refunds { id } } } }', {
      n: 200,
    });
    const defaulted = budget('query($n: Int = 200) { bills(first: $n) { items { id refunds { id } } } }');
    expect(variable).toMatchObject({ cost: literal.cost, calls: literal.calls, drivers: ['$n = 200'] });
    expect(defaulted).toMatchObject({ cost: literal.cost, calls: literal.calls });
    // 4 pages of 50, then one refunds call per bill.
    expect(literal.calls).toBe(4 + 200);
    // An unsent variable without a default leaves the field's own default (10 items).
    const unsent = budget('query($n: Int) { bills(first: $n) { items { id refunds { id } } } }');
    expect(unsent.calls).toBe(1 + 10);
  });

  it('multiplies nested lists and counts a fragment every time it is spread', () => {
    const once = budget('{ bills(first: 20) { items { id } } }');
    const nested = budget('{ bills(first: 20) { items { id refunds { id title } } } }');
    expect(once.cost).toBe(1 + 1 + 20 * 1);
    expect(nested.cost).toBe(1 + 1 + 20 * (1 + 1 + 50 * 2));
    const spread = budget(
      'fragment B on Bill { id refunds { id } } { a: bills(first: 20) { items { ...B } } b: bills(first: 20) { items { ...B } } }',
    );
    expect(spread.calls).toBe(2 * (1 + 20));
  });

  it('prices a fragment once, yet per page size where its fields take their count from the page above', () => {
    // P's nodes run `first` times: 5 under one page, 20 under the other, never one tally for both.
    const pages = budget(
      'fragment P on BillConnection { nodes { id } } { a: bills(first: 5) { ...P } b: bills(first: 20) { ...P } }',
    );
    expect(pages.cost).toBe(1 + (1 + 5) + 1 + (1 + 20));
    // B is walked once however often it is spread, and costs the same at every spread.
    const wide = budget(
      `fragment B on Bill { id refunds { id } } { bills(first: 10) { nodes { ${'...B '.repeat(50)}} } }`,
    );
    expect(wide.cost).toBe(1 + 1 + 10 * 50 * (1 + 1 + 50));
    expect(wide.visited).toBeLessThan(60);
  });

  it('stops walking once it has seen more fields than the limit, and says the cost is over it', () => {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    const stopped = operationBudget(schema, parse(query), undefined, {}, 10);
    expect(stopped).toMatchObject({ stoppedEarly: true, cost: 11 });
    expect(stopped.visited).toBe(11);
    expect(() => checkOperationBudget(stopped, { maxCost: 10, maxUpstreamCalls: 100 })).toThrow(
      'this operation costs more than 10 (LIMIT_MAX_COST)',
    );
    expect(operationBudget(schema, parse(query), undefined, {}, 40)).toMatchObject({ cost: 40 });
  });
});

describe('bounded under hostile load, over HTTP', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ server: { authenticator: testAuthenticator() } });
    // 220 bills, so that a page of 200 is full and every bill could be asked for its refunds.
    for (let i = 0; i < 220; i++) await t.rest.bill({ channel: 'UN_APP', total_fee: 1 });
  }, 60_000);
  afterAll(() => t.close());

  it('refuses 4 concurrent bills(first: $n = 200) { items { refunds } } before running, naming the limit and $n', async () => {
    const before = t.upstreamRequests();
    const query = 'query($n: Int) { bills(first: $n) { items { id refunds { id } } } }';
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post(t.graphqlUrl, { query, variables: { n: 200 } })),
    );
    for (const answer of answers) {
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
      expect(answer.errors?.[0]?.message).toMatch(
        /^this operation costs \d+, over the limit of 5000 \(LIMIT_MAX_COST\); page sizes from \$n = 200$/,
      );
    }
    expect(t.upstreamRequests()).toBe(before); // nothing ran
    expect(await alive(t)).toBe(true);
  });

  it('refuses by predicted upstream calls when the cost alone would pass, and runs what fits', async () => {
    const bounded = await startTestGateway({
      server: { authenticator: testAuthenticator(), limits: { maxCost: 1_000_000, maxUpstreamCalls: 100 } },
    });
    try {
      for (let i = 0; i < 120; i++) await bounded.rest.bill({ channel: 'UN_APP', total_fee: 1 });
      const query = 'query($n: Int) { bills(first: $n) { items { id refunds { id } } } }';
      const before = bounded.upstreamRequests();
      const refused = await post(bounded.graphqlUrl, { query, variables: { n: 200 } });
      expect(refused.errors?.[0]).toMatchObject({
        message:
          'this operation may need 204 upstream calls, over the limit of 100 (LIMIT_MAX_UPSTREAM_CALLS); page sizes from $n = 200',
        extensions: { code: 'COST_LIMIT_EXCEEDED' },
      });
      expect(bounded.upstreamRequests()).toBe(before);
      const fits = await post(bounded.graphqlUrl, { query, variables: { n: 90 } });
      expect(fits.errors).toBeUndefined();
      expect(fits.data?.bills.items).toHaveLength(90);
      expect(bounded.upstreamRequests() - before).toBeLessThanOrEqual(100); // 2 pages + 90 bills' refunds
    } finally {
      await bounded.close();
    }
  });

  it('refuses a 300 KB optional on createBill and createRefund as a userError, and creates nothing', async () => {
    const billNo = uniqueBillNo();
    const before = t.upstreamRequests();
    const big = { note: 'x'.repeat(300 * 1024) };
    const created = await post(t.graphqlUrl, {
      query:
        'mutation($input: CreateBillInput!) { createBill(input: $input) { billId userErrors { code field message } } }',
      variables: { input: { channel: 'UN_APP', billNo, totalFeeFen: 1, title: 't', optional: big } },
    });
    expect(created.data?.createBill).toEqual({
      billId: null,
      userErrors: [
        {
          code: 'PARAM_INVALID',
          field: 'input.optional',
          message: `optional must be at most 16384 bytes as JSON (LIMIT_MAX_OPTIONAL_BYTES), got ${JSON.stringify(big).length}`,
        },
      ],
    });
    const refund = await post(t.graphqlUrl, {
      query:
        'mutation($input: CreateRefundInput!) { createRefund(input: $input) { refundId userErrors { field } } }',
      variables: { input: { billNo, refundNo: uniqueRefundNo(), refundFeeFen: 1, optional: big } },
    });
    expect(refund.data?.createRefund.userErrors).toEqual([{ field: 'input.optional' }]);
    expect(t.upstreamRequests()).toBe(before);
    expect((await t.rest.call('billsCount', { bill_no: billNo })).count).toBe(0);
  });

  it('notifies a bill whose optional is as large as allowed (the webhook limit sits above it)', async () => {
    const billNo = uniqueBillNo();
    const optional = { note: 'y'.repeat(16 * 1024 - 20) };
    const created = await post(t.graphqlUrl, {
      query:
        'mutation($input: CreateBillInput!) { createBill(input: $input) { billId userErrors { code } } }',
      variables: { input: { channel: 'WX_NATIVE', billNo, totalFeeFen: 5, title: 't', optional } },
    });
    expect(created.data?.createBill.userErrors).toEqual([]);
    const sub = await subscribe(
      t.graphqlUrl,
      `subscription { billUpdated(billNo: "${billNo}") { type optional } }`,
      {},
      asEveryone,
    );
    try {
      await t.rest.control('POST', `bills/${billNo}/pay`);
      expect((await sub.next(1)).billUpdated).toEqual({ type: 'PAY', optional });
    } finally {
      await sub.close();
    }
  });

  it('survives records other clients stored with huge optional maps: the byte budget cuts the answer off', async () => {
    const stuffed = await startTestGateway({ server: { authenticator: testAuthenticator() } });
    try {
      // Straight into the sandbox, as another BeeCloud client could: 12 bills of ~900 KB each.
      for (let i = 0; i < 12; i++)
        await stuffed.rest.bill({
          channel: 'UN_APP',
          total_fee: 1,
          optional: { blob: 'z'.repeat(900 * 1024) },
        });
      const answer = await post(stuffed.graphqlUrl, {
        query: '{ bills(first: 50) { items { id optional } } }',
      });
      expect(answer.errors?.[0]).toMatchObject({
        message:
          "the payment service's answers exceed what one operation may read (LIMIT_MAX_UPSTREAM_BYTES)",
        extensions: { code: 'UPSTREAM_BAD_RESPONSE' },
      });
      expect(await alive(stuffed)).toBe(true);
      const small = await post(stuffed.graphqlUrl, { query: '{ bills(first: 2) { items { id } } }' });
      expect(small.data?.bills.items).toHaveLength(2); // two 900 KB records fit in 8 MiB
    } finally {
      await stuffed.close();
    }
  }, 60_000);

  it('needs credentials to register a persisted query, and keeps serving registered ones', async () => {
    const query = '{ __typename }';
    const { createHash } = await import('node:crypto');
    const extensions = {
      persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
    };
    const anonymous = await post(t.graphqlUrl, { query, extensions }, {});
    expect(anonymous).toMatchObject({ status: 401, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const notYet = await post(t.graphqlUrl, { extensions }, {});
    expect(notYet.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(t.graphqlUrl, { query, extensions })).data).toEqual({ __typename: 'Query' });
    expect((await post(t.graphqlUrl, { extensions }, {})).data).toEqual({ __typename: 'Query' });
  });
});

describe('the per-operation upstream budget, counted at the client', () => {
  it('refuses the call past the cap without making it, and cuts off answers past the byte budget', async () => {
    const app = devApp();
    const sandbox = await startTestSandbox({ apps: [app] });
    try {
      const client = new BeeCloudClient({ credentials: app, baseUrls: [sandbox.url] });
      const operation = new OperationUpstream(client, { maxCalls: 2, maxBytes: 1024 * 1024 });
      await operation.billsCount({});
      await operation.billsCount({});
      const before = sandbox.runtime.stats.restRequests;
      await expect(operation.billsCount({})).rejects.toMatchObject({ code: 'UPSTREAM_BUDGET_EXCEEDED' });
      expect(sandbox.runtime.stats.restRequests).toBe(before);
      expect(operation.callsMade).toBe(2);
      const tiny = new OperationUpstream(client, { maxCalls: 10, maxBytes: 20 });
      await expect(tiny.bills({ limit: 10 })).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    } finally {
      await sandbox.close();
    }
  });
});

describe('bounded under hostile load, over WebSocket', () => {
  const open = (t: TestGateway, connectionParams: Record<string, string> = asEveryone) =>
    createClient({
      url: t.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams,
      lazy: false,
      onNonLazyError: () => undefined,
    });
  /** Runs one operation on `client` and resolves with its data or its errors. */
  const once = (client: ReturnType<typeof open>, query: string) =>
    new Promise<{ data?: Json; errors?: Array<{ message: string; extensions?: Json }> }>((resolve) => {
      let data: Json | undefined;
      client.subscribe(
        { query },
        {
          next: (value) => (data = value.data as Json),
          error: (errors) => resolve({ errors: errors as Array<{ message: string; extensions?: Json }> }),
          complete: () => resolve({ data }),
        },
      );
    });

  it('caps subscriptions per socket: of 1,000 on one socket, 100 are held and the rest refused; the gateway stays up', async () => {
    const t = await startTestGateway({
      server: { authenticator: testAuthenticator(), limits: { wsMaxOperationsPerSecond: 10_000 } },
    });
    const client = open(t);
    try {
      const refused: string[] = [];
      for (let i = 0; i < 1000; i++)
        client.subscribe(
          { query: 'subscription { paymentEvents { type } }' },
          {
            next: () => undefined,
            error: (errors) => refused.push(JSON.stringify(errors)),
            complete: () => undefined,
          },
        );
      await eventually(() => refused.length === 900, 10_000);
      expect(refused.every((text) => text.includes('TOO_MANY_SUBSCRIPTIONS'))).toBe(true);
      expect(await alive(t)).toBe(true);
    } finally {
      await client.dispose();
      await t.close();
    }
  }, 30_000);

  it('caps operations started per second on one socket', async () => {
    const t = await startTestGateway({ server: { authenticator: testAuthenticator() } });
    const client = open(t);
    try {
      const answers = await Promise.all(Array.from({ length: 30 }, () => once(client, '{ billsCount }')));
      const limited = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
      expect(answers.filter((a) => a.data).length).toBeLessThanOrEqual(20);
      expect(limited.length).toBeGreaterThanOrEqual(10);
      expect(limited[0]!.errors![0]!.message).toContain('WS_MAX_OPERATIONS_PER_SECOND');
    } finally {
      await client.dispose();
      await t.close();
    }
  });

  it("refuses a key's WebSocket queries once HTTP has answered it 429: one budget", async () => {
    const t = await startTestGateway({
      server: { authenticator: testAuthenticator(), rateLimit: { burst: 6, perSecond: 0.01 } },
    });
    const client = open(t, { authorization: `Bearer ${KEYS.readOnly.key}` });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await post(
              t.graphqlUrl,
              { query: '{ billsCount refundsCount }' },
              { authorization: `Bearer ${KEYS.readOnly.key}` },
            )
          ).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
      const overWs = await once(client, '{ billsCount }');
      expect(overWs.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // And the other way round: what the socket spends, HTTP sees.
      const other = await startTestGateway({
        server: { authenticator: testAuthenticator(), rateLimit: { burst: 3, perSecond: 0.01 } },
      });
      const socket = open(other, { authorization: `Bearer ${KEYS.readOnly.key}` });
      try {
        for (let i = 0; i < 3; i++) expect((await once(socket, '{ billsCount }')).data).toBeDefined();
        expect(
          (
            await post(
              other.graphqlUrl,
              { query: '{ billsCount }' },
              { authorization: `Bearer ${KEYS.readOnly.key}` },
            )
          ).status,
        ).toBe(429);
      } finally {
        await socket.dispose();
        await other.close();
      }
    } finally {
      await client.dispose();
      await t.close();
    }
  });

  it('applies the cost limits and the introspection policy as HTTP does', async () => {
    const t = await startTestGateway({
      server: { authenticator: testAuthenticator(), introspection: false },
    });
    const client = open(t);
    try {
      const costly = await once(client, '{ bills(first: 200) { items { id refunds { id } } } }');
      expect(costly.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
      const introspection = await once(client, '{ __schema { types { name } } }');
      expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      const overHttp = await post(t.graphqlUrl, { query: '{ __schema { types { name } } }' });
      expect(overHttp.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await client.dispose();
      await t.close();
    }
  });

  it('closes a socket with 4401 when the token it was opened with expires', async () => {
    const t = await startTestGateway({ server: { authenticator: testAuthenticator() } });
    try {
      const token = await jwtFor(['bills:read'], { expiresIn: '2s' });
      const closed = new Promise<number>((resolve) => {
        const client = createClient({
          url: t.graphqlUrl.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          lazy: false,
          onNonLazyError: () => undefined,
          connectionParams: { authorization: `Bearer ${token}` },
          on: { closed: (event) => resolve((event as { code: number }).code) },
        });
        client.subscribe(
          { query: 'subscription { paymentEvents { type } }' },
          { next: () => undefined, error: () => undefined, complete: () => undefined },
        );
      });
      expect(await closed).toBe(4401);
    } finally {
      await t.close();
    }
  });
});
