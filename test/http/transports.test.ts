import { createHash } from 'node:crypto';
import { KEYS, testAuthenticator } from '../support/auth.js';
import { fragmentTree } from '../support/adversarial-documents.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { uniqueRefundNo } from '../support/sandbox.js';
import {
  comparable,
  sendOver,
  TRANSPORTS,
  type GraphQLRequestBody,
  type Transport,
  type TransportAnswer,
} from '../support/transports.js';

/**
 * One pipeline for every transport (http/operation-pipeline.ts): the same requests — valid,
 * malformed, refused, over each limit, failing upstream — over HTTP POST, HTTP GET and
 * WebSocket get the same `data` and `errors` (codes, messages, extensions). What differs is
 * listed here as the transport's own: GET carries queries only (405 for a mutation),
 * subscriptions are WebSocket's alone, and HTTP answers add `cost` and `rateLimit` extensions
 * and a status.
 */
type Principal = keyof typeof KEYS;
interface Row {
  name: string;
  request: GraphQLRequestBody | (() => GraphQLRequestBody);
  as?: Principal;
  /** Run before each transport's request (a fault the sandbox injects once). */
  before?: () => Promise<void>;
  /** The code of the first error on every transport, or 'data' for an answer without errors. */
  expect: string;
  /** The HTTP status, where it is not the one of the code's whole-request refusal (expectedStatus). */
  httpStatus?: number;
  /** Transports that answer otherwise, by definition, and what they answer. */
  differs?: Partial<Record<Transport, { status: number; code: string }>>;
}

let t: TestGateway;
let billId: string;
let billNo: string;
let refundNo: string;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  t = await startTestGateway({ server: { authenticator: testAuthenticator() } });
  const paid = await t.rest.paidBill({ channel: 'UN_APP', total_fee: 300 });
  ({ id: billId, billNo } = paid);
  refundNo = uniqueRefundNo();
  const refund = await t.rest.call('createRefund', { bill_no: billNo, refund_no: refundNo, refund_fee: 100 });
  expect(refund.result_code).toBe(0);
});
afterAll(() => t.close());

const mutationOverGet = { GET: { status: 405, code: 'BAD_REQUEST' } };
const subscriptionOverHttp = {
  GET: { status: 405, code: 'BAD_REQUEST' },
  POST: { status: 400, code: 'BAD_REQUEST' },
};

