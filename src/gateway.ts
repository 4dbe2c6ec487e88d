import { TrustedDocuments } from './graphql/trusted-documents.js';
import 'reflect-metadata';
import { createApiKey } from './auth/api-keys.js';
import { Authenticator, type AuthSettings } from './auth/authenticator.js';
import { SCOPES } from './auth/principal.js';
import type { GatewayConfig } from './config.js';
import { createServer } from 'node:http';
import { closeServer, listen } from './node-http/listen.js';
import { createLogger, type Logger } from './node-http/logger.js';
import { FileDedupStore, MemoryDedupStore, RedisDedupStore } from './events/dedup-store.js';
import { createEventBus, type EventBus } from './events/event-bus.js';
import { TOPICS, type CacheInvalidation, type NewPaymentEvent } from './events/payment-event.js';
import type { EventRetention } from './events/event-log.js';
import { announceOnce, createWebhookProcessor } from './events/webhook-processor.js';
import type { GatewayServices } from './graphql/context.js';
import { RecordCache } from './graphql/record-cache.js';
import { buildGatewaySchema } from './graphql/schema.js';
import { startGatewayServer, type GatewayServer, type GatewayServerOptions } from './http/gateway-server.js';
import { Metrics } from './http/metrics.js';
import { DEFAULT_QUERY_LIMITS } from './http/query-limits.js';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimitSettings } from './http/rate-limiter.js';
import { WEBHOOK_PATH, createWebhookReceiver, webhookBodyLimit } from './http/webhook-receiver.js';
import type { SandboxServer } from './sandbox/server.js';
import { BeeCloudClient, type BeeCloudCredentials } from './upstream/beecloud-client.js';
import { COMPILED_EXECUTOR_OFF } from './graphql/compiled-executor.js';
import { DEFAULT_DEV_APP } from './wire/index.js';

export interface AssembleOptions extends Omit<
  GatewayServerOptions,
  'schema' | 'services' | 'webhook' | 'metrics' | 'rateLimiter'
> {
  /** Budgets per principal (per client address for anonymous callers); shared through Redis when `redisUrl` is set. Absent: no rate limit. */
  rateLimit?: RateLimitSettings | null;
  api: BeeCloudClient;
  /** The app whose webhooks are accepted (signatures use its master secret). */
  credentials: BeeCloudCredentials;
  redisUrl?: string;
  /** How many and how old payment events are kept for resuming subscribers (in Redis when `redisUrl` is set). */
  eventRetention?: EventRetention;
  /**
   * Without Redis: a file that keeps accepted webhooks across restarts (WEBHOOK_DEDUP_FILE);
   * absent, de-duplication is in memory and a replay after a restart is published again.
   */
  dedupFile?: string;
  /** Serve /metrics without credentials on this port too (a private one); the main port then needs metrics:read. */
  metricsPort?: number;
  /** How long a bill or its refunds may be served from the cache without an event; 0 turns the cache off. */
  cacheTtlMs: number;
  /** About how many bytes of records the cache may hold; default DEFAULT_CACHE_MAX_BYTES. */
  cacheMaxBytes?: number;
  /** Serve as an Apollo Federation 2 subgraph: `_entities` and `_service`, for principals with `router`. */
  subgraph?: boolean;
}

