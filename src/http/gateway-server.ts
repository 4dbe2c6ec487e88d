import { fromAnotherSite } from '../node-http/fetch-site.js';
import { DEMO_PATH, demoAsset } from './demo.js';
import type { TrustedDocuments } from '../graphql/trusted-documents.js';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { AuthError } from '../auth/auth-error.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { createContext, type GatewayServices } from '../graphql/context.js';
import { errorBody, type ErrorIds } from '../graphql/errors.js';
import { startServerSpan, traceIdOf, withSpan } from '../telemetry/tracing.js';
import { logAccess, type AccessDetail } from '../node-http/access-log.js';
import { createLogger, type Logger } from '../node-http/logger.js';
import { listen } from '../node-http/listen.js';
import { addressBucket, clientAddress, trustedProxies } from '../node-http/client-address.js';
import type { AdmissionInput } from './admission.js';
import { sendJson } from '../node-http/respond.js';
import { applyCors } from './cors.js';
import {
  EXPLORER_CSP,
  EXPLORER_PREFIX,
  explorerAsset,
  wantsExplorer,
  type ExplorerAsset,
} from './explorer.js';
import type { CompiledExecutorOptions } from '../graphql/compiled-executor.js';
import { createGraphQLHandler, type RequestInfo } from './graphql-handler.js';
import { serveGraphQLWs } from './graphql-ws-server.js';
import { OperationPipeline } from './operation-pipeline.js';
import type { Metrics } from './metrics.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits.js';
import type { RateLimiter } from './rate-limiter.js';
import { WEBHOOK_PATH } from './webhook-receiver.js';

export interface GatewayServerOptions {
  schema: GraphQLSchema;
  /** When hot queries are compiled (graphql/compiled-executor.ts); tests make it compile sooner. */
  compiledExecutor?: CompiledExecutorOptions;
  services: GatewayServices;
  authenticator: Authenticator;
  /** Handles POST /webhooks/beecloud (see webhook-receiver.ts); absent, the path is 404. */
  webhook?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  metrics?: Metrics;
  /** /metrics without credentials (behind a private network, or on METRICS_PORT); default: needs metrics:read. */
  metricsPublic?: boolean;
  /** Whether the upstream answered lately (see readiness.ts); /readyz is 503 when not. Absent: ready. */
  upstreamReady?: () => Promise<boolean>;
  port?: number;
  host?: string;
  /** Origins allowed to call from a browser (`*` for any). */
  corsOrigins?: readonly string[];
  maxBodyBytes?: number;
  /** Introspection queries; default on (off in production unless asked for). */
  introspection?: boolean;
  /** The explorer at GET /graphql; off when false. `headers` pre-fill its request headers. */
  explorer?: false | { headers?: Record<string, string> };
  /**
   * The checkout demo at GET /demo; off when false. `headers` go with its requests (the
   * development key); `sandboxUrl`, over the embedded sandbox only, lets it offer the sandbox's
   * pay page and settle actions.
   */
  demo?: false | { headers?: Record<string, string>; sandboxUrl?: string };
  /** Any not given take DEFAULT_QUERY_LIMITS. */
  limits?: Partial<QueryLimits>;
  /** PERSISTED_OPERATIONS_ONLY: the only documents served, over HTTP and WebSocket alike. */
  trustedDocuments?: TrustedDocuments;
  rateLimiter?: RateLimiter;
  /**
   * TRUST_PROXY: proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client. An
   * anonymous caller's rate budget is its address's, so only these may say what it is.
   */
  trustProxy?: readonly string[];
  /** Told of every admission decided (http/admission.ts): tests count its work with it. */
  onAdmission?: AdmissionInput['onAdmission'];
  /** JSON lines: one per request (id, path, status, time, the GraphQL operation; never a query string), and errors. */
  logger?: Logger;
}

