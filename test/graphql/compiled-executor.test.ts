import type { GraphQLFormattedError } from 'graphql';
import 'reflect-metadata';
import { parse, print } from 'graphql';
import {
  BillDocument,
  BillsCountDocument,
  BillsDocument,
  CreateRefundDocument,
  OfflineBillStatusDocument,
  ReconciliationDocument,
  RefundDocument,
  RefundsCountDocument,
  RefundsDocument,
} from '../../schema/generated/graphql.js';
import {
  COMPILED_EXECUTOR_OFF,
  CompiledExecutor,
  DEFAULT_COMPILED_EXECUTOR_OPTIONS,
} from '../../src/graphql/compiled-executor.js';
import { loadConfig } from '../../src/config.js';
import { sendOver, withoutIds } from '../support/transports.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { uniqueRefundNo } from '../support/sandbox.js';

/** What a client gets, minus what changes from one request to the next (the rate budget left, the request's ids). */
const comparable = ({
  status,
  data,
  errors,
}: {
  status: number;
  data?: unknown;
  errors?: GraphQLFormattedError[];
}) => ({
  status,
  data,
  errors: errors?.map(withoutIds),
});

describe('compiled queries over HTTP', () => {
  let t: TestGateway;
  beforeAll(async () => {
    // Compiled from the second run on, so each case below runs once through each executor.
    t = await startTestGateway({ server: { compiledExecutor: { compileAfter: 1, maxCompiled: 100 } } });
  });
  afterAll(() => t.close());

  it('answer exactly as graphql-js does: the example queries, nested look-ups, nulls, deprecated fields and every kind of error', async () => {
    const { id, billNo } = await t.rest.paidBill();
    await t.webhooksDelivered(billNo);
    const other = await t.rest.paidBill({ channel: 'WX_NATIVE' });
    const refundNo = uniqueRefundNo();
    const { createRefund } = dataOf(
      await t.run(CreateRefundDocument, {
        input: { billNo, refundNo, refundFeeFen: 10, needApproval: true },
      }),
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    const page = dataOf(await t.run(BillsDocument, { first: 1 })).bills;
    const cases: Array<[string, unknown]> = [
      [print(BillsDocument), { first: 3, withTotal: true }],
      [print(BillsDocument), { first: 2, after: page.pageInfo.endCursor }],
      [print(BillsDocument), { filter: { family: 'WX' } }],
      [print(BillsCountDocument), {}],
      [print(BillDocument), { id }],
      [print(BillDocument), { id: missing }],
      [print(BillDocument), { id: 'not-a-uuid' }],
      [print(RefundsDocument), { first: 5, withTotal: true }],
      [print(RefundDocument), { id: createRefund.refundId }],
      [print(RefundsCountDocument), { filter: { billNo } }],
      [print(ReconciliationDocument), { billId: id }],
      [print(OfflineBillStatusDocument), { billNo: 'not a bill no!' }],
      [
        `{ node(id: "${other.id}") { __typename id ... on Bill { billNo totalFee { fen currency formatted } } } }`,
        {},
      ],
      [`{ bills(first: 2) { items { id subChannel } totalCount } }`, {}],
      [
        `{ a: bill(id: "${id}") { ...F } b: bill(billNo: "${other.billNo}") { ...F } } fragment F on Bill { id status paid refunds { refundNo state needApproval } }`,
        {},
      ],
      [`{ __type(name: "Bill") { name fields { name } } }`, {}],
      // Errors thrown by resolvers, in variables, and about arguments.
      [`{ bills(first: 201) { nodes { id } } }`, {}],
      [`{ bill(id: "${id}", billNo: "${billNo}") { id } }`, {}],
      [`query($f: Int) { bills(first: $f) { nodes { id } } }`, { f: 'many' }],
      [`query($id: ID!) { bill(id: $id) { id } }`, {}],
      [`query($c: Channel) { bills(filter: { channel: $c }) { nodes { id } } }`, { c: 'NOT_A_CHANNEL' }],
    ];
    const compiled = () => t.assembled.metrics.get('graphql_compiled_queries');
    const before = await compiled();
    for (const [query, variables] of cases) {
      const first = await t.post(query, variables);
      const second = await t.post(query, variables);
      expect({ query, ...comparable(second) }).toEqual({ query, ...comparable(first) });
    }
    // The second runs were compiled: 17 distinct documents, of which 5 are refused before they
    // run (the operation budget reads page sizes and variables first).
    expect((await compiled()) - before).toBe(12);
    // An upstream failure in a nested field, both times.
    const failOnce = () =>
      fetch(`${t.sandbox.url}/_sandbox/faults`, {
        method: 'POST',
        body: JSON.stringify({ kind: 'http_500', times: 3, path_prefix: '/2/rest/refunds' }),
      });
    const nested = `{ bill(id: "${id}") { id refunds { id } } }`;
    await failOnce();
    const failedFirst = await t.post(nested);
    await failOnce();
    const failedSecond = await t.post(nested);
    await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    expect(failedFirst.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(comparable(failedSecond)).toEqual(comparable(failedFirst));
  });
});

describe('CompiledExecutor', () => {
  it('compiles a query only once it is hot, never a mutation, and keeps at most maxCompiled documents compiled', async () => {
    const schema = await buildGatewaySchema();
    const executor = new CompiledExecutor(schema, { compileAfter: 2, maxCompiled: 1 });
    const context = { principal: null };
    const run = (document: ReturnType<typeof parse>, operationType: 'query' | 'mutation' = 'query') =>
      executor.execute({
        document,
        operationName: null,
        operationType,
        contextValue: context,
        variableValues: {},
      });
    const typename = parse('{ __typename }');
    await run(typename);
    await run(typename);
    expect(executor.isCompiled(typename)).toBe(false);
    expect(await run(typename)).toEqual({ data: { __typename: 'Query' } });
    expect(executor.isCompiled(typename)).toBe(true);

    const mutation = parse('mutation { __typename }');
    for (let i = 0; i < 4; i++)
      expect(await run(mutation, 'mutation')).toEqual({ data: { __typename: 'Mutation' } });
    expect(executor.isCompiled(mutation)).toBe(false);

    // Another hot document pushes the first one's code out, and the first starts counting again.
    const other = parse('{ a: __typename }');
    for (let i = 0; i < 3; i++) await run(other);
    expect([executor.isCompiled(other), executor.isCompiled(typename)]).toEqual([true, false]);
    await run(typename);
    await run(typename);
    expect([executor.isCompiled(other), executor.isCompiled(typename)]).toEqual([true, false]);
    await run(typename);
    expect([executor.isCompiled(other), executor.isCompiled(typename)]).toEqual([false, true]);
    expect(executor.compiledCount).toBe(1);
  });
});

describe('the compiled executor switch (COMPILED_EXECUTOR)', () => {
  const query = '{ billsCount refundsCount }';
  const hotOnEachTransport = async (t: TestGateway) => {
    for (const transport of ['POST', 'WebSocket'] as const)
      for (let i = 0; i < 12; i++)
        expect((await sendOver(transport, t.graphqlUrl, { query: `${query} # ${transport}` })).errors).toBe(
          undefined,
        );
    return t.assembled.metrics.get('graphql_compiled_queries');
  };

  it('compiles a hot query on every transport by default', async () => {
    const t = await startTestGateway({ server: { compiledExecutor: DEFAULT_COMPILED_EXECUTOR_OPTIONS } });
    try {
      expect(await hotOnEachTransport(t)).toBe(2);
    } finally {
      await t.close();
    }
  });

  it('runs everything through graphql-js when off', async () => {
    expect(loadConfig({ COMPILED_EXECUTOR: 'false' }).compiledExecutor).toBe(false);
    expect(loadConfig({}).compiledExecutor).toBe(true);
    const t = await startTestGateway({ server: { compiledExecutor: COMPILED_EXECUTOR_OFF } });
    try {
      expect(await hotOnEachTransport(t)).toBe(0);
    } finally {
      await t.close();
    }
  });
});
