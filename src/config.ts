import { BEECLOUD_BASE_URLS } from './wire/index.js';
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
  maxBodyBytes: number;
  /** Redis for pub/sub and webhook de-duplication across replicas; in memory without it. */
  redisUrl?: string;
  cacheTtlMs: number;
}

const CREDENTIAL_VARIABLES = ['BEECLOUD_APP_ID', 'BEECLOUD_APP_SECRET', 'BEECLOUD_MASTER_SECRET'] as const;

export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
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
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    upstream:
      given.length === 0
        ? { kind: 'embedded-sandbox', sandboxPort: integer(env, 'SANDBOX_PORT', 8080, 0, 65535) }
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
    attemptTimeoutMs: integer(env, 'UPSTREAM_ATTEMPT_TIMEOUT_MS', 5000, 1, 600_000),
    deadlineMs: integer(env, 'UPSTREAM_DEADLINE_MS', 10_000, 1, 600_000),
    corsOrigins: (env.CORS_ORIGINS ?? 'https://studio.apollographql.com')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    redisUrl: env.REDIS_URL || undefined,
    cacheTtlMs: integer(env, 'CACHE_TTL_MS', 30_000, 0, 24 * 3600_000),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}
