import type { DocumentNode, GraphQLSchema } from 'graphql';
import { checkOperationScopes } from '../auth/operation-scopes.js';
import type { Principal } from '../auth/principal.js';
import { refusalFromAuth, requestError } from '../graphql/errors.js';
import { checkOperationBudget, operationBudget, type OperationBudget } from '../graphql/operation-budget.js';
import type { QueryLimits } from './query-limits.js';
import type { RateLimitDecision, RateLimiter } from './rate-limiter.js';

export interface AdmissionInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  principal: Principal | null;
  limits: QueryLimits;
  rateLimiter?: RateLimiter;
  /** Told of each rate-limit refusal (a metric). */
  onRateLimited?: () => void;
}

export interface Admission {
  budget: OperationBudget;
  /** The caller's bucket after this operation; absent without a rate limiter. */
  decision?: RateLimitDecision;
}

/**
 * Everything decided about a valid operation before it runs, in one place for HTTP (an
 * Apollo plugin) and graphql-ws (onSubscribe) alike: the scopes of every field it selects
 * (401/403), its predicted cost and upstream calls against the limits (COST_LIMIT_EXCEEDED),
 * then its cost taken from the caller's rate budget (RATE_LIMITED, 429). A refused operation
 * makes no upstream call.
 */
export async function admitOperation(input: AdmissionInput): Promise<Admission> {
  try {
    checkOperationScopes(input.schema, input.document, input.principal);
  } catch (error) {
    throw refusalFromAuth(error);
  }
  const budget = operationBudget(
    input.schema,
    input.document,
    input.operationName,
    input.variables,
    input.limits.maxCost,
  );
  checkOperationBudget(budget, {
    maxCost: input.limits.maxCost,
    maxUpstreamCalls: input.limits.maxUpstreamCalls,
  });
  if (!input.rateLimiter) return { budget };
  const decision = await input.rateLimiter.take(input.principal?.id ?? 'anonymous', budget.cost);
  if (!decision.allowed) {
    input.onRateLimited?.();
    throw requestError(
      'RATE_LIMITED',
      `rate limit exceeded: this operation costs ${budget.cost}; retry in ${decision.retryAfterMs} ms`,
      { retryAfterMs: decision.retryAfterMs },
    );
  }
  return { budget, decision };
}
