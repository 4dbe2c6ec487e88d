import {
  ApolloServer,
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLResponse,
  type HTTPGraphQLResponse,
} from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal.js';
import type { GatewayContext } from '../graphql/context.js';
import { errorBody, requestError, withIds, type ErrorIds } from '../graphql/errors.js';
import { traced } from '../telemetry/tracing.js';
import { BodyTooLargeError, readBody } from '../node-http/read-body.js';
import { sendJson } from '../node-http/respond.js';
import { rateKeyOf, type Admission } from './admission.js';
import { writeResponse } from './graphql-response.js';
import type { Metrics } from './metrics.js';
import {
  describeOperationSpan,
  type Caller,
  type Found,
  type OperationPipeline,
  type OperationRequest,
} from './operation-pipeline.js';

export interface GraphQLHandlerOptions {
  pipeline: OperationPipeline;
  context: (principal: Principal | null) => GatewayContext;
  maxBodyBytes: number;
  metrics?: Metrics;
  /** The rate-limit bucket of an anonymous request's client (node-http/client-address.ts). */
  clientBucketOf: (req: IncomingMessage) => string;
}

/** What the access log and the metrics learn of one GraphQL request as it runs. */
export interface RequestInfo {
  operation?: string | null;
  operationType?: string;
  /** Real upstream calls the operation made (after the cache and DataLoaders). */
  upstreamCalls?: number;
  /** OK, or the first error's code. */
  outcome?: string;
  /** The predicted cost, once admitted. */
  cost?: number;
}

/**
 * GraphQL over HTTP: Apollo Server 5 on plain node:http, framing the operation pipeline
 * (operation-pipeline.ts). Apollo reads the request (GET or POST, CSRF prevention on, no
 * batching), parses and validates with the pipeline's options and rules into the pipeline's
 * document store, calls back into the pipeline from a plugin (admission, then the pipeline's
 * executor in place of Apollo's), and formats every error with the pipeline's formatter. The text of a request is
 * found by the pipeline first (trusted documents, persisted queries), so Apollo's own
 * persisted-query handling is off.
 */
export async function createGraphQLHandler(options: GraphQLHandlerOptions) {
  const { pipeline } = options;
  options.metrics?.trackCompiledQueries(() => pipeline.executor.compiledCount);
  const apollo = new ApolloServer<GatewayContext>({
    schema: pipeline.schema,
    documentStore: unprefixed(pipeline.documents),
    csrfPrevention: true,
    // The process's signals are ours (main.ts drains, then exits 0); Apollo's own handler would
    // stop it and re-raise the signal, cutting requests in flight.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // The pipeline's validation rules refuse introspection when it is off, naming INTROSPECTION.
    introspection: true,
    persistedQueries: false,
    parseOptions: pipeline.parseOptions,
    validationRules: pipeline.validationRules,
    // No CDN landing page (the explorer is ours); no cache-control hints (nothing here is cacheable
    // by a CDN). No inline traces outside a supergraph: Apollo's default plugin for them serves a
    // subgraph only, yet it loads its protobuf code anyway (~0.7 MB the heap keeps for good).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(pipeline.schema.getType('_Service') ? [] : [ApolloServerPluginInlineTraceDisabled()]),
      pipelinePlugin(options),
    ],
    formatError: (formatted, error) => pipeline.formatError(formatted, error),
  });
  await apollo.start();

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    search: string,
    principal: Principal | null,
    info: RequestInfo,
    ids: ErrorIds,
  ): Promise<void> {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = (await readBody(req, options.maxBodyBytes)).toString('utf8');
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        return sendJson(res, 413, errorBody('BAD_REQUEST', error.message, ids));
      }
      if ((headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, errorBody('BAD_REQUEST', 'the body is not valid JSON', ids));
        }
      } else {
        body = raw;
      }
    }
    const state: RequestState = { info, ids, rateKey: rateKeyOf(principal, options.clientBucketOf(req)) };
    const request = requestOf(req.method === 'POST' ? body : undefined, search);
    if (request) {
      try {
        state.found = await pipeline.find(request, principal);
      } catch (error) {
        return sendRefusal(res, pipeline, error as GraphQLError, ids);
      }
      ({ body, search } = withText(body, search, request, state.found.query));
    }
    const response = await traced('graphql.operation', {}, async (span) => {
      const answered = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
        context: async () => Object.assign(options.context(principal), { [REQUEST_STATE]: state }),
      });
      describeOperationSpan(span, info);
      return answered;
    });
    await writeResponse(req, res, state.stamped ? response : stampedByApollo(response, ids));
  }

  return { handle, stop: () => apollo.stop() };
}

