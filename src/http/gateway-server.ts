import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  parse,
  specifiedRules,
  validate,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import { checkOperationScopes } from '../auth/operation-scopes.js';
import type { Principal } from '../auth/principal.js';
import type { Metrics } from '../events/metrics.js';
import { createContext, type GatewayServices } from '../graphql/context.js';
import { applyCors } from './cors.js';
import {
  EXPLORER_CSP,
  EXPLORER_PREFIX,
  explorerAsset,
  wantsExplorer,
  type ExplorerAsset,
} from './explorer.js';
import { DEFAULT_QUERY_LIMITS, armorFor, createGraphQLHandler, type QueryLimits } from './graphql-handler.js';
import type { RateLimiter } from './rate-limiter.js';
import { sendJson } from './respond.js';
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
  limits?: QueryLimits;
  rateLimiter?: RateLimiter;
  /** One line per request (method, path, status, time; never a query string). Default: stdout. */
  log?: (line: string) => void;
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
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const origins = new Set(options.corsOrigins ?? []);
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  const explorer = options.explorer ?? {};
  const graphql = await createGraphQLHandler({
    schema: options.schema,
    context: (principal) => createContext(options.services, principal),
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    introspection: options.introspection ?? true,
    limits,
    rateLimiter: options.rateLimiter,
    log,
  });
  const authenticate = (req: IncomingMessage) =>
    options.authenticator.authenticate({
      authorization: req.headers.authorization,
      apiKey: typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined,
    });

  const server = createServer({ keepAlive: true }, (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://gateway');
    res.on('finish', () =>
      log(
        `${new Date().toISOString()} ${req.method} ${url.pathname} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`,
      ),
    );
    route(req, res, url).catch((error: unknown) => {
      log(`unexpected error: ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/graphql' || url.pathname === '/graphql/') {
      applyCors(req, res, origins);
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      if (req.method === 'GET' && wantsExplorer(req.headers.accept, url.search)) {
        if (explorer === false)
          return sendJson(res, 404, {
            errors: [{ message: 'the explorer is off', extensions: { code: 'NOT_FOUND' } }],
          });
        return sendAsset(req, res, explorerAsset('index.html')!);
      }
      if (req.method !== 'GET' && req.method !== 'POST') {
        return sendJson(res, 405, {
          errors: [{ message: 'use GET or POST', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
      let principal: Principal | null;
      try {
        principal = await authenticate(req);
      } catch (error) {
        const { message, extensions } = error as { message: string; extensions: object };
        return sendJson(res, 401, { errors: [{ message, extensions }] });
      }
      return graphql.handle(req, res, url.search, principal);
    }
    if (url.pathname.startsWith(EXPLORER_PREFIX) && req.method === 'GET' && explorer !== false) {
      const name = url.pathname.slice(EXPLORER_PREFIX.length);
      const asset = name === 'init.js' ? explorerAsset('init.js', explorer.headers) : explorerAsset(name);
      if (asset) return sendAsset(req, res, asset);
    }
    if (url.pathname === WEBHOOK_PATH && options.webhook) return options.webhook(req, res);
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end(); // browsers ask; nothing to show
    if (url.pathname === '/metrics' && options.metrics) {
      return void res
        .writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
        .end(options.metrics.render());
    }
    sendJson(res, 404, {
      errors: [{ message: `no such path: ${url.pathname}`, extensions: { code: 'NOT_FOUND' } }],
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });

  // graphql-ws (the graphql-transport-ws protocol) shares the HTTP port and the /graphql path.
  // A connection is authorised once, from its connectionParams (or the upgrade request's
  // headers); subscriptions then need their scopes like queries. The same armor rules apply.
  const wsServer = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: options.maxBodyBytes ?? 1024 * 1024,
  });
  const rules = [...specifiedRules, ...(armorFor(limits).validationRules as ValidationRule[])];
  type Extra = { principal?: Principal | null; request: IncomingMessage };
  const wsCleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: options.schema,
      validate: (schema, document) => validate(schema, document, rules),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        try {
          ctx.extra.principal = await options.authenticator.authenticate({
            authorization:
              typeof params.authorization === 'string'
                ? params.authorization
                : ctx.extra.request.headers.authorization,
            apiKey: typeof params.apiKey === 'string' ? params.apiKey : undefined,
          });
        } catch {
          return false; // invalid credentials: closed with 4403 Forbidden
        }
        return ctx.extra.principal !== null; // no credentials: closed too
      },
      onSubscribe: (ctx, _id, payload) => {
        try {
          checkOperationScopes(
            options.schema,
            parse(payload.query, { maxTokens: limits.maxTokens }),
            ctx.extra.principal ?? null,
          );
        } catch (error) {
          return [error as GraphQLError];
        }
        return undefined;
      },
      context: (ctx) => createContext(options.services, ctx.extra.principal ?? null),
    },
    wsServer,
  );
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    async close() {
      await wsCleanup.dispose();
      wsServer.clients.forEach((client) => client.terminate());
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await graphql.stop();
    },
  };
}

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: ExplorerAsset): void {
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzip ? asset.gzipped : asset.body;
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': body.length,
    'content-security-policy': EXPLORER_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control':
      asset.type.startsWith('text/html') || asset.type.includes('javascript')
        ? 'no-cache'
        : 'public, max-age=3600',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    vary: 'accept-encoding',
  });
  res.end(body);
}
