import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { createContext, type GatewayServices } from '../graphql/context.js';
import { gatewayError } from '../graphql/errors.js';
import { rateKeyOf } from './admission.js';
import type { Metrics } from './metrics.js';
import type { OperationPipeline, OperationRequest } from './operation-pipeline.js';

export interface GraphQLWsOptions {
  server: Server;
  pipeline: OperationPipeline;
  services: GatewayServices;
  authenticator: Authenticator;
  maxPayloadBytes: number;
  metrics?: Metrics;
  /** The credentials of the upgrade request, when connectionParams carry none. */
  credentialsOf: (request: IncomingMessage) => { authorization?: string; apiKey?: string };
  /** The rate-limit bucket of the upgrade request's client (node-http/client-address.ts). */
  clientBucketOf: (request: IncomingMessage) => string;
}

/** What one socket carries between its messages (graphql-ws adds `request` and `socket`). */
interface SocketState {
  [key: PropertyKey]: unknown;
  principal?: Principal | null;
  /** The rate budget its operations spend (admission.ts's rateKeyOf), fixed when it connects. */
  rateKey?: string;
  /** Start of the current one-second window, and operations started in it. */
  windowStartedAt?: number;
  startedInWindow?: number;
  expiry?: NodeJS.Timeout;
}
type Extra = SocketState & { request: IncomingMessage; socket: WebSocket };

/** Close codes: 4401 when the credential the socket was opened with expires. */
const TOKEN_EXPIRED = 4401;

/**
 * graphql-ws (the graphql-transport-ws protocol) on the HTTP server's port and /graphql path:
 * the WebSocket framing of the operation pipeline (operation-pipeline.ts), which finds,
 * parses, validates, admits, executes and formats every operation as it does over HTTP. What
 * is the socket's own is here: it is authorised once, from its connectionParams (or the
 * upgrade request's headers), closes with 4401 when that credential expires, and caps the
 * operations open at once (WS_MAX_SUBSCRIPTIONS) and started per second
 * (WS_MAX_OPERATIONS_PER_SECOND).
 */
export function serveGraphQLWs(options: GraphQLWsOptions) {
  const { pipeline } = options;
  const { limits } = pipeline;
  const wsServer = new WebSocketServer({
    server: options.server,
    path: '/graphql',
    maxPayload: options.maxPayloadBytes,
  });
  const onRateLimited = () => options.metrics?.rateLimited.inc({ transport: 'websocket' });

  /** The socket's caps, then the pipeline: graphql-ws runs what this returns, or sends its errors. */
  const refuseOrPrepare = async (state: Extra, open: number, payload: OperationRequest) => {
    const now = Date.now();
    if (now - (state.windowStartedAt ?? 0) >= 1000) {
      state.windowStartedAt = now;
      state.startedInWindow = 0;
    }
    state.startedInWindow = (state.startedInWindow ?? 0) + 1;
    if (state.startedInWindow > limits.wsMaxOperationsPerSecond) {
      onRateLimited();
      return [
        gatewayError(
          'RATE_LIMITED',
          `this connection started more than ${limits.wsMaxOperationsPerSecond} operations in a second (WS_MAX_OPERATIONS_PER_SECOND)`,
        ),
      ];
    }
    if (open > limits.wsMaxSubscriptions) {
      return [
        gatewayError(
          'TOO_MANY_SUBSCRIPTIONS',
          `this connection has ${limits.wsMaxSubscriptions} operations open, the most it may (WS_MAX_SUBSCRIPTIONS)`,
        ),
      ];
    }
    const principal = state.principal ?? null;
    const prepared = await pipeline.prepare(payload, {
      principal,
      rateKey: state.rateKey!,
      onRateLimited,
    });
    if (!('document' in prepared)) return [...prepared];
    return {
      schema: pipeline.schema,
      document: prepared.document,
      operationName: payload.operationName,
      variableValues: payload.variables ?? {},
      contextValue: createContext(options.services, principal),
    };
  };

  /** Acknowledged connections, for the gauges. */
  const open = new Set<{ subscriptions: Record<string, unknown> }>();
  const cleanup = useServer<Record<string, unknown>, SocketState>(
    {
      schema: pipeline.schema,
      execute: (args) => pipeline.execute(args),
      onConnect: async (ctx) => {
        const state = ctx.extra;
        const params = ctx.connectionParams ?? {};
        const fromRequest = options.credentialsOf(state.request);
        try {
          state.principal = await options.authenticator.authenticate({
            authorization:
              typeof params.authorization === 'string' ? params.authorization : fromRequest.authorization,
            apiKey: typeof params.apiKey === 'string' ? params.apiKey : fromRequest.apiKey,
          });
        } catch {
          return false; // invalid credentials: closed with 4403 Forbidden
        }
        if (!state.principal) return false; // no credentials: closed too
        state.rateKey = rateKeyOf(state.principal, options.clientBucketOf(state.request));
        open.add(ctx);
        const expiresAt = state.principal.expiresAt;
        if (expiresAt !== undefined) {
          state.expiry = setTimeout(
            () => state.socket.close(TOKEN_EXPIRED, 'Unauthorized: the token expired'),
            Math.max(0, expiresAt - Date.now()),
          );
        }
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
        open.delete(ctx);
      },
      onSubscribe: (ctx, _id, payload) =>
        refuseOrPrepare(ctx.extra, Object.keys(ctx.subscriptions).length, payload),
      onError: (_ctx, _id, _payload, errors) => pipeline.formatErrors(errors),
      onNext: (_ctx, _id, _payload, _args, result) => pipeline.formatResult(result),
    },
    wsServer,
  );
  return {
    stats: () => ({
      sockets: wsServer.clients.size,
      operations: [...open].reduce((sum, ctx) => sum + Object.keys(ctx.subscriptions).length, 0),
    }),
    /** Closes every socket with `code` (1001 when draining: clients reconnect elsewhere). */
    async close(code = 1001) {
      wsServer.clients.forEach((client) => client.close(code, 'the gateway is shutting down'));
      await cleanup.dispose();
      wsServer.clients.forEach((client) => client.terminate());
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
