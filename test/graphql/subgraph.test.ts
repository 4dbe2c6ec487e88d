import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { subgraphSdl } from '../../src/graphql/subgraph.js';
import { TrustedDocuments } from '../../src/graphql/trusted-documents.js';
import { KEYS, testAuthenticator } from '../support/auth.js';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { comparable, sendOverEach } from '../support/transports.js';

const bearer = (key: { key: string }) => ({ authorization: `Bearer ${key.key}` });
const ENTITIES =
  'query($representations: [_Any!]!) { _entities(representations: $representations) ' +
  '{ ... on Bill { billNo paid } ... on Refund { refundNo } } }';

/** A second subgraph: orders, each pointing at the bill that pays it (by billNo). */
async function startOrdersSubgraph(orders: Array<{ id: string; billNo: string }>) {
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Order @key(fields: "id") { id: ID! total: Int! bill: Bill! }
    type Bill @key(fields: "billNo", resolvable: false) { billNo: String! }
    type Query { orders: [Order!]! }
  `);
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs,
      resolvers: {
        Query: { orders: () => orders.map((order) => ({ id: order.id, billNo: order.billNo })) },
        Order: {
          total: () => 1000,
          bill: (order: { billNo: string }) => ({ __typename: 'Bill', billNo: order.billNo }),
        },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, typeDefs, stop: () => server.stop() };
}

describe('the gateway as a federation subgraph (SUBGRAPH=true)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ server: { subgraph: true, authenticator: testAuthenticator() } });
  });
  afterAll(() => t.close());

  it('composes with an orders subgraph, and a supergraph query crosses both', async () => {
    const paid = await t.rest.paidBill({ total_fee: 1000 });
    const unpaid = await t.rest.bill({ total_fee: 1000 });
    const orders = await startOrdersSubgraph([
      { id: 'order-1', billNo: paid.billNo },
      { id: 'order-2', billNo: unpaid.billNo },
    ]);
    const sdl = dataOf(
      await t.post<{ _service: { sdl: string } }>('{ _service { sdl } }', {}, bearer(KEYS.router)),
    )._service.sdl;
    const composed = composeServices([
      { name: 'payments', typeDefs: parse(sdl), url: t.graphqlUrl },
      { name: 'orders', typeDefs: orders.typeDefs, url: orders.url },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    const gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl!,
      // The router holds a key with the `router` scope (and the read scopes of what it asks for).
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest: ({ request }) => {
            if (url === t.graphqlUrl)
              request.http?.headers.set('authorization', bearer(KEYS.router).authorization);
          },
        }),
    });
    const supergraph = new ApolloServer({ gateway });
    await supergraph.start();
    try {
      const response = await supergraph.executeOperation({
        query: '{ orders { id total bill { billNo paid status total { formatted } refunds { refundNo } } } }',
      });
      const body = response.body as { kind: 'single'; singleResult: { data?: unknown; errors?: unknown } };
      expect(body.singleResult.errors).toBeUndefined();
      expect(body.singleResult.data).toEqual({
        orders: [
          {
            id: 'order-1',
            total: 1000,
            bill: {
              billNo: paid.billNo,
              paid: true,
              status: 'PAID',
              total: { formatted: '¥10.00' },
              refunds: [],
            },
          },
          {
            id: 'order-2',
            total: 1000,
            bill: {
              billNo: unpaid.billNo,
              paid: false,
              status: 'OPEN',
              total: { formatted: '¥10.00' },
              refunds: [],
            },
          },
        ],
      });
    } finally {
      await supergraph.stop();
      await orders.stop();
    }
  });

  it('serves the SDL committed as schema/subgraph.graphql (CI fails on drift)', async () => {
    const committed = readFileSync(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(subgraphSdl(await buildGatewaySchema()));
    const served = dataOf(
      await t.post<{ _service: { sdl: string } }>('{ _service { sdl } }', {}, bearer(KEYS.router)),
    );
    expect(served._service.sdl).toBe(committed);
    expect(committed).toContain('type Bill implements Node\n  @key(fields: "id")\n  @key(fields: "billNo")');
    expect(committed).toContain(
      'type Refund implements Node\n  @key(fields: "id")\n  @key(fields: "refundNo")',
    );
  });

  it("gives a router the trace it asks for (Apollo's inline trace, ftv1), and nobody a trace unasked", async () => {
    const asked = { ...bearer(KEYS.router), 'apollo-federation-include-trace': 'ftv1' };
    const traced = await t.post('{ _service { sdl } }', {}, asked);
    expect(traced.extensions?.ftv1).toEqual(expect.stringMatching(/^[A-Za-z0-9+/]{20,}={0,2}$/));
    expect((await t.post('{ _service { sdl } }', {}, bearer(KEYS.router))).extensions?.ftv1).toBeUndefined();
  });

  it('resolves entities through the loaders: 50 bills make the calls 50 bill(id) look-ups would', async () => {
    const bills = [];
    for (let i = 0; i < 50; i++) bills.push(await t.rest.bill());
    const before = t.upstreamRequests();
    dataOf(await t.post(`{ bill(id: "${bills[0]!.id}") { billNo } }`, {}, bearer(KEYS.everything)));
    const perLookUp = t.upstreamRequests() - before;
    expect(perLookUp).toBe(1);

    const start = t.upstreamRequests();
    const representations = bills.map(({ id }) => ({ __typename: 'Bill', id }));
    const answer = dataOf(
      await t.post<{ _entities: Array<{ billNo: string } | null> }>(
        ENTITIES,
        { representations },
        bearer(KEYS.router),
      ),
    );
    expect(t.upstreamRequests() - start).toBe(50 * perLookUp);
    expect(answer._entities.map((entity) => entity?.billNo)).toEqual(bills.map(({ billNo }) => billNo));

    // The same bill named twice (or by both keys in one batch's wake) is looked up once per key.
    const again = t.upstreamRequests();
    const twice = [...representations.slice(0, 5), ...representations.slice(0, 5)];
    dataOf(await t.post(ENTITIES, { representations: twice }, bearer(KEYS.router)));
    expect(t.upstreamRequests() - again).toBe(5);
  });

  it('answers null for an entity that does not exist, and refunds by id or refundNo', async () => {
    const answer = dataOf(
      await t.post<{ _entities: unknown[] }>(
        ENTITIES,
        {
          representations: [
            { __typename: 'Bill', billNo: 'no-such-bill' },
            { __typename: 'Refund', refundNo: 'no-such-refund' },
          ],
        },
        bearer(KEYS.router),
      ),
    );
    expect(answer._entities).toEqual([null, null]);
  });

  it('admits _entities and _service only for the router scope, on every transport', async () => {
    const requests = [
      { query: '{ _service { sdl } }' },
      { query: ENTITIES, variables: { representations: [{ __typename: 'Bill', billNo: 'x' }] } },
      { query: '{ _entities(representations: [{ __typename: "Bill", billNo: "x" }]) { __typename } }' },
    ];
    for (const request of requests) {
      const answers = await sendOverEach(t.graphqlUrl, request, bearer(KEYS.everything));
      for (const answer of answers) {
        expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(answer.errors?.[0]?.message).toContain('router');
      }
    }
  });

  it("checks each representation's own read scope, for literal and variable representations", async () => {
    const literal =
      '{ _entities(representations: [{ __typename: "Refund", refundNo: "x" }]) { ... on Refund { refundNo } } }';
    const variable = {
      query: ENTITIES,
      variables: { representations: [{ __typename: 'Refund', refundNo: 'x' }] },
    };
    for (const request of [{ query: literal }, variable]) {
      const answers = await sendOverEach(t.graphqlUrl, request, bearer(KEYS.routerOfBills));
      for (const answer of answers) {
        expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(answer.errors?.[0]?.message).toContain('refunds:read');
      }
      const allowed = await sendOverEach(t.graphqlUrl, request, bearer(KEYS.router));
      for (const answer of allowed) expect(comparable(answer)).toEqual({ data: { _entities: [null] } });
    }
    const unknown = await t.post(
      ENTITIES,
      { representations: [{ __typename: 'Order', id: '1' }] },
      bearer(KEYS.router),
    );
    expect(unknown.errors?.[0]).toMatchObject({
      message: expect.stringContaining('__typename must be one of Bill, Refund'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const keyless = await t.post(
      ENTITIES,
      { representations: [{ __typename: 'Bill', total: 1 }] },
      bearer(KEYS.router),
    );
    expect(keyless.errors?.[0]?.message).toContain('a Bill is referenced by id or billNo');
  });

  it('costs the representations times the selection, one upstream call each, against the limits', async () => {
    const representations = Array.from({ length: 101 }, (_, i) => ({ __typename: 'Bill', billNo: `b${i}` }));
    const before = t.upstreamRequests();
    const refused = await t.post(ENTITIES, { representations }, bearer(KEYS.router));
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining(
        '101 upstream calls, over the limit of 100 (LIMIT_MAX_UPSTREAM_CALLS)',
      ),
      extensions: { code: 'COST_LIMIT_EXCEEDED' },
    });
    expect(t.upstreamRequests()).toBe(before);
    // Each bill's refunds are a call more, and 50 items of the selection below.
    const withRefunds = (fields: string) =>
      t.post(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Bill { refunds { ${fields} } } } }`,
        { representations: representations.slice(0, 60) },
        bearer(KEYS.router),
      );
    expect((await withRefunds('refundNo state')).errors?.[0]?.message).toContain(
      'this operation costs 6061, over the limit of 5000', // 1 + 60 × (1 + 50 × 2)
    );
    expect((await withRefunds('refundNo')).errors?.[0]?.message).toContain('120 upstream calls'); // 60 + 60
    expect(t.upstreamRequests()).toBe(before);
  });
});

