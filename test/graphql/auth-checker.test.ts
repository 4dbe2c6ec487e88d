import 'reflect-metadata';
import {
  execute,
  isObjectType,
  parse,
  subscribe,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { Principal, Scope } from '../../src/auth/principal.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';

/**
 * The check at the field (graphql/auth-checker.ts), met without the whole-operation check that
 * normally refuses first: graphql-js runs the documents here, and resolvers are called directly.
 * A context with nothing but the principal: a resolver that ran past the check would fail on it.
 */
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const principal = (...scopes: Scope[]): Principal => ({
  id: 'test',
  kind: 'api-key',
  scopes: new Set(scopes),
});
const codeOf = (error: unknown) => (error as { code?: string }).code;

/** Every field that declares scopes, as `Type.field` with its scopes and resolvers. */
function scopedFields() {
  const found: Array<{
    name: string;
    scopes: Scope[];
    resolve: GraphQLFieldResolver<unknown, unknown>;
    subscribe?: GraphQLFieldResolver<unknown, unknown>;
  }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const scopes = field.extensions?.scopes as Scope[] | undefined;
      if (scopes?.length)
        found.push({
          name: `${type.name}.${field.name}`,
          scopes,
          resolve: field.resolve!,
          subscribe: field.subscribe,
        });
    }
  }
  return found;
}

describe('scopes checked at the field', () => {
  it('guards every field that declares scopes, queries, mutations, nested fields and subscriptions alike', () => {
    const fields = scopedFields();
    expect(fields.map(({ name }) => name)).toEqual(
      expect.arrayContaining([
        'Query.bill',
        'Mutation.createRefund',
        'Refund.bill',
        'Subscription.billUpdated',
      ]),
    );
    const info = {} as GraphQLResolveInfo;
    for (const { name, scopes, resolve, subscribe: subscribeField } of fields) {
      for (const run of [resolve, subscribeField].filter((fn) => fn !== undefined)) {
        let thrown: unknown;
        try {
          run({}, {}, { principal: null }, info);
        } catch (error) {
          thrown = error;
        }
        expect([name, codeOf(thrown)]).toEqual([name, 'UNAUTHENTICATED']);
        const lacking = principal(...(['router'] as Scope[]).filter((scope) => !scopes.includes(scope)));
        expect(() => run({}, {}, { principal: lacking }, info)).toThrow(
          `this needs the scope ${scopes.join(', ')}`,
        );
      }
    }
  });

  it('refuses a root field before its resolver runs, and lets a caller with the scope through', async () => {
    const document = parse('{ bill(id: "not-a-uuid") { id } }');
    const run = (who: Principal | null) => execute({ schema, document, contextValue: { principal: who } });
    expect(codeOf((await run(null)).errors?.[0]?.originalError)).toBe('UNAUTHENTICATED');
    const forbidden = (await run(principal('refunds:read'))).errors?.[0];
    expect(codeOf(forbidden?.originalError)).toBe('FORBIDDEN');
    expect(forbidden?.message).toBe('this needs the scope bills:read');
    // Past the check, the resolver itself refuses the id: it ran.
    const allowed = (await run(principal('bills:read'))).errors?.[0];
    expect(allowed?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a nested field a caller may not see, naming the scope, without loading anything', async () => {
    const refundBill = schema.getType('Refund');
    if (!isObjectType(refundBill)) throw new Error('Refund is an object type');
    const resolve = refundBill.getFields().bill!.resolve!;
    const refund = { billNo: 'b1' };
    expect(() =>
      resolve(refund, {}, { principal: principal('refunds:read') }, {} as GraphQLResolveInfo),
    ).toThrow('this needs the scope bills:read');
    // With the scope, the resolver runs and reaches for the loaders this context does not have.
    expect(() =>
      resolve(refund, {}, { principal: principal('bills:read') }, {} as GraphQLResolveInfo),
    ).toThrow(TypeError);
  });

  it('refuses a subscription a caller may not see', async () => {
    const result = await subscribe({
      schema,
      document: parse('subscription { billUpdated(billNo: "b1") { transactionId } }'),
      contextValue: { principal: principal('refunds:read') },
    });
    expect('errors' in result && result.errors?.[0]?.message).toBe('this needs the scope bills:read');
  });
});
