import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { createContext, type GatewayServices } from '../graphql/context.js';
import { gatewayError, withIds, type ErrorIds } from '../graphql/errors.js';
import { logOperation } from '../node-http/access-log.js';
import type { Logger } from '../node-http/logger.js';
import { SpanKind, startSpan, traceIdOf, tracingOn, withSpan, type Span } from '../telemetry/tracing.js';
import { randomUUID } from 'node:crypto';
import { getOperationAST, subscribe } from 'graphql';
import { rateKeyOf } from './admission.js';
import type { Metrics } from './metrics.js';
import {
  describeOperationSpan,
  type OperationPipeline,
  type OperationRequest,
} from './operation-pipeline.js';

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
  /** One line per operation (node-http/access-log.ts's logOperation). */
  logger: Logger;
}

/**
 * One operation on a socket: its own request id (in its log line and its errors), its span
 * when tracing is on, and what its log line says.
 */
interface Operation {
  ids: ErrorIds;
  span?: Span;
  started: number;
  /** Its span ended and its line written (once, whichever hook comes first). */
  settled?: true;
  operation?: string | null;
  operationType?: string;
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
  /** Its operations by graphql-ws id, from subscribe to their end. */
  operations?: Map<string, Operation>;
}
type Extra = SocketState & { request: IncomingMessage; socket: WebSocket };

/** Where an operation rides on its context (set by refuseOrPrepare, read by execute and subscribe). */
const OPERATION = Symbol('operation');
const operationOf = (context: unknown) => (context as { [OPERATION]?: Operation } | undefined)?.[OPERATION];

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

  /** An operation begins: its id, its span (a trace of its own), its place in the socket's map. */
  const begin = (state: Extra, id: string): Operation => {
    const span = tracingOn() ? startSpan('graphql.operation', { kind: SpanKind.SERVER }) : undefined;
    const traceId = traceIdOf(span);
    const operation: Operation = {
      ids: traceId ? { requestId: randomUUID(), traceId } : { requestId: randomUUID() },
      span,
      started: performance.now(),
    };
    (state.operations ??= new Map()).set(id, operation);
    return operation;
  };

  /** An operation's answer is decided (run, subscribed, or refused): its span ends and its line is written. */
  const settle = (operation: Operation | undefined, outcome: string) => {
    if (!operation || operation.settled) return;
    operation.settled = true;
    const ms = Number((performance.now() - operation.started).toFixed(1));
    describeOperationSpan(operation.span, Object.assign({}, operation, { outcome }));
    operation.span?.end();
    logOperation(options.logger, {
      req_id: operation.ids.requestId,
      ...(operation.ids.traceId ? { trace_id: operation.ids.traceId } : {}),
      transport: 'websocket',
      operation: operation.operation ?? null,
      operation_type: operation.operationType ?? null,
      outcome,
      ms,
    });
  };

  /** The socket's caps, then the pipeline: graphql-ws runs what this returns, or sends its errors. */
  const refuseOrPrepare = async (
    state: Extra,
    open: number,
    payload: OperationRequest,
    operation: Operation,
  ) => {
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
    const ran = getOperationAST(prepared.document, payload.operationName);
    operation.operation = payload.operationName ?? ran?.name?.value ?? null;
    operation.operationType = ran?.operation;
    return {
      schema: pipeline.schema,
      document: prepared.document,
      operationName: payload.operationName,
      variableValues: payload.variables ?? {},
      contextValue: Object.assign(createContext(options.services, principal), { [OPERATION]: operation }),
    };
  };

  /** Acknowledged connections, for the gauges. */
  const open = new Set<{ subscriptions: Record<string, unknown> }>();
  const cleanup = useServer<Record<string, unknown>, SocketState>(
    {
      schema: pipeline.schema,
      // In the operation's span: the loaders' batches and upstream calls nest under it.
      execute: (args) => withSpan(operationOf(args.contextValue)?.span, () => pipeline.execute(args)),
      subscribe: (args) => withSpan(operationOf(args.contextValue)?.span, () => subscribe(args)),
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
        ctx.extra.operations?.forEach((operation) => settle(operation, 'CLOSED'));
        open.delete(ctx);
      },
      onSubscribe: (ctx, id, payload) => {
        const operation = begin(ctx.extra, id);
        return withSpan(operation.span, () =>
          refuseOrPrepare(ctx.extra, Object.keys(ctx.subscriptions).length, payload, operation),
        );
      },
      onOperation: (ctx, id, _payload, _args, result) => {
        // A subscription that began is OK; a query's or mutation's outcome is its answer's (onNext).
        if (Symbol.asyncIterator in result) settle(ctx.extra.operations?.get(id), 'OK');
      },
      onError: (ctx, id, _payload, errors) => {
        const operation = ctx.extra.operations?.get(id);
        const formatted = pipeline.formatErrors(errors);
        settle(operation, (formatted[0]?.extensions?.code as string | undefined) ?? 'ERROR');
        // An operation refused before it ran gets no onComplete from graphql-ws: forget it here.
        ctx.extra.operations?.delete(id);
        return operation ? withIds(formatted, operation.ids) : formatted;
      },
      onNext: (ctx, id, _payload, _args, result) => {
        const formatted = pipeline.formatResult(result);
        const operation = ctx.extra.operations?.get(id);
        // As over HTTP: OK, or the first error's code as the client reads it (masked: INTERNAL_SERVER_ERROR).
        settle(operation, (formatted.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK');
        return formatted.errors && operation
          ? Object.assign({}, formatted, { errors: withIds(formatted.errors, operation.ids) })
          : formatted;
      },
      onComplete: (ctx, id) => {
        settle(ctx.extra.operations?.get(id), 'CANCELLED'); // no-op unless the client left before an answer
        ctx.extra.operations?.delete(id);
      },
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
