import {
  Kind,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { checkOperationScopes, checkScopes } from '../auth/operation-scopes.js';
import type { Principal } from '../auth/principal.js';
import { refusalFromAuth, requestError } from '../graphql/errors.js';
import { checkOperationBudget, operationBudget, type OperationBudget } from '../graphql/operation-budget.js';
import type { QueryLimits } from './query-limits.js';
import type { RateLimitDecision, RateLimiter } from './rate-limiter.js';

/** Whose rate budget a request spends, and how refusals are told (a metric). */
export interface RateBudget {
  rateLimiter?: RateLimiter;
  /** The caller's bucket: see rateKeyOf. */
  rateKey: string;
  /** Told of each rate-limit refusal (a metric). */
  onRateLimited?: () => void;
}

export interface AdmissionInput extends RateBudget {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  principal: Principal | null;
  limits: QueryLimits;
  /** Told of every admission decided, admitted or refused, with the selections its cost walk visited. */
  onAdmission?: (work: { visited: number; refused: boolean }) => void;
}

export interface Admission {
  budget: OperationBudget;
  /** The caller's bucket after this operation; absent without a rate limiter. */
  decision?: RateLimitDecision;
}

/**
 * The bucket a caller spends: its principal's, or — anonymous — its address's (see
 * node-http/client-address.ts), so that one anonymous abuser does not spend everyone's.
 */
export const rateKeyOf = (principal: Principal | null, clientBucket: string) =>
  principal ? `principal:${principal.id}` : `address:${clientBucket}`;

/**
 * Everything decided about a valid operation before it runs, in one place for HTTP (an
 * Apollo plugin) and graphql-ws (onSubscribe) alike: which operation runs
 * (OPERATION_RESOLUTION_FAILURE), the scopes of every field it selects (401/403), its
 * predicted cost and upstream calls against the limits (COST_LIMIT_EXCEEDED), then its cost
 * taken from the caller's rate budget (RATE_LIMITED, 429). A refused operation makes no
 * upstream call, and is charged to the caller (chargeRefusal): its cost up to LIMIT_MAX_COST
 * once the cost is known, 1 before.
 */
export async function admitOperation(input: AdmissionInput): Promise<Admission> {
  let budget: OperationBudget | undefined;
  try {
    selectOperation(input.document, input.operationName);
    try {
      checkOperationScopes(input.schema, input.document, input.principal);
    } catch (error) {
      throw refusalFromAuth(error);
    }
    budget = operationBudget(
      input.schema,
      input.document,
      input.operationName,
      input.variables,
      input.limits.maxCost,
    );
    try {
      checkScopes(budget.scopes, input.principal);
    } catch (error) {
      throw refusalFromAuth(error);
    }
    checkOperationBudget(budget, {
      maxCost: input.limits.maxCost,
      maxUpstreamCalls: input.limits.maxUpstreamCalls,
    });
  } catch (refusal) {
    input.onAdmission?.({ visited: budget?.visited ?? 0, refused: true });
    throw (await chargeRefusal(input, budget ? Math.min(budget.cost, input.limits.maxCost) : 1)) ?? refusal;
  }
  input.onAdmission?.({ visited: budget.visited, refused: false });
  if (!input.rateLimiter) return { budget };
  const decision = await input.rateLimiter.take(input.rateKey, budget.cost);
  if (!decision.allowed) throw rateLimited(input, decision, `this operation costs ${budget.cost}`);
  return { budget, decision };
}

/**
 * Charges a refused request to its caller (a parse or validation failure costs 1): what it
 * made the gateway do is spent from the same budget as what it runs. Returns RATE_LIMITED
 * when the caller had no budget left at all, to answer instead of the refusal.
 */
export async function chargeRefusal(budget: RateBudget, charge: number): Promise<GraphQLError | undefined> {
  if (!budget.rateLimiter) return undefined;
  const decision = await budget.rateLimiter.charge(budget.rateKey, charge);
  return decision.allowed ? undefined : rateLimited(budget, decision, 'the budget is spent');
}

function rateLimited(budget: RateBudget, decision: RateLimitDecision, why: string) {
  budget.onRateLimited?.();
  return requestError('RATE_LIMITED', `rate limit exceeded: ${why}; retry in ${decision.retryAfterMs} ms`, {
    retryAfterMs: decision.retryAfterMs,
  });
}

/**
 * The operation a request runs, picked as graphql-js picks it, or OPERATION_RESOLUTION_FAILURE
 * (400) in graphql-js's own words: no operation, several and no name, or an unknown name.
 */
export function selectOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((d) => d.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (operation) return operation;
  throw requestError(
    'OPERATION_RESOLUTION_FAILURE',
    operationName
      ? `Unknown operation named "${operationName}".`
      : operations.length
        ? 'Must provide operation name if query contains multiple operations.'
        : 'Must provide an operation.',
  );
}
