import { trustedText, type DocumentRequest, type TrustedDocuments } from '../graphql/trusted-documents.js';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { createContext, type GatewayServices } from '../graphql/context.js';
import { gatewayError, publicErrors, publicResult } from '../graphql/errors.js';
import type { Logger } from '../node-http/logger.js';
import type { Metrics } from './metrics.js';
import {
  admitOperation,
  chargeRefusal,
  rateKeyOf,
  type AdmissionInput,
  type RateBudget,
} from './admission.js';
import { armorFor } from './graphql-handler.js';
import type { QueryLimits } from './query-limits.js';
import type { RateLimiter } from './rate-limiter.js';

export interface GraphQLWsOptions {
  server: Server;
  schema: GraphQLSchema;
  services: GatewayServices;
  authenticator: Authenticator;
  limits: QueryLimits;
  introspection: boolean;
  rateLimiter?: RateLimiter;
  maxPayloadBytes: number;
  logger: Logger;
  metrics?: Metrics;
  /** PERSISTED_OPERATIONS_ONLY: the only documents served. */
  trustedDocuments?: TrustedDocuments;
  /** The credentials of the upgrade request, when connectionParams carry none. */
  credentialsOf: (request: IncomingMessage) => { authorization?: string; apiKey?: string };
  /** The rate-limit bucket of the upgrade request's client (node-http/client-address.ts). */
  clientBucketOf: (request: IncomingMessage) => string;
  /** Told of every admission decided (admission.ts). */
  onAdmission?: AdmissionInput['onAdmission'];
}

/** What one socket carries between its messages (graphql-ws adds `request` and `socket`). */
interface SocketState {
  [key: PropertyKey]: unknown;
  principal?: Principal | null;
  /** Start of the current one-second window, and operations started in it. */
  windowStartedAt?: number;
  startedInWindow?: number;
  expiry?: NodeJS.Timeout;
}
type Extra = SocketState & { request: IncomingMessage; socket: WebSocket };

/** Close codes: 4401 when the credential the socket was opened with expires. */
const TOKEN_EXPIRED = 4401;

/**
 * graphql-ws (the graphql-transport-ws protocol) on the HTTP server's port and /graphql path,
 * held to what HTTP is held to: a socket is authorised once, from its connectionParams (or the
 * upgrade request's headers), and closes with 4401 when that credential expires; every
 * operation is parsed with the token limit, validated with the same rules (armor's depth and
 * aliases, and no introspection when HTTP has none), admitted like an HTTP one (scopes, cost,
 * upstream calls, the caller's rate budget: admission.ts), and counted against the socket's
 * own caps — operations open at once (WS_MAX_SUBSCRIPTIONS) and started per second
 * (WS_MAX_OPERATIONS_PER_SECOND). Every error leaves through the same publicError.
 */
export function serveGraphQLWs(options: GraphQLWsOptions) {
  const { limits, logger } = options;
  const wsServer = new WebSocketServer({
    server: options.server,
    path: '/graphql',
    maxPayload: options.maxPayloadBytes,
  });
  const rules = [
    ...specifiedRules,
    ...(armorFor(limits).validationRules as ValidationRule[]),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const logUnexpected = (error: unknown) => logger.error({ err: error }, 'unexpected error');

  const refuseOrAdmit = async (
    state: Extra,
    open: number,
    payload: {
      query: string;
      operationName?: string | null;
      variables?: Record<string, unknown> | null;
      extensions?: Record<string, unknown> | null;
    },
  ) => {
    const now = Date.now();
    if (now - (state.windowStartedAt ?? 0) >= 1000) {
      state.windowStartedAt = now;
      state.startedInWindow = 0;
    }
    state.startedInWindow = (state.startedInWindow ?? 0) + 1;
    if (state.startedInWindow > limits.wsMaxOperationsPerSecond) {
      options.metrics?.rateLimited.inc({ transport: 'websocket' });
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
    const budget: RateBudget = {
      rateLimiter: options.rateLimiter,
      rateKey: rateKeyOf(principal, options.clientBucketOf(state.request)),
      onRateLimited: () => options.metrics?.rateLimited.inc({ transport: 'websocket' }),
    };
    let query = payload.query;
    if (options.trustedDocuments) {
      const trusted = trustedText(options.trustedDocuments, payload as DocumentRequest);
      if ('refused' in trusted) return [gatewayError('OPERATION_NOT_TRUSTED', trusted.refused)];
      query = trusted.text;
    }
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch (error) {
      return [
        (await chargeRefusal(budget, 1)) ??
          gatewayError('GRAPHQL_PARSE_FAILED', (error as GraphQLError).message),
      ];
    }
    const invalid = validate(options.schema, document, rules);
    if (invalid.length) {
      const limited = await chargeRefusal(budget, 1);
      if (limited) return [limited];
      // Tagged as Apollo tags them over HTTP, so that publicError lets them through.
      return invalid.map(
        (error) =>
          // No "Did you mean …?": suggestions map the schema for a caller (armor strips them over HTTP).
          new GraphQLError(error.message.replace(/ Did you mean .*\?$/, ''), {
            nodes: error.nodes,
            extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
      );
    }
    const variables = payload.variables ?? {};
    try {
      await admitOperation({
        ...budget,
        schema: options.schema,
        document,
        operationName: payload.operationName,
        variables,
        principal,
        limits,
        onAdmission: options.onAdmission,
      });
    } catch (error) {
      return [error as GraphQLError];
    }
    return {
      schema: options.schema,
      document,
      operationName: payload.operationName,
      variableValues: variables,
      contextValue: createContext(options.services, principal),
    };
  };

  /** Acknowledged connections, for the gauges. */
  const open = new Set<{ subscriptions: Record<string, unknown> }>();
  const cleanup = useServer<Record<string, unknown>, SocketState>(
    {
      schema: options.schema,
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
        refuseOrAdmit(ctx.extra, Object.keys(ctx.subscriptions).length, payload),
      onError: (_ctx, _id, _payload, errors) => publicErrors(errors, logUnexpected),
      onNext: (_ctx, _id, _payload, _args, result) => publicResult(result, logUnexpected),
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