export interface GatewayServer {
  url: string;
  port: number;
  server: Server;
  /**
   * Stops taking work and lets what is in flight finish: new connections are refused, /readyz
   * answers 503, requests in flight get their answers (up to `graceMs`), WebSockets are closed
   * with 1001 (going away). Resolves when everything is closed.
   */
  drain(graceMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves /graphql (queries and mutations over HTTP, subscriptions over graphql-ws on the
 * same path, the explorer for browsers), /graphql/explorer/*, /webhooks/beecloud,
 * /healthz, /readyz and /metrics. Credentials are checked before anything else runs.
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const logger = options.logger ?? createLogger();
  const limits: QueryLimits = Object.assign({}, DEFAULT_QUERY_LIMITS, options.limits);
  const proxies = options.trustProxy?.length ? trustedProxies(options.trustProxy) : undefined;
  const clientBucketOf = (req: IncomingMessage) => addressBucket(clientAddress(req, proxies));
  // One pipeline for every transport: HTTP (Apollo) and WebSocket (graphql-ws) frame it.
  const pipeline = new OperationPipeline({
    schema: options.schema,
    limits,
    introspection: options.introspection ?? true,
    rateLimiter: options.rateLimiter,
    trustedDocuments: options.trustedDocuments,
    compiledExecutor: options.compiledExecutor,
    logger,
    onAdmission: options.onAdmission,
  });
  const graphql = await createGraphQLHandler({
    pipeline,
    context: (principal) => createContext(options.services, principal),
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    metrics: options.metrics,
    clientBucketOf,
  });
  const state = { draining: false, inFlight: 0 };
  const route = createRouter(options, graphql.handle, state);
  const server = createServer({ keepAlive: true }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const info: RequestInfo = {};
    const started = performance.now();
    state.inFlight++;
    res.on('close', () => state.inFlight--);
    // While draining, keep-alive connections are told to close after this answer.
    if (state.draining) res.setHeader('connection', 'close');
    // One span per request when tracing is on, continuing the caller's `traceparent`.
    const span = startServerSpan(req, res, () => routeOf(url.pathname));
    const traceId = traceIdOf(span);
    const requestId = logAccess(req, res, url.pathname, logger, () => {
      // Built field by field: see "Hidden classes per request" in BENCHMARKS.md.
      const detail: AccessDetail = {};
      if (traceId) detail.trace_id = traceId;
      if (info.operationType) {
        detail.operation = info.operation ?? null;
        detail.operation_type = info.operationType;
        detail.upstream_calls = info.upstreamCalls ?? 0;
      }
      if (info.outcome) detail.outcome = info.outcome;
      return detail;
    });
    const ids: ErrorIds = traceId ? { requestId, traceId } : { requestId };
    res.on('finish', () => {
      if (!info.operationType || !options.metrics) return;
      options.metrics.graphqlRequests.inc({
        operation: options.metrics.operationLabel(info.operation),
        outcome: info.outcome ?? 'OK',
      });
      options.metrics.graphqlDuration.observe(
        { operation_type: info.operationType },
        (performance.now() - started) / 1000,
      );
    });
    withSpan(span, () => route(req, res, url, info, ids)).catch((error: unknown) => {
      logger.error({ err: error, req_id: requestId }, 'unexpected error');
      if (!res.headersSent)
        sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error', ids));
      else res.destroy();
    });
  });
  const { url, port } = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const subscriptions = serveGraphQLWs({
    server,
    pipeline,
    services: options.services,
    authenticator: options.authenticator,
    maxPayloadBytes: options.maxBodyBytes ?? 1024 * 1024,
    metrics: options.metrics,
    credentialsOf: (request) => credentialsOf(request.headers),
    clientBucketOf,
    logger,
  });
  options.metrics?.trackSockets(subscriptions.stats);
  let closing: Promise<void> | undefined;
  const shut = (graceMs: number) =>
    (closing ??= (async () => {
      state.draining = true;
      // No new connections. Open keep-alive ones stay until the wait is over, so that a load
      // balancer probing over one sees /readyz 503; every answer now says `connection: close`.
      // (Since Node 19, close() also drops idle connections at once; that step is held back.)
      const closeIdle = server.closeIdleConnections;
      server.closeIdleConnections = () => undefined;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections = closeIdle;
      await subscriptions.close(1001);
      const deadline = Date.now() + graceMs;
      while (state.inFlight > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      server.closeAllConnections(); // past the grace period, or idle keep-alive ones left
      await closed;
      await graphql.stop();
    })());
  return { url, port, server, drain: shut, close: () => shut(0) };
}

type GraphQLHandle = (
  req: IncomingMessage,
  res: ServerResponse,
  search: string,
  principal: Principal | null,
  info: RequestInfo,
  ids: ErrorIds,
) => Promise<void>;

/** The HTTP routes; GraphQL itself is `handle` (graphql-handler.ts). */
function createRouter(options: GatewayServerOptions, handle: GraphQLHandle, state: { draining: boolean }) {
  const origins = new Set(options.corsOrigins ?? []);
  const explorer = options.explorer ?? {};
  const demo = options.demo ?? {};
  /** The caller's principal, or a 401 already sent (with `WWW-Authenticate: Bearer`). */
  const principalOf = async (
    req: IncomingMessage,
    res: ServerResponse,
    ids: ErrorIds,
  ): Promise<Principal | null | 'refused'> => {
    try {
      return await options.authenticator.authenticate(credentialsOf(req.headers));
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      res.setHeader('www-authenticate', 'Bearer');
      sendJson(res, 401, errorBody(error.code, error.message, ids));
      return 'refused';
    }
  };
  return async function route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    info: RequestInfo,
    ids: ErrorIds,
  ): Promise<void> {
    if (url.pathname === '/graphql' || url.pathname === '/graphql/') {
      applyCors(req, res, origins);
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      if (req.method === 'GET' && wantsExplorer(req.headers.accept, url.search)) {
        if (explorer === false) return sendJson(res, 404, errorBody('NOT_FOUND', 'the explorer is off', ids));
        return sendAsset(req, res, explorerAsset('index.html')!);
      }
      if (req.method !== 'GET' && req.method !== 'POST')
        return sendJson(res, 405, errorBody('BAD_REQUEST', 'use GET or POST', ids));
      const principal = await principalOf(req, res, ids);
      if (principal === 'refused') return;
      return handle(req, res, url.search, principal, info, ids);
    }
    if (url.pathname.startsWith(EXPLORER_PREFIX) && req.method === 'GET' && explorer !== false) {
      const name = url.pathname.slice(EXPLORER_PREFIX.length);
      // init.js carries the explorer's headers (the development key): another site's page must
      // not load it as a script and read them.
      if (name === 'init.js' && fromAnotherSite(req))
        return sendJson(res, 403, errorBody('FORBIDDEN', 'the explorer is served to its own page only', ids));
      const asset = name === 'init.js' ? explorerAsset('init.js', explorer.headers) : explorerAsset(name);
      if (asset) return sendAsset(req, res, asset);
    }
    if ((url.pathname === DEMO_PATH || url.pathname.startsWith(`${DEMO_PATH}/`)) && req.method === 'GET') {
      if (demo === false)
        return sendJson(res, 404, errorBody('NOT_FOUND', 'the demo is off (DEMO=true turns it on)', ids));
      const name = url.pathname.slice(DEMO_PATH.length + 1);
      // The page carries the demo's headers (the development key): like the explorer's init.js,
      // it is for this site's own tabs only.
      if (name === '' && fromAnotherSite(req))
        return sendJson(res, 403, errorBody('FORBIDDEN', 'the demo is served to its own tab only', ids));
      const found = demoAsset(name, demo.headers, demo.sandboxUrl);
      if (found) return sendAsset(req, res, found);
      if (name === 'checkout.js')
        return sendJson(
          res,
          404,
          errorBody('NOT_FOUND', 'the demo script is not built: run npm run build', ids),
        );
    }
    if (url.pathname === WEBHOOK_PATH && options.webhook) return options.webhook(req, res);
    // Liveness: the process answers. Readiness: not draining, and BeeCloud answered lately.
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      if (state.draining) return sendJson(res, 503, { status: 'draining' });
      const upstream = options.upstreamReady ? await options.upstreamReady() : true;
      return sendJson(res, upstream ? 200 : 503, { status: upstream ? 'ready' : 'upstream unreachable' });
    }
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end(); // browsers ask; nothing to show
    if (url.pathname === '/metrics' && options.metrics) {
      if (!options.metricsPublic) {
        const principal = await principalOf(req, res, ids);
        if (principal === 'refused') return;
        if (!principal) {
          res.setHeader('www-authenticate', 'Bearer');
          return sendJson(
            res,
            401,
            errorBody('UNAUTHENTICATED', 'metrics need a key with the scope metrics:read', ids),
          );
        }
        if (!principal.scopes.has('metrics:read'))
          return sendJson(res, 403, errorBody('FORBIDDEN', 'metrics need the scope metrics:read', ids));
      }
      return options.metrics.respond(res);
    }
    sendJson(res, 404, errorBody('NOT_FOUND', `no such path: ${url.pathname}`, ids));
  };
}

