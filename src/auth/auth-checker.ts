import type { AuthChecker } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { gatewayError } from '../graphql/errors.js';
import type { Scope } from './principal.js';

/**
 * TypeGraphQL's check for `@Authorized(...scopes)`: every listed scope is needed. It runs
 * before the resolver, so a refused operation makes no upstream call.
 */
export const scopeAuthChecker: AuthChecker<GatewayContext, Scope> = ({ context }, scopes) => {
  if (!context.principal)
    throw gatewayError('UNAUTHENTICATED', 'credentials are needed: an API key or a bearer token');
  const missing = scopes.filter((scope) => !context.principal!.scopes.has(scope));
  if (missing.length) throw gatewayError('FORBIDDEN', `this needs the scope ${missing.join(', ')}`);
  return true;
};
