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
import { errorBody } from '../graphql/errors.js';
import { logAccess, stdoutLog, type LogLine } from '../node-http/access-log.js';
import { closeServer, listen } from '../node-http/listen.js';
import { send, sendJson } from '../node-http/respond.js';
import { applyCors } from './cors.js';
import {
  EXPLORER_CSP,
  EXPLORER_PREFIX,
  explorerAsset,
  wantsExplorer,
  type ExplorerAsset,
} from './explorer.js';
import { createGraphQLHandler } from './graphql-handler.js';
import { serveGraphQLWs } from './graphql-ws-server.js';
import type { Metrics } from './metrics.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits.js';
import type { RateLimiter } from './rate-limiter.js';
import { WEBHOOK_PATH } from './webhook-receiver.js';

export interface GatewayServerOptions {
  schema: GraphQLSchema;
  services: GatewayServices;
  authenticator: Authenticator;
  /** Handles POST /webhooks/beecloud (see webhook-receiver.ts); absent, the path is 404. */
  webhook?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  metrics?: Metrics;
  port?: number;
  host?: string;
  /** Origins allowed to call from a browser (`*` for any). */
  corsOrigins?: readonly string[];
  maxBodyBytes?: number;
  /** Introspection queries; default on (off in production unless asked for). */
  introspection?: boolean;
  /** The explorer at GET /graphql; off when false. `headers` pre-fill its request headers. */
  explorer?: false | { headers?: Record<string, string> };
  /** Any not given take DEFAULT_QUERY_LIMITS. */
  limits?: Partial<QueryLimits>;
  rateLimiter?: RateLimiter;
  /** One line per request (method, path, status, time; never a query string). Default: stdout. */
  log?: LogLine;
}

export interface GatewayServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves /graphql (queries and mutations over HTTP, subscriptions over graphql-ws on the
 * same path, the explorer for browsers), /graphql/explorer/*, /webhooks/beecloud,
 * /healthz and /metrics. Credentials are checked before anything else runs.
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const log = options.log ?? stdoutLog;
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  const graphql = await createGraphQLHandler({
    schema: options.schema,
    context: (principal) => createContext(options.services, principal),
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    introspection: options.introspection ?? true,
    limits,
    rateLimiter: options.rateLimiter,
    log,
  });
  const route = createRouter(options, graphql.handle);
  const server = createServer({ keepAlive: true }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    logAccess(req, res, url.pathname, log);
    route(req, res, url).catch((error: unknown) => {
      log(`unexpected error: ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
      else res.destroy();
    });
  });
  const { url, port } = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const subscriptions = serveGraphQLWs({
    server,
    schema: options.schema,
    services: options.services,
    authenticator: options.authenticator,
    limits,
    introspection: options.introspection ?? true,
    rateLimiter: options.rateLimiter,
    maxPayloadBytes: options.maxBodyBytes ?? 1024 * 1024,
    log,
    credentialsOf: (request) => credentialsOf(request.headers),
  });
  return {
    url,
    port,
    server,
    async close() {
      await subscriptions.close();
      await closeServer(server);
      await graphql.stop();
    },
  };
}

type GraphQLHandle = (
  req: IncomingMessage,
  res: ServerResponse,
  search: string,
  principal: Principal | null,
) => Promise<void>;

/** The HTTP routes; GraphQL itself is `handle` (graphql-handler.ts). */
function createRouter(options: GatewayServerOptions, handle: GraphQLHandle) {
  const origins = new Set(options.corsOrigins ?? []);
  const explorer = options.explorer ?? {};
  return async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/graphql' || url.pathname === '/graphql/') {
      applyCors(req, res, origins);
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      if (req.method === 'GET' && wantsExplorer(req.headers.accept, url.search)) {
        if (explorer === false) return sendJson(res, 404, errorBody('NOT_FOUND', 'the explorer is off'));
        return sendAsset(req, res, explorerAsset('index.html')!);
      }
      if (req.method !== 'GET' && req.method !== 'POST')
        return sendJson(res, 405, errorBody('BAD_REQUEST', 'use GET or POST'));
      let principal: Principal | null;
      try {
        principal = await options.authenticator.authenticate(credentialsOf(req.headers));
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        return sendJson(res, 401, errorBody(error.code, error.message));
      }
      return handle(req, res, url.search, principal);
    }
    if (url.pathname.startsWith(EXPLORER_PREFIX) && req.method === 'GET' && explorer !== false) {
      const name = url.pathname.slice(EXPLORER_PREFIX.length);
      // init.js carries the explorer's headers (the development key): another site's page must
      // not load it as a script and read them. Browsers say where a request comes from.
      const fetchSite = req.headers['sec-fetch-site'];
      if (name === 'init.js' && (fetchSite === 'cross-site' || fetchSite === 'same-site'))
        return sendJson(res, 403, errorBody('FORBIDDEN', 'the explorer is served to its own page only'));
      const asset = name === 'init.js' ? explorerAsset('init.js', explorer.headers) : explorerAsset(name);
      if (asset) return sendAsset(req, res, asset);
    }
    if (url.pathname === WEBHOOK_PATH && options.webhook) return options.webhook(req, res);
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end(); // browsers ask; nothing to show
    if (url.pathname === '/metrics' && options.metrics) {
      return send(res, 200, 'text/plain; version=0.0.4', options.metrics.render());
    }
    sendJson(res, 404, errorBody('NOT_FOUND', `no such path: ${url.pathname}`));
  };
}

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
    'content-security-policy': EXPLORER_CSP,
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