/** The route a span is named after: a known path, never a caller's arbitrary one. */
const ROUTES = new Set(['/graphql', WEBHOOK_PATH, '/healthz', '/readyz', '/metrics', DEMO_PATH]);
const routeOf = (pathname: string) =>
  ROUTES.has(pathname)
    ? pathname
    : pathname.startsWith(EXPLORER_PREFIX)
      ? `${EXPLORER_PREFIX}*`
      : pathname.startsWith(`${DEMO_PATH}/`)
        ? `${DEMO_PATH}/*`
        : pathname === '/graphql/'
          ? '/graphql'
          : 'other';

/** A request's credentials: `Authorization` (a bearer key or JWT) or `X-API-Key`. */
function credentialsOf(headers: IncomingHttpHeaders) {
  const apiKey = headers['x-api-key'];
  return { authorization: headers.authorization, apiKey: typeof apiKey === 'string' ? apiKey : undefined };
}

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: ExplorerAsset): void {
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzip ? asset.gzipped : asset.body;
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': body.length,
    'content-security-policy': asset.csp ?? EXPLORER_CSP,
    'x-content-type-options': 'nosniff',
    // No other origin may embed these (a cross-site <script> of init.js would read its headers).
    'cross-origin-resource-policy': 'same-origin',
    'cache-control':
      asset.type.startsWith('text/html') || asset.type.includes('javascript')
        ? 'no-cache'
        : 'public, max-age=3600',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    vary: 'accept-encoding',
  });
  res.end(body);
}
