import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for browser clients on other origins (Apollo Sandbox at studio.apollographql.com,
 * a frontend's dev server). `origins` lists the allowed origins, or holds `*`; an entry
 * `http://localhost:*` allows that scheme and host on any port. Requests from the gateway's
 * own pages need none of this.
 *
 * The headers allowed are the ones Apollo's CSRF prevention looks for
 * (`apollo-require-preflight`, `x-apollo-operation-name`) plus content-type and
 * authorization; a cross-origin POST with a JSON body is preflighted by the browser.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  res.setHeader('vary', 'origin');
  if (!origin || !(origins.has('*') || origins.has(origin) || origins.has(anyPort(origin)))) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'access-control-allow-headers',
      'content-type, authorization, x-api-key, apollo-require-preflight, x-apollo-operation-name, apollographql-client-name',
    );
    res.setHeader('access-control-max-age', '600');
  }
}

/** `http://localhost:3000` -> `http://localhost:*`; an origin without a port is left as it is. */
function anyPort(origin: string): string {
  const match = /^(https?:\/\/[^/:]+):\d{1,5}$/.exec(origin);
  return match ? `${match[1]}:*` : origin;
}