export interface AssembledGateway {
  gateway: GatewayServer;
  events: EventBus;
  cache: RecordCache;
  metrics: Metrics;
  /** The webhook URL to give BeeCloud. */
  webhookUrl: string;
  /** Drains (see GatewayServer.drain: in-flight requests get up to `graceMs`), then closes the bus. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The gateway's parts, wired: event bus (memory or Redis), de-duplication store, record
 * cache and its invalidation from events, webhook receiver, metrics, and the HTTP server.
 */
export async function assembleGateway(options: AssembleOptions): Promise<AssembledGateway> {
  const logger = options.logger ?? createLogger();
  const events = await createEventBus(
    options.redisUrl,
    (message) => logger.warn(message),
    options.eventRetention,
  );
  const cache = new RecordCache(options.cacheTtlMs, { maxBytes: options.cacheMaxBytes });
  const metrics = new Metrics();
  cache.onLookup = (hit) => metrics.cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
  options.api.onCall = (endpoint, outcome, seconds) => {
    metrics.upstreamRequests.inc({ endpoint, outcome });
    metrics.upstreamDuration.observe({ endpoint }, seconds);
  };

  const applyInvalidation = (target: CacheInvalidation) =>
    'all' in target ? cache.clear() : cache.invalidateBill({ billNo: target.billNo });
  const forgetEventRecords = (event: NewPaymentEvent) => {
    if (event.bill) cache.invalidateBill({ id: event.bill.id, billNo: event.bill.bill_no });
    else if (event.type === 'PAY') cache.invalidateBill({ billNo: event.transactionId });
    else cache.clear(); // a refund whose bill is unknown: drop everything rather than guess
  };
  // Every replica drops what an event or another replica's mutation changed.
  const consumers = [
    consume(events.local.subscribe(TOPICS.paymentEvents), forgetEventRecords),
    consume(events.local.subscribe(TOPICS.cacheInvalidation), applyInvalidation),
  ];
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  const dedup = events.redis
    ? new RedisDedupStore(events.redis)
    : options.dedupFile
      ? new FileDedupStore(options.dedupFile)
      : new MemoryDedupStore();
  const services: GatewayServices = {
    api: options.api,
    cache,
    limits: {
      maxCalls: limits.maxUpstreamCalls,
      maxBytes: limits.maxUpstreamBytes,
      maxOptionalBytes: limits.maxOptionalBytes,
      notifyUrlPrefixes: limits.notifyUrlPrefixes,
    },
    invalidate(target) {
      applyInvalidation(target); // here at once, before the mutation answers
      // The other replicas: if Redis fails them, their copies expire within CACHE_TTL_MS.
      events
        .publish(TOPICS.cacheInvalidation, target)
        .catch((error: Error) => logger.warn({ err: error.message }, 'cache invalidation not broadcast'));
    },
    announce: (event) => announceOnce(dedup, events, event),
    events: events.local,
    eventLog: events.log,
  };
  const { api } = options;
  const receiver = createWebhookReceiver({
    process: createWebhookProcessor({
      app: options.credentials,
      // Straight to BeeCloud, never the cache: the event has just changed the record.
      records: { bill: (billNo) => api.billByNo(billNo), refund: (refundNo) => api.refundByNo(refundNo) },
      dedup,
      bus: events,
      onAccepted: forgetEventRecords,
    }),
    metrics,
    logger,
    maxBodyBytes: webhookBodyLimit(limits.maxOptionalBytes),
  });
  const rateLimiter = options.rateLimit
    ? events.redis
      ? new RedisRateLimiter(events.redis, options.rateLimit, (message) => logger.warn(message))
      : new MemoryRateLimiter(options.rateLimit)
    : undefined;
  const schema = await buildGatewaySchema(events.local);
  const gateway = await startGatewayServer({
    ...options,
    // Loaded only here: @apollo/subgraph weighs ~17 MB that a gateway outside a supergraph does not carry.
    schema: options.subgraph ? (await import('./graphql/subgraph.js')).asSubgraph(schema).schema : schema,
    services,
    webhook: receiver,
    metrics,
    rateLimiter,
    logger,
    upstreamReady: upstreamReadiness(options.api),
    metricsPublic: options.metricsPublic,
  });
  const metricsServer = options.metricsPort === undefined ? undefined : await serveMetrics(metrics, options);
  return {
    gateway,
    events,
    cache,
    metrics,
    webhookUrl: `${gateway.url}${WEBHOOK_PATH}`,
    async close(graceMs = 0) {
      await gateway.drain(graceMs);
      if (metricsServer) await closeServer(metricsServer, true);
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      // Let the unsubscribes that stopping just queued reach the bus before it closes.
      await new Promise((resolve) => setImmediate(resolve));
      await events.close();
    },
  };
}

/**
 * Readiness of the upstream: BeeCloud gave any HTTP answer within the last 30 s. When the
 * gateway is idle, a signed `bills/count` probe (at most one every 10 s) refreshes that.
 */
function upstreamReadiness(api: BeeCloudClient): () => Promise<boolean> {
  let lastProbe = 0;
  const fresh = () => Date.now() - api.lastAnswerAt <= 30_000;
  return async () => {
    if (fresh()) return true;
    if (Date.now() - lastProbe < 10_000) return false;
    lastProbe = Date.now();
    await api.billsCount({}).catch(() => undefined); // any HTTP answer counts, an error too
    return fresh();
  };
}

/** /metrics alone, with no credentials, on a port of its own (METRICS_PORT, keep it private). */
async function serveMetrics(metrics: Metrics, options: AssembleOptions) {
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://metrics').pathname !== '/metrics')
      return void res.writeHead(404).end();
    void metrics.respond(res);
  });
  await listen(server, options.metricsPort!, options.host ?? '127.0.0.1', 'METRICS_PORT');
  return server;
}

