import { TOPICS } from '../../src/events/payment-event.js';
import { CompiledExecutor } from '../../src/graphql/compiled-executor.js';
import type { PaymentEventPayload } from '../../src/events/payment-event.js';
import { GATEWAY_ERROR_CODES } from '../../src/graphql/errors.js';
import { KEYS, testAuthenticator } from '../support/auth.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/receiver.js';
import { subscribe } from '../support/subscriber.js';
import { sendOver, TRANSPORTS } from '../support/transports.js';

/**
 * One error list and one masking function for both transports: what a client sees of a
 * failure over graphql-ws is what it would see over HTTP, never an internal message.
 */
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ server: { authenticator: testAuthenticator() } });
});
afterAll(() => t.close());

const asReader = { authorization: `Bearer ${KEYS.everything.key}` };
const codesOf = (errors: unknown[]) =>
  errors.flatMap((error) => (Array.isArray(error) ? error : [error])).map((e) => e?.extensions?.code);

describe('the ids on every error', () => {
  it("carry the request's x-request-id over HTTP, and one id per WebSocket operation, each in its log line", async () => {
    const response = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'screenshot-42', ...asReader },
      body: JSON.stringify({ query: '{ bill(id: "nope") { paid } }' }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'screenshot-42' });
    expect(body.errors[0]!.extensions.traceId).toBeUndefined(); // tracing is off here
    // Refused before GraphQL runs too (a 401), and by Apollo itself (no query at all).
    const refused = await fetch(t.graphqlUrl, {
      headers: { authorization: 'Bearer nope', 'x-request-id': 'r-401' },
    });
    expect(((await refused.json()) as typeof body).errors[0]!.extensions.requestId).toBe('r-401');
    const empty = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'r-400' },
      body: '{}',
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as typeof body).errors[0]!.extensions.requestId).toBe('r-400');

    const sub = await subscribe(t.graphqlUrl, 'subscription { billUpdated { id } }', {}, asReader);
    try {
      await eventually(() => sub.errors.length > 0);
      const { requestId } = (sub.errors[0] as { extensions: { requestId: string } }).extensions;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const line = await eventually(() => t.logEntries().find((entry) => entry.req_id === requestId));
      expect(line).toMatchObject({
        msg: 'operation',
        transport: 'websocket',
        operation_type: 'subscription',
        outcome: 'BAD_USER_INPUT',
      });
      // A query that ran and answered a field's error: its line says the error's code.
      const ran = await sendOver(
        'WebSocket',
        t.graphqlUrl,
        { query: 'query Look { bill(id: "nope") { paid } }' },
        asReader,
      );
      expect(ran.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const ranId = ran.errors?.[0]?.extensions?.requestId;
      expect(await eventually(() => t.logEntries().find((entry) => entry.req_id === ranId))).toMatchObject({
        operation: 'Look',
        operation_type: 'query',
        outcome: 'BAD_USER_INPUT',
      });
    } finally {
      await sub.close();
    }
  });
});

describe('an operation whose execution fails unexpectedly', () => {
  it('is answered INTERNAL_SERVER_ERROR on every transport (a 500 over HTTP), logged, and its line has the outcome', async () => {
    const { execute } = CompiledExecutor.prototype;
    CompiledExecutor.prototype.execute = () => Promise.reject(new Error('disk full at /var/lib/secret'));
    try {
      for (const transport of TRANSPORTS) {
        const answer = await sendOver(
          transport,
          t.graphqlUrl,
          { query: 'query Failing { billsCount }' },
          asReader,
        );
        expect(answer.status).toBe(transport === 'WebSocket' ? undefined : 500);
        expect(answer.errors).toEqual([
          expect.objectContaining({
            message: 'Internal server error',
            extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }),
          }),
        ]);
        expect(JSON.stringify(answer)).not.toContain('secret');
        const { requestId } = answer.errors![0]!.extensions as { requestId: string };
        expect(
          await eventually(() => t.logEntries().find((entry) => entry.req_id === requestId)),
        ).toMatchObject({
          operation: 'Failing',
          outcome: 'INTERNAL_SERVER_ERROR',
        });
      }
      expect(t.logMessages().filter((msg) => msg === 'unexpected error').length).toBeGreaterThanOrEqual(3);
    } finally {
      CompiledExecutor.prototype.execute = execute;
    }
  });
});

describe('errors over WebSocket', () => {
  it('masks an unexpected failure inside a subscription as INTERNAL_SERVER_ERROR, and logs it', async () => {
    const sub = await subscribe(t.graphqlUrl, 'subscription { paymentEvents { type feeFen } }', {}, asReader);
    try {
      // A malformed event on the bus makes the resolver fail in a way no client should read about.
      await t.assembled.events.publish(TOPICS.paymentEvents, {} as PaymentEventPayload);
      await eventually(() => sub.errors.length > 0);
      expect(sub.errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
        }),
      ]);
      expect(JSON.stringify(sub.errors)).not.toMatch(/non-nullable|PaymentEvent\.|at /);
      expect(t.logMessages().includes('unexpected error')).toBe(true);
    } finally {
      await sub.close();
    }
  });

  it('gives parse, validation and scope refusals the codes HTTP gives them', async () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      ['subscription { paymentEvents {', asReader, 'GRAPHQL_PARSE_FAILED'],
      ['subscription { paymentEvents { typ } }', asReader, 'GRAPHQL_VALIDATION_FAILED'],
      [
        'subscription { paymentEvents { type } }',
        { authorization: `Bearer ${KEYS.creator.key}` },
        'FORBIDDEN',
      ],
    ];
    for (const [query, params, code] of cases) {
      const sub = await subscribe(t.graphqlUrl, query, {}, params);
      try {
        await eventually(() => sub.errors.length > 0);
        expect(codesOf(sub.errors)).toEqual([code]);
        expect(JSON.stringify(sub.errors)).not.toContain('Did you mean'); // no map of the schema
        expect(GATEWAY_ERROR_CODES).toContain(code);
      } finally {
        await sub.close();
      }
    }
  });
});
