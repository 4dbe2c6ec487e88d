import {
  ApolloServer,
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLResponse,
  type HTTPGraphQLResponse,
} from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { Principal } from '../auth/principal.js';
import { CompiledExecutor, type CompiledExecutorOptions } from '../graphql/compiled-executor.js';
import type { GatewayContext } from '../graphql/context.js';
import { trustedText, type DocumentRequest, type TrustedDocuments } from '../graphql/trusted-documents.js';
import { errorBody, originalOf, publicError, requestError } from '../graphql/errors.js';
import type { Logger } from '../node-http/logger.js';
import { BodyTooLargeError, readBody } from '../node-http/read-body.js';
import { sendJson } from '../node-http/respond.js';
import {
  admitOperation,
  chargeRefusal,
  rateKeyOf,
  type Admission,
  type AdmissionInput,
  type RateBudget,
} from './admission.js';
import type { Metrics } from './metrics.js';
import type { QueryLimits } from './query-limits.js';
import type { RateLimiter } from './rate-limiter.js';

export interface GraphQLHandlerOptions {
  schema: GraphQLSchema;
  context: (principal: Principal | null) => GatewayContext;
  maxBodyBytes: number;
  introspection: boolean;
  limits: QueryLimits;
  rateLimiter?: RateLimiter;
  logger: Logger;
  metrics?: Metrics;
  /** PERSISTED_OPERATIONS_ONLY: the only documents served. */
  trustedDocuments?: TrustedDocuments;
  /** When hot queries are compiled (graphql/compiled-executor.ts); default DEFAULT_COMPILED_EXECUTOR_OPTIONS. */
  compiledExecutor?: CompiledExecutorOptions;
  /** The rate-limit bucket of an anonymous request's client (node-http/client-address.ts). */
  clientBucketOf: (req: IncomingMessage) => string;
  /** Told of every admission decided (admission.ts): metrics, and tests counting its work. */
  onAdmission?: AdmissionInput['onAdmission'];
}

/** What the access log and the metrics learn of one GraphQL request as it runs. */
export interface RequestInfo {
  operation?: string | null;
  operationType?: string;
  /** Real upstream calls the operation made (after the cache and DataLoaders). */
  upstreamCalls?: number;
  /** OK, or the first error's code. */
  outcome?: string;
}

/** Armor's protections: depth, aliases, directives; suggestions off. (Cost is ours: graphql/operation-budget.ts.) */
export function armorFor(limits: QueryLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    // Tokens are counted by graphql-js's own parser (Apollo's parseOptions.maxTokens): armor's
    // version throws from a plugin hook, which Apollo answers with HTTP 500.
    maxTokens: { enabled: false },
    // Cost is ours (graphql/operation-budget.ts): it reads page sizes from variables too.
    costLimit: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/**
 * Apollo Server 5 on plain node:http. CSRF prevention is on (a browser cannot send a
 * "simple" cross-site request that Apollo would execute), HTTP batching is off, stack
 * traces never leave, every error goes through publicError, and graphql-armor bounds the
 * shape of each operation before it runs.
 */
export async function createGraphQLHandler(options: GraphQLHandlerOptions) {
  const armor = armorFor(options.limits);
  const executor = new CompiledExecutor(options.schema, options.compiledExecutor);
  options.metrics?.trackCompiledQueries(() => executor.compiledCount);
  const apollo = new ApolloServer<GatewayContext>({
    // Apollo's one seam for execution: it parses, validates and runs the plugins as ever.
    gateway: compiledGateway(options.schema, executor),
    csrfPrevention: true,
    // The process's signals are ours (main.ts drains, then exits 0); Apollo's own handler would
    // stop it and re-raise the signal, cutting requests in flight.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    parseOptions: { maxTokens: options.limits.maxTokens },
    // Automatic persisted queries (mobile clients use them), in a cache bounded in bytes;
    // registering one needs credentials (see handle).
    persistedQueries: {
      cache: new InMemoryLRUCache<string>({
        maxSize: APQ_CACHE_BYTES,
        sizeCalculation: (query) => Buffer.byteLength(query),
      }),
    },
    validationRules: armor.validationRules as ValidationRule[],
    // No CDN landing page (the explorer is ours); no cache-control hints (nothing here is cacheable by a CDN).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(armor.plugins as ApolloServerPlugin<GatewayContext>[]),
      admissionPlugin(options),
    ],
    formatError: (formatted, error) =>
      publicError(formatted, originalOf(error), (unexpected) =>
        options.logger.error({ err: unexpected }, 'unexpected error'),
      ),
  });
  await apollo.start();

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    search: string,
    principal: Principal | null,
    info: RequestInfo = {},
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
        return sendJson(res, 413, errorBody('BAD_REQUEST', error.message));
      }
      if ((headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, errorBody('BAD_REQUEST', 'the body is not valid JSON'));
        }
      } else {
        body = raw;
      }
    }
    if (options.trustedDocuments) {
      const trusted = onlyTrusted(options.trustedDocuments, req.method === 'POST' ? body : undefined, search);
      if ('refused' in trusted)
        return sendJson(res, 400, errorBody('OPERATION_NOT_TRUSTED', trusted.refused));
      ({ body, search } = trusted);
    }
    const state: RequestState = { info, rateKey: rateKeyOf(principal, options.clientBucketOf(req)) };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: async () => Object.assign(options.context(principal), { [REQUEST_STATE]: state }),
    });
    await writeResponse(req, res, response);
  }

  return { handle, stop: () => apollo.stop() };
}