const ROWS: Row[] = [
  // Valid
  { name: 'a count', request: { query: '{ billsCount }' }, expect: 'data' },
  { name: '__typename', request: { query: '{ __typename }' }, expect: 'data' },
  {
    name: 'a page',
    request: { query: '{ bills(first: 2) { nodes { billNo totalFeeFen } } }' },
    expect: 'data',
  },
  {
    name: 'a bill by id, from a variable',
    request: () => ({
      query: 'query($id: ID!) { bill(id: $id) { id billNo paid } }',
      variables: { id: billId },
    }),
    expect: 'data',
  },
  {
    name: 'a bill with its refunds',
    request: () => ({ query: `{ bill(billNo: "${billNo}") { refunds { refundNo refundFeeFen } } }` }),
    expect: 'data',
  },
  {
    name: 'a refund with its bill',
    request: () => ({ query: `{ refund(refundNo: "${refundNo}") { refundFeeFen bill { billNo } } }` }),
    expect: 'data',
  },
  {
    name: 'a named operation of several',
    request: { query: 'query A { billsCount } query B { refundsCount }', operationName: 'B' },
    expect: 'data',
  },
  {
    name: 'a fragment',
    request: { query: 'fragment F on Bill { billNo } { bills(first: 1) { nodes { ...F } } }' },
    expect: 'data',
  },
  {
    name: 'a variable default',
    request: { query: 'query($n: Int = 1) { bills(first: $n) { nodes { billNo } } }' },
    expect: 'data',
  },
  { name: 'introspection', request: { query: '{ __schema { queryType { name } } }' }, expect: 'data' },
  {
    name: 'skip and include',
    request: { query: '{ billsCount @skip(if: true) refundsCount @include(if: true) }' },
    expect: 'data',
  },
  {
    name: 'a repeated createBill (idempotent)',
    request: () => ({
      query:
        'mutation($input: CreateBillInput!) { createBill(input: $input) { billId userErrors { code field } } }',
      variables: { input: { channel: 'UN_APP', billNo, totalFeeFen: 300, title: 'test' } },
    }),
    expect: 'data',
    differs: mutationOverGet,
  },
  {
    name: 'a refund refused by BeeCloud (userErrors)',
    request: () => ({
      query:
        'mutation($input: CreateRefundInput!) { createRefund(input: $input) { refundId userErrors { code field message } } }',
      variables: { input: { billNo, refundNo, refundFeeFen: 250 } },
    }),
    as: 'everything',
    expect: 'data',
    differs: mutationOverGet,
  },
  // Malformed
  { name: 'a syntax error', request: { query: '{ billsCount' }, expect: 'GRAPHQL_PARSE_FAILED' },
  { name: 'an empty document', request: { query: '' }, expect: 'BAD_REQUEST' },
  { name: 'an unknown field', request: { query: '{ billz }' }, expect: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'an unknown argument',
    request: { query: '{ bills(frist: 2) { nodes { id } } }' },
    expect: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a literal of the wrong type',
    request: { query: '{ bills(first: "x") { nodes { id } } }' },
    expect: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an unknown enum value',
    request: { query: '{ bills(filter: { channel: WXX }) { nodes { id } } }' },
    expect: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a variable of the wrong type',
    request: { query: 'query($n: Int) { bills(first: $n) { nodes { id } } }', variables: { n: 'x' } },
    expect: 'BAD_USER_INPUT',
  },
  {
    name: 'a required variable missing',
    request: { query: 'query($id: ID!) { bill(id: $id) { id } }' },
    expect: 'BAD_USER_INPUT',
  },
  {
    name: 'an id that is no BeeCloud id, from a variable',
    request: { query: 'query($id: ID!) { bill(id: $id) { id } }', variables: { id: '12345' } },
    expect: 'BAD_USER_INPUT',
    httpStatus: 200, // a field's error: the operation ran, and bill is null
  },
  {
    name: 'an unknown operation name',
    request: { query: '{ billsCount }', operationName: 'Nope' },
    expect: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'several operations, none named',
    request: { query: 'query A { billsCount } query B { refundsCount }' },
    expect: 'OPERATION_RESOLUTION_FAILURE',
  },
  // Refused
  {
    name: 'bills without bills:read',
    request: { query: '{ billsCount }' },
    as: 'creator',
    expect: 'FORBIDDEN',
  },
  {
    name: 'Bill.refunds with bills:read only',
    request: () => ({ query: `{ bill(id: "${billId}") { refunds { id } } }` }),
    as: 'readOnlyBills',
    expect: 'FORBIDDEN',
  },
  {
    name: 'Refund.bill with refunds:read only',
    request: () => ({ query: `{ refund(refundNo: "${refundNo}") { bill { id } } }` }),
    as: 'readOnlyRefunds',
    expect: 'FORBIDDEN',
  },
  {
    name: 'a mutation without its scope',
    request: () => ({
      query: 'mutation($input: CreateBillInput!) { createBill(input: $input) { billId } }',
      variables: { input: { channel: 'UN_APP', billNo, totalFeeFen: 300, title: 'test' } },
    }),
    as: 'readOnly',
    expect: 'FORBIDDEN',
    differs: mutationOverGet,
  },
  // Over each limit
  {
    name: 'too deep',
    request: {
      query: '{ refunds { nodes { bill { refunds { nodes { bill { refunds { nodes { id } } } } } } } } }',
    },
    expect: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'too many aliases',
    request: { query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: billsCount`).join(' ')} }` },
    expect: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'too many tokens',
    request: { query: `{ ${'a '.repeat(3001)}}` },
    expect: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'too many directives',
    request: { query: `{ billsCount ${'@include(if: true) '.repeat(21)}}` },
    expect: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'too costly', request: { query: fragmentTree(100, 4) }, expect: 'COST_LIMIT_EXCEEDED' },
  {
    name: 'too many upstream calls, from a variable',
    request: {
      query: 'query($n: Int) { bills(first: $n) { nodes { refunds { id } } } }',
      variables: { n: 200 },
    },
    expect: 'COST_LIMIT_EXCEEDED',
  },
  {
    name: 'a variable object of unknown keys',
    request: {
      query: 'query($f: BillFilter) { billsCount(filter: $f) }',
      variables: { f: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])) },
    },
    expect: 'BAD_USER_INPUT',
  },
  // Persisted queries
  {
    name: 'an unknown persisted query',
    request: { extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ never sent }') } } },
    expect: 'PERSISTED_QUERY_NOT_FOUND',
  },
  {
    name: 'a persisted query whose hash does not match',
    request: {
      query: '{ billsCount }',
      extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ other }') } },
    },
    expect: 'BAD_REQUEST',
  },
  {
    name: 'an unsupported persisted-query version',
    request: { query: '{ billsCount }', extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } },
    expect: 'BAD_REQUEST',
  },
  {
    name: 'a persisted query registered with a key',
    request: {
      query: '{ refundsCount }',
      extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ refundsCount }') } },
    },
    expect: 'data',
  },
  // Failing upstream
  {
    name: 'BeeCloud failing inside',
    before: () =>
      t.rest
        .control('POST', 'faults', { kind: 'runtime_error', path_prefix: '/2/rest/bills', times: 1 })
        .then(() => undefined),
    request: { query: '{ bills(first: 1) { nodes { id } } }' },
    expect: 'RUNTIME_ERROR',
  },
  {
    name: 'a subscription refused for its scope',
    request: { query: 'subscription { paymentEvents { type } }' },
    as: 'creator',
    expect: 'FORBIDDEN',
    differs: subscriptionOverHttp,
  },
];

