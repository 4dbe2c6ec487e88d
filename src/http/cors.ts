import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for browser clients on other origins (Apollo Sandbox at studio.apollographql.com,
 * a frontend's dev server). `origins` lists the allowed origins, or holds `*`. Requests
 * from the gateway's own pages need none of this.
 *
 * The headers allowed are the ones Apollo's CSRF prevention looks for
 * (`apollo-require-preflight`, `x-apollo-operation-name`) plus content-type and
 * authorization; a cross-origin POST with a JSON body is preflighted by the browser.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  res.setHeader('vary', 'origin');
  if (!origin || !(origins.has('*') || origins.has(origin))) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'access-control-allow-headers',
      'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, apollographql-client-name',
    );
    res.setHeader('access-control-max-age', '600');
  }
}
