import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLSchema } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from '../graphql/context.js';
import { publicError } from '../graphql/errors.js';
import { BodyTooLargeError, readBody } from './read-body.js';

export interface GraphQLHandlerOptions {
  schema: GraphQLSchema;
  context: () => GatewayContext;
  maxBodyBytes: number;
  log: (line: string) => void;
}

/**
 * Apollo Server 5 on plain node:http. CSRF prevention is on (a browser cannot send a
 * "simple" cross-site request that Apollo would execute), HTTP batching is off, stack
 * traces never leave, and every error goes through publicError.
 */
export async function createGraphQLHandler(options: GraphQLHandlerOptions) {
  const apollo = new ApolloServer<GatewayContext>({
    schema: options.schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // No CDN landing page (the explorer is ours); no cache-control hints (nothing here is cacheable by a CDN).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    formatError: (formatted, error) =>
      publicError(formatted, unwrapResolverError(error), (unexpected) =>
        options.log(`unexpected error: ${(unexpected as Error)?.stack ?? String(unexpected)}`),
      ),
  });
  await apollo.start();

  async function handle(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
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
        return sendJson(res, 413, {
          errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }],
        });
      }
      if ((headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, {
            errors: [{ message: 'the body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      } else {
        body = raw;
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: async () => options.context(),
    });
    await writeResponse(res, response);
  }

  return { handle, stop: () => apollo.stop() };
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

export function sendJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