describe('one pipeline: the same request over HTTP POST, HTTP GET and WebSocket', () => {
  it('lists forty-one requests', () => expect(ROWS).toHaveLength(41));

  it.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const request = typeof row.request === 'function' ? row.request() : row.request;
    const headers = { authorization: `Bearer ${KEYS[row.as ?? 'everything'].key}` };
    const answers: TransportAnswer[] = [];
    for (const transport of TRANSPORTS) {
      await row.before?.();
      const answer = await sendOver(transport, t.graphqlUrl, request, headers);
      const defined = row.differs?.[transport];
      if (defined) {
        expect([transport, answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([
          transport,
          defined.status,
          defined.code,
        ]);
        continue;
      }
      answers.push(answer);
    }
    const [first, ...others] = answers.map((answer) => ({
      transport: answer.transport,
      ...comparable(answer),
    }));
    for (const other of others) expect({ ...other, transport: first!.transport }).toEqual(first);
    expect(first!.errors?.[0]?.extensions?.code ?? 'data').toBe(row.expect);
    for (const answer of answers) {
      if (answer.status !== undefined)
        expect(answer.status).toBe(
          row.httpStatus ?? (row.expect === 'data' ? 200 : expectedStatus(row.expect)),
        );
      for (const error of answer.errors ?? []) {
        expect(Object.keys(error.extensions ?? {})).not.toContain('http');
        expect(error.message).not.toMatch(/Did you mean|Suggestion/);
      }
    }
  });
});

/** The HTTP status of a request refused as a whole with `code` (errors.ts's REQUEST_STATUS, and 200 for an error met while running). */
function expectedStatus(code: string): number {
  const statuses: Record<string, number> = {
    FORBIDDEN: 403,
    PERSISTED_QUERY_NOT_FOUND: 200,
    RUNTIME_ERROR: 200,
  };
  return statuses[code] ?? 400;
}
