import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
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
import { createGraphQLHandler, sendJson } from './graphql-handler.js';
import { WEBHOOK_PATH } from './webhook-receiver.js';

export interface GatewayServerOptions {
  schema: GraphQLSchema;
  services: GatewayServices;
  /** Handles POST /webhooks/beecloud (see webhook-receiver.ts); absent, the path is 404. */
  webhook?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  metrics?: Metrics;
  port?: number;
  host?: string;
  /** Origins allowed to call from a browser (`*` for any). */
  corsOrigins?: readonly string[];
  maxBodyBytes?: number;
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
 * /healthz and /metrics.
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const origins = new Set(options.corsOrigins ?? []);
  const graphql = await createGraphQLHandler({
    schema: options.schema,
    context: () => createContext(options.services),
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    log,
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
      if (req.method === 'GET' && wantsExplorer(req.headers.accept, url.search))
        return sendAsset(req, res, explorerAsset('index.html')!);
      if (req.method !== 'GET' && req.method !== 'POST') {
        return sendJson(res, 405, {
          errors: [{ message: 'use GET or POST', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
      return graphql.handle(req, res, url.search);
    }
    if (url.pathname.startsWith(EXPLORER_PREFIX) && req.method === 'GET') {
      const asset = explorerAsset(url.pathname.slice(EXPLORER_PREFIX.length));
      if (asset) return sendAsset(req, res, asset);
    }
    if (url.pathname === WEBHOOK_PATH && options.webhook) return options.webhook(req, res);
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/metrics' && options.metrics) {
      return void res
        .writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
        .end(options.metrics.render());
    }
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end(); // browsers ask; nothing to show
    sendJson(res, 404, {
      errors: [{ message: `no such path: ${url.pathname}`, extensions: { code: 'NOT_FOUND' } }],
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  // graphql-ws (the graphql-transport-ws protocol) shares the HTTP port and the /graphql path.
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const wsCleanup = useServer(
    { schema: options.schema, context: () => createContext(options.services) },
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
    'cache-control': asset.type.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    vary: 'accept-encoding',
  });
  res.end(body);
}
