/**
 * Bounds on one operation; see the README's security section. Their own module, with no
 * imports, so that reading the configuration does not load Apollo or graphql-armor.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 3000,
  maxCost: 5000,
};
