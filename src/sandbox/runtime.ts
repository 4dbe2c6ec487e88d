import { readOptionalInteger } from '../node-http/env.js';
import { createLogger, type Logger } from '../node-http/logger.js';
import { appsFromEnv, devApp, type SandboxApp } from './apps.js';
import { VirtualClock } from './clock.js';
import { FaultInjector } from './faults.js';
import { Lifecycle } from './lifecycle.js';
import { SandboxStore } from './store.js';
import { WebhookSender } from './webhook-sender.js';

export interface SandboxOptions {
  /** Default: the development app only. */
  apps?: SandboxApp[];
  /** SQLite file; in memory when absent. */
  dbFile?: string;
  /** How far `timestamp` may be from the wall clock; default 5 minutes. */
  timestampToleranceMs?: number;
  /** How long after creation a bill can be refunded; default 365 days. */
  refundWindowDays?: number;
  /** Divides the webhook retry schedule (2 s … 2^17 s); default 1. */
  webhookSpeedup?: number;
  /** One delivery's time limit; default 10 s. */
  webhookTimeoutMs?: number;
  /** Test seam: see LifecycleOptions.writeDelayMs. */
  testWriteDelayMs?: number;
  /** The address put into checkout links; default: the Host the client used. */
  publicUrl?: string;
  /** Receives one line per request; never a body, a query string or a secret. Default: stdout. */
  logger?: Logger;
}

/** The sandbox's parts, wired together. The HTTP layer (server.ts) serves it. */
export interface SandboxRuntime {
  apps: ReadonlyMap<string, SandboxApp>;
  store: SandboxStore;
  clock: VirtualClock;
  lifecycle: Lifecycle;
  webhooks: WebhookSender;
  faults: FaultInjector;
  timestampToleranceMs: number;
  publicUrl?: string;
  logger: Logger;
  /** REST calls served since start (for clients that count their upstream requests). */
  stats: { restRequests: number };
}

export function createRuntime(options: SandboxOptions = {}): SandboxRuntime {
  const apps = new Map((options.apps ?? [devApp()]).map((app) => [app.appId, app]));
  const logger = options.logger ?? createLogger({ base: { component: 'sandbox' } });
  const store = new SandboxStore(options.dbFile);
  const clock = new VirtualClock({
    load: () => store.setting('clock_offset_ms'),
    save: (value) => store.setSetting('clock_offset_ms', value),
  });
  const webhooks = new WebhookSender(store, {
    speedup: options.webhookSpeedup ?? 1,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    onAttempt: (event, outcome) =>
      logger.info(
        {
          transaction_type: event.transaction_type,
          transaction_id: event.transaction_id,
          attempt: event.attempts + 1,
          outcome,
        },
        'webhook attempt',
      ),
  });
  const lifecycle = new Lifecycle({
    store,
    clock,
    webhooks,
    apps,
    options: {
      refundWindowMs: (options.refundWindowDays ?? 365) * 86_400_000,
      writeDelayMs: options.testWriteDelayMs,
    },
  });
  webhooks.start();
  return {
    apps,
    store,
    clock,
    lifecycle,
    webhooks,
    faults: new FaultInjector(),
    timestampToleranceMs: options.timestampToleranceMs ?? 300_000,
    publicUrl: options.publicUrl,
    logger,
    stats: { restRequests: 0 },
  };
}

/** Sandbox options from `SANDBOX_*` environment variables (see docs/sandbox.md). */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  return {
    apps: appsFromEnv(env),
    dbFile: env.SANDBOX_DB_FILE || undefined,
    timestampToleranceMs: readOptionalInteger(env, 'SANDBOX_TIMESTAMP_TOLERANCE_MS', 1, 86_400_000),
    refundWindowDays: readOptionalInteger(env, 'SANDBOX_REFUND_WINDOW_DAYS', 1, 36_500),
    webhookSpeedup: readOptionalInteger(env, 'SANDBOX_WEBHOOK_SPEEDUP', 1, 1_000_000),
    publicUrl: env.SANDBOX_PUBLIC_URL || undefined,
    testWriteDelayMs: readOptionalInteger(env, 'SANDBOX_TEST_WRITE_DELAY_MS', 0, 10_000),
  };
}
