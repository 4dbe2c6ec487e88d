/** What a caller may do. Each operation names the scopes it needs (see the resolvers). */
export const SCOPES = [
  'bills:read',
  'bills:create',
  'refunds:read',
  'refunds:create',
  'refunds:review',
  /** The reconciliation report. */
  'reports:read',
  /** GET /metrics (operators' scrapers), unless METRICS_PUBLIC or METRICS_PORT. */
  'metrics:read',
  /**
   * A federation router (SUBGRAPH=true): `_service` (the SDL, even with INTROSPECTION off) and
   * `_entities`, whose documents the router writes itself (PERSISTED_OPERATIONS_ONLY spares them).
   */
  'router',
] as const;
export type Scope = (typeof SCOPES)[number];
export const isScope = (value: unknown): value is Scope => SCOPES.includes(value as Scope);

/** An authenticated caller. `id` names it in rate limits and logs; it is never a secret. */
export interface Principal {
  id: string;
  kind: 'api-key' | 'jwt' | 'auth-disabled';
  scopes: ReadonlySet<Scope>;
  /** When the credential stops being valid (a JWT's `exp`, epoch ms); a WebSocket closes then. */
  expiresAt?: number;
}