/** Runs `handle` for each value of a subscription until stopped. */
function consume<T>(iterable: AsyncIterable<T>, handle: (value: T) => void) {
  const iterator = iterable[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      handle(next.value);
    }
  })();
  return { stop: async () => void (await iterator.return?.()) };
}

export interface RunningGateway extends AssembledGateway {
  /** The embedded sandbox, when no BeeCloud credentials were configured. */
  sandbox?: SandboxServer;
}

/**
 * Starts the gateway as configured: over BeeCloud with credentials, or over an embedded
 * sandbox serving the development app — whose webhooks then point at this gateway, so that
 * paying a bill in the sandbox reaches subscribers with no configuration.
 */
export async function startGateway(
  config: GatewayConfig,
  logger: Logger = createLogger(),
): Promise<RunningGateway> {
  const timeouts = { attemptTimeoutMs: config.attemptTimeoutMs, deadlineMs: config.deadlineMs };
  // Embedded development: a key with every scope, made now, printed once, pre-filled in the explorer.
  const devKey = config.auth.kind === 'dev-key' ? createApiKey('dev', [...SCOPES]) : undefined;
  const common = {
    port: config.port,
    host: config.host,
    corsOrigins: config.corsOrigins,
    maxBodyBytes: config.maxBodyBytes,
    redisUrl: config.redisUrl,
    eventRetention: config.eventRetention,
    dedupFile: config.webhookDedupFile,
    cacheTtlMs: config.cacheTtlMs,
    cacheMaxBytes: config.cacheMaxBytes,
    authenticator: new Authenticator(
      devKey ? { kind: 'enabled', apiKeys: [devKey.entry] } : (config.auth as AuthSettings),
    ),
    introspection: config.introspection,
    trustedDocuments: config.trustedDocumentsFile
      ? TrustedDocuments.fromFile(config.trustedDocumentsFile)
      : undefined,
    explorer: config.explorer
      ? { headers: devKey ? { authorization: `Bearer ${devKey.key}` } : ({} as Record<string, string>) }
      : (false as const),
    demo: config.demo
      ? { headers: devKey ? { authorization: `Bearer ${devKey.key}` } : ({} as Record<string, string>) }
      : (false as const),
    limits: config.limits,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
    compiledExecutor: config.compiledExecutor ? undefined : COMPILED_EXECUTOR_OFF,
    subgraph: config.subgraph,
    metricsPublic: config.metricsPublic,
    metricsPort: config.metricsPort,
    logger,
  };
  if (devKey) logger.info(`Development API key (every scope; the explorer has it): ${devKey.key}`);
  if (config.auth.kind === 'disabled')
    logger.warn('AUTH_DISABLED=true: anyone who reaches this gateway has every scope');
  if (config.upstream.kind === 'beecloud') {
    const api = new BeeCloudClient({
      credentials: config.upstream.credentials,
      baseUrls: config.upstream.baseUrls,
      ...timeouts,
    });
    return assembleGateway({ ...common, api, credentials: config.upstream.credentials });
  }
  // Loaded only here: a gateway over BeeCloud carries no sandbox (nor SQLite) in memory.
  const { startSandbox } = await import('./sandbox/server.js');
  const { devApp } = await import('./sandbox/apps.js');
  const app = devApp();
  const sandbox = await startSandbox({
    port: config.upstream.sandboxPort,
    host: '127.0.0.1',
    apps: [app],
    logger: logger.child({ component: 'sandbox' }),
  });
  const api = new BeeCloudClient({ credentials: DEFAULT_DEV_APP, baseUrls: [sandbox.url], ...timeouts });
  const assembled = await assembleGateway({
    ...common,
    api,
    credentials: DEFAULT_DEV_APP,
    // Over the embedded sandbox the demo offers its pay page and settle actions.
    demo: common.demo && { ...common.demo, sandboxUrl: sandbox.url },
  });
  app.webhookUrl = assembled.webhookUrl;
  // The demo (the gateway's port) opens the sandbox's pages and actions: same host, so same-site.
  sandbox.trustGatewayOn(assembled.gateway.port);
  return {
    ...assembled,
    sandbox,
    async close(graceMs = 0) {
      await assembled.close(graceMs);
      await sandbox.close();
    },
  };
}