/**
 * Apollo Server's `gateway` option with a fixed schema: an object that hands Apollo the schema
 * once and an executor (Apollo Server 5 has no other way to replace graphql-js's execute).
 */
function compiledGateway(schema: GraphQLSchema, executor: CompiledExecutor): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({
      executor: async (request) =>
        executor.execute({
          document: request.document,
          operationName: request.operationName,
          // Absent when Apollo found no operation to run (admission refuses those first).
          operationType: request.operation?.operation,
          contextValue: request.context,
          variableValues: request.request.variables,
        }),
    }),
    stop: async () => {},
  };
}

/**
 * PERSISTED_OPERATIONS_ONLY: the request with the trusted text in place of a hash sent alone
 * (and no persisted-query extension left, so Apollo just runs it), or why it is refused.
 */
function onlyTrusted(
  documents: TrustedDocuments,
  body: unknown,
  search: string,
): { body: unknown; search: string } | { refused: string } {
  if (body !== undefined) {
    if (!body || typeof body !== 'object') return { refused: 'a GraphQL request is a JSON object' };
    const verdict = trustedText(documents, body as DocumentRequest);
    if ('refused' in verdict) return verdict;
    const { extensions, ...rest } = body as DocumentRequest & Record<string, unknown>;
    const { persistedQuery: _, ...otherExtensions } = extensions ?? {};
    return { body: { ...rest, query: verdict.text, extensions: otherExtensions }, search };
  }
  const params = new URLSearchParams(search);
  let extensions: DocumentRequest['extensions'];
  try {
    extensions = JSON.parse(params.get('extensions') ?? 'null') as DocumentRequest['extensions'];
  } catch {
    return { refused: 'extensions is not valid JSON' };
  }
  const verdict = trustedText(documents, { query: params.get('query') ?? undefined, extensions });
  if ('refused' in verdict) return verdict;
  params.set('query', verdict.text);
  params.delete('extensions');
  return { body, search: params.toString() };
}

/** The bytes of query text the persisted-query cache holds at most (least recently used go first). */
export const APQ_CACHE_BYTES = 4 * 1024 * 1024;

/**
 * Admits each operation before it runs (admission.ts: the operation, scopes, cost and
 * upstream-call limits, rate budget) and reports its cost and the budget left in the
 * response's `extensions`. A document that does not parse or validate is charged too.
 */
