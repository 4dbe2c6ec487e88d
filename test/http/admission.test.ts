import { createHash } from 'node:crypto';
import { Lexer, Source, TokenKind } from 'graphql';
import { GATEWAY_ERROR_CODES } from '../../src/graphql/errors.js';
import { KEYS, testAuthenticator } from '../support/auth.js';
import { adversarialRequests, fragmentTree } from '../support/adversarial-documents.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { comparable, sendOver, sendOverEach, TRANSPORTS, type Transport } from '../support/transports.js';

/**
 * Admission in bounded time: whatever a caller writes within the token limit, the gateway
 * decides on it with work proportional to what was written (counted: the selections the
 * cost walk visits), and answers every transport alike. Wall-clock figures: bench/admission.ts.
 */
const asEveryone = { authorization: `Bearer ${KEYS.everything.key}` };
let t: TestGateway;
const work: Array<{ visited: number; refused: boolean }> = [];
beforeAll(async () => {
  t = await startTestGateway({
    server: { authenticator: testAuthenticator(), onAdmission: (decided) => work.push(decided) },
  });
});
afterAll(() => t.close());

/** Tokens as graphql-js's parser counts them for LIMIT_MAX_TOKENS. */
function tokensOf(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // a lexical error ends the count where the parser stops too
  }
  return count;
}

/** The codes a hostile document may be refused with; never INTERNAL_SERVER_ERROR. */
const REFUSALS = [
  'COST_LIMIT_EXCEEDED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
];

describe('the width-100 fragment tree (the outage)', () => {
  const query = fragmentTree(100, 4);

  it('is refused over HTTP GET and POST, anonymous or keyed, and over WebSocket, walking what was written once', async () => {
    const answers = [
      ...(await sendOverEach(t.graphqlUrl, { query }, {}, ['GET', 'POST'])),
      ...(await sendOverEach(t.graphqlUrl, { query }, asEveryone)),
    ];
    for (const answer of answers) {
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['COST_LIMIT_EXCEEDED']);
      // 100^4 copies of __typename, priced exactly without walking one of them twice.
      expect(answer.errors?.[0]?.message).toBe(
        'this operation costs 100000000, over the limit of 5000 (LIMIT_MAX_COST)',
      );
      if (answer.status !== undefined) expect(answer.status).toBe(400);
    }
    // Each spread visited once: never the 10^8 copies.
    const decided = work.slice(-answers.length);
    expect(decided).toHaveLength(5);
    for (const { visited, refused } of decided) {
      expect(refused).toBe(true);
      expect(visited).toBeLessThanOrEqual(tokensOf(query));
    }
  });

  it('prices a tree of fragments exactly while it is cheap to say so', async () => {
    const answer = await sendOver(
      'POST',
      t.graphqlUrl,
      { query: fragmentTree(5, 4, 'billsCount') },
      asEveryone,
    );
    // 5^4 = 625 copies of billsCount: over LIMIT_MAX_UPSTREAM_CALLS (100), priced in full.
    expect(answer.errors?.[0]?.message).toBe(
      'this operation may need 625 upstream calls, over the limit of 100 (LIMIT_MAX_UPSTREAM_CALLS)',
    );
  });
});

describe('hostile documents within the token limit', () => {
  it('are each admitted or refused, on every transport, with the work bounded by the tokens written', async () => {
    const report: string[] = [];
    for (const request of adversarialRequests()) {
      const tokens = tokensOf(request.query);
      // Node reads at most 16 KB of request head: longer requests go by POST and WebSocket only.
      const urlBytes = new URLSearchParams({
        query: request.query,
        variables: JSON.stringify(request.variables),
      }).toString().length;
      const transports: Transport[] = TRANSPORTS.filter(
        (transport) => transport !== 'GET' || urlBytes < 15_000,
      );
      for (const transport of transports) {
        const before = work.length;
        const answer = await sendOver(transport, t.graphqlUrl, request, asEveryone);
        const label = `${request.family} (${request.shape}) over ${transport}`;
        expect([label, answer.closed]).toEqual([label, undefined]);
        if (answer.status !== undefined) expect([label, answer.status < 500]).toEqual([label, true]);
        for (const error of answer.errors ?? [])
          expect([label, REFUSALS.includes(error.extensions?.code as string)]).toEqual([label, true]);
        const visited = work.slice(before).reduce((sum, decided) => sum + decided.visited, 0);
        expect([label, visited <= 2 * tokens + 10]).toEqual([label, true]);
        report.push(
          `${label}: ${visited} visited for ${tokens} tokens, ${answer.errors?.[0]?.extensions?.code ?? 'admitted'}`,
        );
      }
    }
    // Every family was tried over each transport it can travel by, and the big trees refused.
    expect(report.length).toBeGreaterThan(150);
    expect(report.filter((line) => line.startsWith('fragment tree, free leaf (width 350, depth 4)'))).toEqual(
      TRANSPORTS.map((transport) =>
        expect.stringMatching(new RegExp(`over ${transport}: .*COST_LIMIT_EXCEEDED$`)),
      ),
    );
  }, 120_000);
});