/**
 * The pipeline's document store as Apollo's: Apollo prefixes its keys with a hash of the
 * schema, which is fixed here, so the key past the prefix is the text's sha256 the pipeline uses.
 */
function unprefixed(documents: KeyValueCache<DocumentNode>): KeyValueCache<DocumentNode> {
  const key = (prefixed: string) => prefixed.slice(prefixed.lastIndexOf(':') + 1);
  return {
    get: (prefixed) => documents.get(key(prefixed)),
    set: (prefixed, document, options) => documents.set(key(prefixed), document, options),
    delete: (prefixed) => documents.delete(key(prefixed)),
  };
}

/**
 * The GraphQL request of a POST body or a GET query string, as the pipeline reads it; undefined
 * when it is not one (Apollo then answers why, in its words).
 */
function requestOf(body: unknown, search: string): OperationRequest | undefined {
  if (body !== undefined) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const { query, extensions } = body as Record<string, unknown>;
    if ((query !== undefined && typeof query !== 'string') || !isObjectOrAbsent(extensions)) return undefined;
    return { query, extensions: extensions as Record<string, unknown> | undefined };
  }
  const params = new URLSearchParams(search);
  let extensions: unknown;
  try {
    extensions = JSON.parse(params.get('extensions') ?? 'null');
  } catch {
    return undefined;
  }
  if (!isObjectOrAbsent(extensions)) return undefined;
  return { query: params.get('query'), extensions: extensions as Record<string, unknown> | null };
}

const isObjectOrAbsent = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));

/**
 * The request (POST body or GET query string) with the text the pipeline found in place of what
 * was sent, and no persisted-query extension left (`request`: what requestOf read of it).
 */
function withText(body: unknown, search: string, request: OperationRequest, query: string) {
  const { persistedQuery: _, ...extensions } = request.extensions ?? {};
  // Object.assign, not a spread followed by properties: see "Hidden classes per request" in BENCHMARKS.md.
  if (body !== undefined) return { body: Object.assign({}, body, { query, extensions }), search };
  const params = new URLSearchParams(search);
  params.set('query', query);
  if (request.extensions) params.set('extensions', JSON.stringify(extensions));
  return { body, search: params.toString() };
}

/** The status and headers a whole-request error carries (graphql/errors.ts's requestError). */
const httpHeadOf = (error: GraphQLError) =>
  error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;

/** A request refused before Apollo runs, with the status and headers of its code and the pipeline's formatting. */
function sendRefusal(
  res: ServerResponse,
  pipeline: OperationPipeline,
  error: GraphQLError,
  ids: ErrorIds,
): void {
  const http = httpHeadOf(error);
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  sendJson(res, http?.status ?? 500, { errors: withIds([pipeline.formatError(error.toJSON(), error)], ids) });
}

/**
 * The request's ids in the errors of an answer Apollo made without running the plugin (a
 * request it refused while reading it: a missing body, a CSRF refusal): those are 4xx with a
 * body of errors only, rare enough to parse again.
 */
function stampedByApollo(response: HTTPGraphQLResponse, ids: ErrorIds): HTTPGraphQLResponse {
  if (response.body.kind !== 'complete' || (response.status ?? 200) < 400) return response;
  try {
    const parsed = JSON.parse(response.body.string) as { errors?: GraphQLFormattedError[] };
    if (!Array.isArray(parsed.errors)) return response;
    const string = JSON.stringify(Object.assign({}, parsed, { errors: withIds(parsed.errors, ids) }));
    return Object.assign({}, response, { body: { kind: 'complete' as const, string } });
  } catch {
    return response;
  }
}

/**
 * The pipeline's admission at Apollo's `didResolveOperation` (the operation, scopes, cost and
 * upstream-call limits, rate budget), then the persisted query registered; a document that did
 * not parse or validate is charged too; the answer reports the cost and the budget left in its
 * `extensions`, and tells the access log what ran.
 */