function admissionPlugin(options: GraphQLHandlerOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let admission: Admission | undefined;
      let malformed = false;
      const budgetOf = (contextValue: GatewayContext): RateBudget => ({
        rateLimiter: options.rateLimiter,
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
        async didResolveOperation({ document, operation, request, contextValue, metrics }) {
          const info = stateOf(contextValue)?.info;
          if (info) {
            info.operation = request.operationName ?? operation?.name?.value ?? null;
            info.operationType = operation?.operation;
          }
          // What Apollo Client sends without a split link: say where subscriptions are served.
          if (operation?.operation === 'subscription') {
            throw requestError(
              'BAD_REQUEST',
              'subscriptions are served over WebSocket (the graphql-transport-ws protocol of graphql-ws) ' +
                'at ws(s)://<this host>/graphql, not over HTTP',
            );
          }
          // Registering a persisted query needs a key: decided on what Apollo itself read of the
          // request (its decoded extensions), so no spelling of the extension slips past.
          if (metrics.persistedQueryRegister && !contextValue.principal) {
            throw requestError(
              'UNAUTHENTICATED',
              'registering a persisted query needs credentials: an API key or a bearer token',
            );
          }
          admission = await admitOperation({
            ...budgetOf(contextValue),
            schema: options.schema,
            document,
            operationName: request.operationName,
            variables: request.variables,
            principal: contextValue.principal,
            limits: options.limits,
            onAdmission: options.onAdmission,
          });
        },
        async willSendResponse({ response, contextValue, errors }) {
          if (malformed) {
            const limited = await chargeRefusal(budgetOf(contextValue), 1);
            if (limited) replaceWith(response, limited);
          }
          const info = stateOf(contextValue)?.info;
          if (info) {
            info.upstreamCalls = contextValue.api.callsMade;
            const first =
              response.body.kind === 'single' ? response.body.singleResult.errors?.[0] : undefined;
            info.outcome =
              (first?.extensions?.code as string | undefined) ?? (errors?.length ? 'ERROR' : 'OK');
          }
          if (!admission?.decision || response.body.kind !== 'single') return;
          const { budget, decision } = admission;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: budget.cost,
            rateLimit: {
              limit: decision.limit,
              remaining: decision.remaining,
              retryAfterMs: decision.retryAfterMs,
            },
          };
        },
      };
    },
  };
}

/** What handle tells the plugin of one request: its info to fill in, and whose budget it spends. */
interface RequestState {
  info: RequestInfo;
  rateKey: string;
}

/**
 * The request's state rides on the context under a symbol (Apollo hands plugins a shallow copy
 * of the context, which keeps own properties): set by handle, read by the plugin.
 */
const REQUEST_STATE = Symbol('requestState');
const stateOf = (context: GatewayContext) => (context as { [REQUEST_STATE]?: RequestState })[REQUEST_STATE];

/** Answers a whole-request error in place of what Apollo was about to send (its status and headers too). */
function replaceWith(response: GraphQLResponse, error: GraphQLError): void {
  const { http, ...extensions } = error.extensions as {
    http?: { status: number; headers: Map<string, string> };
  };
  response.body = { kind: 'single', singleResult: { errors: [{ message: error.message, extensions }] } };
  if (http) {
    response.http.status = http.status;
    for (const [name, value] of http.headers) response.http.headers.set(name, value);
  }
}

/**
 * Answers over ~1 KB are compressed when the client accepts it (brotli, else gzip), at a
 * quick level: a 50-bill page of ~7 KB shrinks several times for well under a millisecond.
 */
const COMPRESS_FROM_BYTES = 1024;

async function writeResponse(
  req: IncomingMessage,
  res: ServerResponse,
  response: HTTPGraphQLResponse,
): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const text = response.body.string;
    const accepted = req.headers['accept-encoding'] ?? '';
    const encoding =
      Buffer.byteLength(text) < COMPRESS_FROM_BYTES
        ? undefined
        : /\bbr\b/.test(accepted)
          ? 'br'
          : /\bgzip\b/.test(accepted)
            ? 'gzip'
            : undefined;
    const body =
      encoding === 'br'
        ? brotliCompressSync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } })
        : encoding === 'gzip'
          ? gzipSync(text, { level: 4 })
          : Buffer.from(text);
    if (encoding) res.setHeader('content-encoding', encoding);
    res.setHeader('vary', 'accept-encoding');
    res.setHeader('content-length', body.length);
    res.end(body);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
