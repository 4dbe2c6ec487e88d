import type { AuthChecker } from 'type-graphql';
import { AuthError, credentialsNeeded } from '../auth/auth-error.js';
import type { Scope } from '../auth/principal.js';
import type { GatewayContext } from './context.js';

/**
 * TypeGraphQL's check for `@Authorized(...scopes)` (set by `@RequireScopes`): every listed
 * scope is needed. It runs before the resolver, so a refused field makes no upstream call.
 * The whole-operation check (auth/operation-scopes.ts) normally refuses first; this is the
 * defence in depth at the field.
 */
export const scopeAuthChecker: AuthChecker<GatewayContext, Scope> = ({ context }, scopes) => {
  const { principal } = context;
  if (!principal) throw credentialsNeeded();
  const missing = scopes.filter((scope) => !principal.scopes.has(scope));
  if (missing.length) throw new AuthError('FORBIDDEN', `this needs the scope ${missing.join(', ')}`);
  return true;
};
