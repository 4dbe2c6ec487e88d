/**
 * Bounds on one operation and one socket; see docs/security.md, Limits. Their own module,
 * with no imports, so that reading the configuration does not load Apollo or graphql-armor.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  /** The largest cost (graphql/operation-budget.ts) an operation may have; also its rate-limit charge. */
  maxCost: number;
  /** Upstream HTTP calls one operation may make; predicted before it runs, counted while it does. */
  maxUpstreamCalls: number;
  /** Bytes of upstream answers one operation may read. */
  maxUpstreamBytes: number;
  /** The largest `optional` (and `analysis`) map a mutation may store, as serialized JSON. */
  maxOptionalBytes: number;
  /**
   * NOTIFY_URL_PREFIXES: where a bill's or refund's `notifyUrl` may send its webhooks. A
   * webhook sent elsewhere never reaches this gateway (no event, a cached bill stays unpaid
   * until it expires), so none is allowed unless the operator lists the prefixes.
   */
  notifyUrlPrefixes: readonly string[];
  /** Subscriptions one WebSocket may hold at once. */
  wsMaxSubscriptions: number;
  /** Operations one WebSocket may start per second (queries, mutations and subscriptions). */
  wsMaxOperationsPerSecond: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 3000,
  maxCost: 5000,
  maxUpstreamCalls: 100,
  maxUpstreamBytes: 8 * 1024 * 1024,
  maxOptionalBytes: 16 * 1024,
  notifyUrlPrefixes: [],
  wsMaxSubscriptions: 100,
  wsMaxOperationsPerSecond: 20,
};
