import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { AuthError, credentialsNeeded } from './auth-error.js';
import type { Principal, Scope } from './principal.js';

/** Per parsed document: Apollo hands back the same DocumentNode for a repeated query. */
const scopesByDocument = new WeakMap<DocumentNode, Set<Scope>>();

/** Every scope the fields of a document need (from their `extensions.scopes`). */
export function requiredScopes(schema: GraphQLSchema, document: DocumentNode): Set<Scope> {
  const known = scopesByDocument.get(document);
  if (known) return known;
  const scopes = new Set<Scope>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const needed = typeInfo.getFieldDef()?.extensions?.scopes as Scope[] | undefined;
        needed?.forEach((scope) => scopes.add(scope));
      },
    }),
  );
  scopesByDocument.set(document, scopes);
  return scopes;
}

/**
 * Refuses an operation before anything runs (an AuthError): UNAUTHENTICATED when it needs a scope and there
 * is no principal, FORBIDDEN naming the scopes the principal lacks. Returns nothing when the
 * operation may run.
 */
export function checkOperationScopes(
  schema: GraphQLSchema,
  document: DocumentNode,
  principal: Principal | null,
): void {
  checkScopes([...requiredScopes(schema, document)], principal);
}

/**
 * The same refusal for scopes found elsewhere (those an operation's arguments call for, or one
 * field's: graphql/auth-checker.ts), naming what needs them. Allocates nothing when every scope is
 * held: the field check runs it on every call of a scoped resolver.
 */
export function checkScopes(
  needed: readonly string[],
  principal: Principal | null,
  subject = 'this operation',
): void {
  if (needed.length === 0) return;
  if (!principal) {
    throw credentialsNeeded();
  }
  for (const scope of needed) {
    if (principal.scopes.has(scope as Scope)) continue;
    const missing = needed.filter((wanted) => !principal.scopes.has(wanted as Scope));
    throw new AuthError('FORBIDDEN', `${subject} needs the scope ${missing.join(', ')}`);
  }
}