describe('operation selection', () => {
  it('answers an unknown operationName, or several operations and no name, with 400 OPERATION_RESOLUTION_FAILURE alike on every transport, logging nothing', async () => {
    const cases = [
      [{ query: '{ __typename }', operationName: 'Nope' }, 'Unknown operation named "Nope".'],
      [
        { query: 'query A { __typename } query B { __typename }' },
        'Must provide operation name if query contains multiple operations.',
      ],
    ] as const;
    for (const [request, message] of cases) {
      const logged = t.logEntries().length;
      const answers = [
        ...(await sendOverEach(t.graphqlUrl, request, {}, ['GET', 'POST'])),
        ...(await sendOverEach(t.graphqlUrl, request, asEveryone)),
      ];
      for (const answer of answers) {
        expect(comparable(answer)).toEqual({
          data: undefined,
          errors: [{ message, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }],
        });
        if (answer.status !== undefined) expect(answer.status).toBe(400);
      }
      expect(
        t
          .logEntries()
          .slice(logged)
          .filter((entry) => Number(entry.level) >= 50),
      ).toEqual([]);
    }
  });
});

describe('automatic persisted queries', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  /** The extension written as a client would, or with its key spelled in a JSON escape. */
  const extension = (hash: string, escaped = false) =>
    `{"${escaped ? 'persisted\\u0051uery' : 'persistedQuery'}":{"version":1,"sha256Hash":"${hash}"}}`;
  const get = (search: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${t.graphqlUrl}?${new URLSearchParams(search)}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true', ...headers },
    });

  it('needs a key to register a query, however the extension is spelled (GET and POST)', async () => {
    for (const escaped of [false, true]) {
      const query = `{ __typename billsCount${escaped ? 'A' : 'B'}: __typename }`;
      const hash = sha(query);
      const anonymous = await get({ query, extensions: extension(hash, escaped) });
      expect(anonymous.status).toBe(401);
      expect(
        ((await anonymous.json()) as { errors: Array<{ extensions: unknown }> }).errors[0]!.extensions,
      ).toEqual({
        code: 'UNAUTHENTICATED',
        requestId: anonymous.headers.get('x-request-id'),
      });
      const post = await fetch(t.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":${JSON.stringify(query)},"extensions":${extension(hash, escaped)}}`,
      });
      expect(post.status).toBe(401);
      // Nothing was stored: the hash alone is still unknown.
      const lookup = await get({ extensions: extension(hash) });
      expect(
        ((await lookup.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions
          .code,
      ).toBe('PERSISTED_QUERY_NOT_FOUND');
      // A key holder registers it; then anyone may run it by hash.
      expect((await get({ query, extensions: extension(hash, escaped) }, asEveryone)).status).toBe(200);
      const byHash = await get({ extensions: extension(hash) });
      expect(await byHash.json()).toEqual({
        data: { __typename: 'Query', [`billsCount${escaped ? 'A' : 'B'}`]: 'Query' },
      });
    }
  });

  it("answers a hash that does not match its query with 400 BAD_REQUEST in Apollo's words", async () => {
    for (const transport of ['GET', 'POST'] as const) {
      const answer = await sendOver(
        transport,
        t.graphqlUrl,
        {
          query: '{ __typename }',
          extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ other }') } },
        },
        asEveryone,
      );
      expect(answer.status).toBe(400);
      expect(comparable(answer).errors).toEqual([
        { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
      ]);
    }
  });
});

describe('error extensions', () => {
  it('never carry `http` (a status and headers meant for HTTP) on any transport', async () => {
    const refusals = [
      { query: 'query { bills { nodes { id } } }' }, // FORBIDDEN for a key without bills:read
      { query: fragmentTree(100, 4) }, // COST_LIMIT_EXCEEDED
      { query: '{ __typename }', operationName: 'Nope' }, // OPERATION_RESOLUTION_FAILURE
      { query: '{ billz }' }, // GRAPHQL_VALIDATION_FAILED
      { query: 'query($n: Int) { bills(first: $n) { nodes { id } } }', variables: { n: 'x' } }, // BAD_USER_INPUT
    ];
    const creator = { authorization: `Bearer ${KEYS.creator.key}` };
    for (const request of refusals) {
      const answers = await sendOverEach(t.graphqlUrl, request, creator);
      const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code);
      expect(new Set(codes).size).toBe(1);
      expect(GATEWAY_ERROR_CODES).toContain(codes[0]);
      for (const answer of answers)
        for (const error of answer.errors ?? [])
          expect(Object.keys(error.extensions ?? {})).not.toContain('http');
    }
  });
});
