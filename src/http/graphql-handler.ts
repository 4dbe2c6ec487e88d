import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLResponse } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkOperationScopes } from '../auth/operation-scopes.js';
import type { Principal } from '../auth/principal.js';
import type { GatewayContext } from '../graphql/context.js';
import { errorBody, originalOf, publicError, refusalFromAuth, requestError } from '../graphql/errors.js';
import { BodyTooLargeError, readBody } from '../node-http/read-body.js';
import { sendJson } from '../node-http/respond.js';
import { operationCost } from './operation-cost.js';
import type { QueryLimits } from './query-limits.js';
import type { RateLimitDecision, RateLimiter } from './rate-limiter.js';

export interface GraphQLHandlerOptions {
  schema: GraphQLSchema;
  context: (principal: Principal | null) => GatewayContext;
  maxBodyBytes: number;
  introspection: boolean;
  limits: QueryLimits;
  rateLimiter?: RateLimiter;
  log: (line: string) => void;
}

/** Armor's protections: depth, aliases, a structural cost, directives; suggestions off. */
export function armorFor(limits: QueryLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    // Tokens are counted by graphql-js's own parser (Apollo's parseOptions.maxTokens): armor's
    // version throws from a plugin hook, which Apollo answers with HTTP 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
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
  const apollo = new ApolloServer<GatewayContext>({
    schema: options.schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    parseOptions: { maxTokens: options.limits.maxTokens },
    validationRules: armor.validationRules as ValidationRule[],
    // No CDN landing page (the explorer is ours); no cache-control hints (nothing here is cacheable by a CDN).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(armor.plugins as ApolloServerPlugin<GatewayContext>[]),
      scopePlugin(options.schema),
      ...(options.rateLimiter ? [rateLimitPlugin(options.rateLimiter)] : []),
    ],
    formatError: (formatted, error) =>
      publicError(formatted, originalOf(error), (unexpected) =>
        options.log(`unexpected error: ${(unexpected as Error)?.stack ?? String(unexpected)}`),
      ),
  });
  await apollo.start();

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    search: string,
    principal: Principal | null,
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
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: async () => options.context(principal),
    });
    await writeResponse(res, response);
  }

  return { handle, stop: () => apollo.stop() };
}

/** Refuses an operation the caller may not run, as a whole and before it runs (src/auth/operation-scopes.ts). */
function scopePlugin(schema: GraphQLSchema): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          try {
            checkOperationScopes(schema, document, contextValue.principal);
          } catch (error) {
            throw refusalFromAuth(error);
          }
        },
      };
    },
  };
}

/**
 * Spends each operation's cost from its caller's bucket before it runs, refuses it with
 * RATE_LIMITED (HTTP 429) when the budget is short, and reports the cost and the budget
 * left in the response's `extensions`.
 */
function rateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let cost = 0;
      let decision: RateLimitDecision | undefined;
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
          );
          cost = operationCost(operation, fragments, request.variables ?? {});
          decision = await limiter.take(contextValue.principal?.id ?? 'anonymous', cost);
          if (!decision.allowed) {
            throw requestError(
              'RATE_LIMITED',
              `rate limit exceeded: this operation costs ${cost}; retry in ${decision.retryAfterMs} ms`,
              { retryAfterMs: decision.retryAfterMs },
            );
          }
        },
        async willSendResponse({ response }) {
          if (!decision || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost,
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

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