describe('a subgraph behind PERSISTED_OPERATIONS_ONLY with INTROSPECTION off', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({
      server: {
        subgraph: true,
        introspection: false,
        authenticator: testAuthenticator(),
        trustedDocuments: new TrustedDocuments({}),
      },
    });
  });
  afterAll(() => t.close());

  it("lets a router run its own documents, and nobody else's, on every transport", async () => {
    const router = await sendOverEach(t.graphqlUrl, { query: '{ _service { sdl } }' }, bearer(KEYS.router));
    for (const answer of router)
      expect((answer.data as { _service: { sdl: string } })._service.sdl).toContain('@key');
    const entities = await sendOverEach(
      t.graphqlUrl,
      { query: ENTITIES, variables: { representations: [{ __typename: 'Bill', billNo: 'x' }] } },
      bearer(KEYS.router),
    );
    for (const answer of entities) expect(answer.data).toEqual({ _entities: [null] });
    // Another key sending the router's document, and the router sending anything else: untrusted.
    for (const [query, key] of [
      ['{ _service { sdl } }', KEYS.everything],
      ['{ _service { sdl } bills { totalCount } }', KEYS.router],
      ['{ bill(billNo: "x") { paid } }', KEYS.router],
    ] as const) {
      const answers = await sendOverEach(t.graphqlUrl, { query }, bearer(key));
      for (const answer of answers)
        expect(answer.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    }
  });
});
