import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { checkScopes } from '../auth/operation-scopes.js';
import type { Scope } from '../auth/principal.js';
import type { GatewayContext } from './context.js';

/**
 * The check at the field for `@RequireScopes`: every field whose `extensions.scopes` name scopes
 * gets its resolver (and a subscription's `subscribe`) wrapped so that it throws before it runs —
 * so a refused field makes no upstream call — unless the principal holds every one. The
 * whole-operation check (auth/operation-scopes.ts) normally refuses first; this is the defence in
 * depth. It is synchronous and allocates nothing when access is granted: TypeGraphQL's
 * `@Authorized` did the same through an async middleware per call, which for a list of 50 refunds
 * with their bills was 50 promise chains per operation.
 */
export function enforceFieldScopes(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const scopes = field.extensions?.scopes as readonly Scope[] | undefined;
      if (!scopes?.length) continue;
      field.resolve = guarded(scopes, field.resolve ?? defaultFieldResolver);
      if (field.subscribe) field.subscribe = guarded(scopes, field.subscribe);
    }
  }
}

function guarded(
  scopes: readonly Scope[],
  resolve: GraphQLFieldResolver<unknown, GatewayContext>,
): GraphQLFieldResolver<unknown, GatewayContext> {
  return (source, args, context, info) => {
    checkScopes(scopes, context.principal, 'this');
    return resolve(source, args, context, info);
  };
}