function pipelinePlugin(options: GraphQLHandlerOptions): ApolloServerPlugin<GatewayContext> {
  const { pipeline } = options;
  return {
    async requestDidStart() {
      let admission: Admission | undefined;
      let malformed = false;
      const callerOf = (contextValue: GatewayContext): Caller => ({
        principal: contextValue.principal,
        rateKey: stateOf(contextValue)?.rateKey ?? 'unknown',
        onRateLimited: () => options.metrics?.rateLimited.inc({ transport: 'http' }),
      });
      return {
        async parsingDidStart() {
          return async (error) => void (malformed ||= error !== undefined);
        },
        async validationDidStart() {
          return async (errors) => void (malformed ||= Boolean(errors?.length));
        },
        async didResolveOperation({ document, operation, request, contextValue }) {
          const state = stateOf(contextValue);
          if (state) {
            state.info.operation = request.operationName ?? operation?.name?.value ?? null;
            state.info.operationType = operation?.operation;
          }
          // What Apollo Client sends without a split link: say where subscriptions are served.
          if (operation?.operation === 'subscription') {
            throw requestError(
              'BAD_REQUEST',
              'subscriptions are served over WebSocket (the graphql-transport-ws protocol of graphql-ws) ' +
                'at ws(s)://<this host>/graphql, not over HTTP',
            );
          }
          admission = await pipeline.admit(document, request, callerOf(contextValue));
          if (state?.found) await pipeline.register(state.found);
        },
        // The pipeline runs the operation and Apollo answers with its result. Apollo's `gateway`
        // option, the other way in, made hidden classes per request that kept each operation alive
        // into the old generation (~3.6 KB of it; "Hidden classes per request", BENCHMARKS.md).
        async responseForOperation({ document, operationName, request, contextValue }) {
          const result = await pipeline.execute({
            schema: pipeline.schema,
            document,
            operationName,
            contextValue,
            variableValues: request.variables,
          });
          // An executor that failed says so (operation-pipeline.ts): a 500, as Apollo answers one.
          const status = (result.errors?.[0]?.extensions.http as { status?: number } | undefined)?.status;
          return {
            http: { status, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: pipeline.formatResult(result) },
          };
        },
        async willSendResponse({ response, contextValue, errors }) {
          if (malformed) {
            const limited = await pipeline.chargeMalformed(callerOf(contextValue));
            if (limited) replaceWith(response, pipeline, limited);
          }
          const info = stateOf(contextValue)?.info;
          if (info) {
            info.upstreamCalls = contextValue.api.callsMade;
            const first =
              response.body.kind === 'single' ? response.body.singleResult.errors?.[0] : undefined;
            info.outcome =
              (first?.extensions?.code as string | undefined) ?? (errors?.length ? 'ERROR' : 'OK');
          }
          if (response.body.kind === 'single') {
            const { singleResult } = response.body;
            const state = stateOf(contextValue);
            if (state && singleResult.errors?.length)
              singleResult.errors = withIds(singleResult.errors, state.ids);
            if (state) state.stamped = true;
          }
          if (info && admission) info.cost = admission.budget.cost;
          if (!admission?.decision || response.body.kind !== 'single') return;
          const { budget, decision } = admission;
          response.body.singleResult.extensions = Object.assign({}, response.body.singleResult.extensions, {
            cost: budget.cost,
            rateLimit: {
              limit: decision.limit,
              remaining: decision.remaining,
              retryAfterMs: decision.retryAfterMs,
            },
          });
        },
      };
    },
  };
}

/** What handle tells the plugin of one request: its info to fill in, whose budget it spends, its text as found. */
interface RequestState {
  info: RequestInfo;
  rateKey: string;
  found?: Found;
  /** Put in every error's extensions. */
  ids: ErrorIds;
  /** Whether the plugin put them in (else Apollo answered before running it). */
  stamped?: boolean;
}

/**
 * The request's state rides on the context under a symbol (Apollo hands plugins a shallow copy
 * of the context, which keeps own properties): set by handle, read by the plugin.
 */
const REQUEST_STATE = Symbol('requestState');
const stateOf = (context: GatewayContext) => (context as { [REQUEST_STATE]?: RequestState })[REQUEST_STATE];

/** Answers a whole-request error in place of what Apollo was about to send (its status and headers too). */
function replaceWith(response: GraphQLResponse, pipeline: OperationPipeline, error: GraphQLError): void {
  response.body = { kind: 'single', singleResult: { errors: [pipeline.formatError(error.toJSON(), error)] } };
  const http = httpHeadOf(error);
  if (http?.status) response.http.status = http.status;
  for (const [name, value] of http?.headers ?? []) response.http.headers.set(name, value);
}
