import { readFileSync } from 'node:fs';
import { trustedProxies } from './node-http/client-address.js';
import { readFlag, readInteger, readJson, readOptionalInteger } from './node-http/env.js';
import { parseApiKeyEntries } from './auth/api-keys.js';
import type { AuthSettings } from './auth/authenticator.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './http/query-limits.js';
import { DEFAULT_CACHE_MAX_BYTES } from './graphql/record-cache.js';
import { DEFAULT_EVENT_RETENTION, type EventRetention } from './events/event-log.js';
import type { RateLimitSettings } from './http/rate-limiter.js';
import { BEECLOUD_BASE_URLS, DEFAULT_DEV_APP } from './wire/index.js';
import type { BeeCloudCredentials } from './upstream/beecloud-client.js';

/**
 * The gateway's configuration, read once from the environment at start-up. A problem is
 * reported with the variable's name and the rule, and the gateway does not start.
 */
export interface GatewayConfig {
  port: number;
  host: string;
  /** Real BeeCloud when credentials are configured; otherwise the embedded sandbox. */
  upstream:
    | { kind: 'beecloud'; credentials: BeeCloudCredentials; baseUrls: string[] }
    | { kind: 'embedded-sandbox'; sandboxPort: number };
  attemptTimeoutMs: number;
  deadlineMs: number;
  corsOrigins: string[];
  /** TRUST_PROXY: proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client; none by default. */
  trustProxy: string[];
  maxBodyBytes: number;
  /** Redis for pub/sub and webhook de-duplication across replicas; in memory without it. */
  redisUrl?: string;
  /** EVENT_LOG_MAX_EVENTS, EVENT_LOG_MAX_AGE_MS: the payment events kept for resuming subscribers. */
  eventRetention: EventRetention;
  /** Without Redis: where accepted webhooks are remembered across restarts. */
  webhookDedupFile?: string;
  cacheTtlMs: number;
  /** About how many bytes of records the cache may hold (CACHE_MAX_BYTES). */
  cacheMaxBytes: number;
  /** `dev-key`: embedded development only, a key with every scope is made at start-up. */
  auth: AuthSettings | { kind: 'dev-key' };
  introspection: boolean;
  explorer: boolean;
  /** The checkout demo at /demo (DEMO; on in development, off in production unless asked for). */
  demo: boolean;
  /** PERSISTED_OPERATIONS_ONLY: serve the documents of this manifest and no other (TRUSTED_DOCUMENTS_FILE). */
  trustedDocumentsFile?: string;
  limits: QueryLimits;
  /** /metrics without credentials (METRICS_PUBLIC=true); otherwise it needs metrics:read. */
  metricsPublic: boolean;
  /** A second port serving /metrics alone without credentials (keep it private). */
  metricsPort?: number;
  /** How long SIGTERM/SIGINT lets requests in flight finish (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** Null turns rate limiting off (RATE_LIMIT_PER_SECOND=0). */
  rateLimit: RateLimitSettings | null;
  /** SUBGRAPH=true: serve as an Apollo Federation 2 subgraph (graphql/subgraph.ts). */
  subgraph: boolean;
  /** COMPILED_EXECUTOR: hot queries run as compiled code (graphql/compiled-executor.ts); false runs all through graphql-js. */
  compiledExecutor: boolean;
}

/**
 * The manifest `npm run codegen` writes from schema/operations (schema/codegen/trusted-documents.mjs).
 * Here, not beside TrustedDocuments, so that reading the configuration loads no GraphQL code.
 */
export const DEFAULT_TRUSTED_DOCUMENTS_FILE = new URL(
  '../schema/generated/trusted-documents.json',
  import.meta.url,
).pathname;

const CREDENTIAL_VARIABLES = ['BEECLOUD_APP_ID', 'BEECLOUD_APP_SECRET', 'BEECLOUD_MASTER_SECRET'] as const;

export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  const given = CREDENTIAL_VARIABLES.filter((name) => env[name]);
  if (given.length > 0 && given.length < CREDENTIAL_VARIABLES.length) {
    const missing = CREDENTIAL_VARIABLES.filter((name) => !env[name]);
    throw new Error(
      `BeeCloud credentials are incomplete: ${missing.join(', ')} missing (set all three, or none for the sandbox)`,
    );
  }
  const baseUrls = (env.BEECLOUD_BASE_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of baseUrls) {
    if (!/^https?:\/\/[^/\s]+$/.test(url.replace(/\/$/, '')))
      throw new Error(
        `BEECLOUD_BASE_URLS: ${JSON.stringify(url)} is not a base URL like https://apibj.beecloud.cn`,
      );
  }
  if (production) checkProductionUpstream(env, given.length > 0, baseUrls);
  return {
    port: readInteger(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    upstream:
      given.length === 0
        ? { kind: 'embedded-sandbox', sandboxPort: readInteger(env, 'SANDBOX_PORT', 8080, 0, 65535) }
        : {
            kind: 'beecloud',
            credentials: {
              appId: env.BEECLOUD_APP_ID!,
              appSecret: env.BEECLOUD_APP_SECRET!,
              masterSecret: env.BEECLOUD_MASTER_SECRET!,
            },
            baseUrls: baseUrls.length
              ? baseUrls.map((url) => url.replace(/\/$/, ''))
              : [...BEECLOUD_BASE_URLS],
          },
    attemptTimeoutMs: readInteger(env, 'UPSTREAM_ATTEMPT_TIMEOUT_MS', 5000, 1, 600_000),
    deadlineMs: readInteger(env, 'UPSTREAM_DEADLINE_MS', 10_000, 1, 600_000),
    // Development also lets a frontend's dev server call from any local port; production keeps the list.
    corsOrigins: (
      env.CORS_ORIGINS ??
      (production
        ? 'https://studio.apollographql.com'
        : 'https://studio.apollographql.com,http://localhost:*,http://127.0.0.1:*')
    )
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    compiledExecutor: readFlag(env, 'COMPILED_EXECUTOR', true),
    subgraph: readFlag(env, 'SUBGRAPH', false),
    maxBodyBytes: readInteger(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    redisUrl: env.REDIS_URL || undefined,
    webhookDedupFile: env.WEBHOOK_DEDUP_FILE || undefined,
    eventRetention: {
      maxEvents: readInteger(env, 'EVENT_LOG_MAX_EVENTS', DEFAULT_EVENT_RETENTION.maxEvents, 1, 10_000_000),
      maxAgeMs: readInteger(
        env,
        'EVENT_LOG_MAX_AGE_MS',
        DEFAULT_EVENT_RETENTION.maxAgeMs,
        1000,
        90 * 24 * 3600_000,
      ),
    },
    metricsPublic: readFlag(env, 'METRICS_PUBLIC', false),
    metricsPort: readOptionalInteger(env, 'METRICS_PORT', 0, 65535),
    // Longer than UPSTREAM_DEADLINE_MS (10 s), so that an operation running to its own deadline still finishes.
    shutdownGraceMs: readInteger(env, 'SHUTDOWN_GRACE_MS', 15_000, 0, 600_000),
    cacheTtlMs: readInteger(env, 'CACHE_TTL_MS', 30_000, 0, 24 * 3600_000),
    cacheMaxBytes: readInteger(env, 'CACHE_MAX_BYTES', DEFAULT_CACHE_MAX_BYTES, 0, 4 * 1024 ** 3),
    auth: authSettings(env, production, given.length > 0),
    introspection: readFlag(env, 'INTROSPECTION', !production),
    explorer: readFlag(env, 'EXPLORER', !production),
    demo: readFlag(env, 'DEMO', !production),
    trustedDocumentsFile: readFlag(env, 'PERSISTED_OPERATIONS_ONLY', false)
      ? env.TRUSTED_DOCUMENTS_FILE || DEFAULT_TRUSTED_DOCUMENTS_FILE
      : undefined,
    limits: {
      maxDepth: readInteger(env, 'LIMIT_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 100),
      maxAliases: readInteger(env, 'LIMIT_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 1000),
      maxTokens: readInteger(env, 'LIMIT_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 10, 1_000_000),
      maxCost: readInteger(env, 'LIMIT_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, 1, 10_000_000),
      maxUpstreamCalls: readInteger(
        env,
        'LIMIT_MAX_UPSTREAM_CALLS',
        DEFAULT_QUERY_LIMITS.maxUpstreamCalls,
        1,
        100_000,
      ),
      maxUpstreamBytes: readInteger(
        env,
        'LIMIT_MAX_UPSTREAM_BYTES',
        DEFAULT_QUERY_LIMITS.maxUpstreamBytes,
        64 * 1024,
        1024 * 1024 * 1024,
      ),
      maxOptionalBytes: readInteger(
        env,
        'LIMIT_MAX_OPTIONAL_BYTES',
        DEFAULT_QUERY_LIMITS.maxOptionalBytes,
        2,
        1024 * 1024,
      ),
      notifyUrlPrefixes: readNotifyUrlPrefixes(env.NOTIFY_URL_PREFIXES),
      wsMaxSubscriptions: readInteger(
        env,
        'WS_MAX_SUBSCRIPTIONS',
        DEFAULT_QUERY_LIMITS.wsMaxSubscriptions,
        1,
        100_000,
      ),
      wsMaxOperationsPerSecond: readInteger(
        env,
        'WS_MAX_OPERATIONS_PER_SECOND',
        DEFAULT_QUERY_LIMITS.wsMaxOperationsPerSecond,
        1,
        100_000,
      ),
    },
    rateLimit:
      readInteger(env, 'RATE_LIMIT_PER_SECOND', 200, 0, 1_000_000) === 0
        ? null
        : {
            perSecond: readInteger(env, 'RATE_LIMIT_PER_SECOND', 200, 0, 1_000_000),
            burst: readInteger(env, 'RATE_LIMIT_BURST', 2000, 1, 10_000_000),
          },
  };
}

/**
 * Production fails closed: it never starts over the embedded sandbox (whose development app
 * and secrets are published in docs/sandbox.md, and whose control API marks bills paid), never
 * with the sandbox's development app id, and talks plain http only to a loopback host.
 */
function checkProductionUpstream(env: NodeJS.ProcessEnv, hasCredentials: boolean, baseUrls: string[]): void {
  if (!hasCredentials) {
    throw new Error(
      `refusing to start in production without BeeCloud credentials: set ${CREDENTIAL_VARIABLES.join(', ')} ` +
        '(the embedded sandbox and its published development app are for development only)',
    );
  }
  if (env.BEECLOUD_APP_ID?.toLowerCase() === DEFAULT_DEV_APP.appId) {
    throw new Error(
      "BEECLOUD_APP_ID is the sandbox's published development app, whose secrets anyone can read: refusing to start in production",
    );
  }
  for (const url of baseUrls) {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'http:' && !isLoopback(hostname))
      throw new Error(
        `BEECLOUD_BASE_URLS: ${url} is plain http to a host that is not loopback; use https in production`,
      );
  }
}

const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/**
 * Who may call. Configured keys or JWT settings turn authentication on; AUTH_DISABLED=true
 * turns it off on purpose. With neither, only embedded development may start (with a
 * generated key): production, or a gateway holding real BeeCloud secrets, refuses.
 */
function authSettings(
  env: NodeJS.ProcessEnv,
  production: boolean,
  realBeeCloud: boolean,
): GatewayConfig['auth'] {
  if (env.AUTH_DISABLED === 'true') return { kind: 'disabled' };
  const apiKeys = [
    ...(env.API_KEYS ? parseApiKeyEntries(readJson(env.API_KEYS, 'API_KEYS'), 'API_KEYS') : []),
    ...(env.API_KEYS_FILE
      ? parseApiKeyEntries(
          readJson(readFileSync(env.API_KEYS_FILE, 'utf8'), 'API_KEYS_FILE'),
          'API_KEYS_FILE',
        )
      : []),
  ];
  if (env.JWT_HS256_SECRET && Buffer.byteLength(env.JWT_HS256_SECRET) < 32)
    throw new Error('JWT_HS256_SECRET must be at least 32 bytes');
  const jwt =
    env.JWT_HS256_SECRET || env.JWT_JWKS_URL
      ? {
          hs256Secret: env.JWT_HS256_SECRET || undefined,
          jwksUrl: env.JWT_JWKS_URL || undefined,
          issuer: env.JWT_ISSUER || undefined,
          audience: env.JWT_AUDIENCE || undefined,
        }
      : undefined;
  if (production && jwt?.jwksUrl && (!jwt.issuer || !jwt.audience)) {
    // Any token the JWKS signs — for any service of that identity provider — would pass.
    throw new Error(
      'JWT_JWKS_URL in production needs JWT_ISSUER and JWT_AUDIENCE: tokens for other services would pass',
    );
  }
  if (apiKeys.length || jwt) return { kind: 'enabled', apiKeys, jwt };
  if (production || realBeeCloud) {
    throw new Error(
      `refusing to start without authentication${production ? ' in production' : ' while holding BeeCloud secrets'}: ` +
        'set API_KEYS (or API_KEYS_FILE), JWT_HS256_SECRET or JWT_JWKS_URL — or AUTH_DISABLED=true to run open on purpose',
    );
  }
  return { kind: 'dev-key' };
}

/** TRUST_PROXY: comma-separated addresses and CIDR ranges, checked here so that a typo stops start-up. */
function readTrustProxy(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  trustedProxies(entries); // throws naming TRUST_PROXY and the bad entry
  return entries;
}

/** NOTIFY_URL_PREFIXES: comma-separated http(s) URL prefixes (see QueryLimits.notifyUrlPrefixes). */
function readNotifyUrlPrefixes(value: string | undefined): string[] {
  const prefixes = (value ?? '')
    .split(',')
    .map((prefix) => prefix.trim())
    .filter(Boolean);
  // The host must end in "/": "https://hooks.example.com" would also allow "https://hooks.example.com.evil.test".
  const bad = prefixes.find((prefix) => !/^https?:\/\/[^\s/?#]+\//.test(prefix));
  if (bad !== undefined)
    throw new Error(
      `NOTIFY_URL_PREFIXES: each prefix must be an http:// or https:// URL with a path (at least "/" after the host), got ${JSON.stringify(bad)}`,
    );
  return prefixes;
}
