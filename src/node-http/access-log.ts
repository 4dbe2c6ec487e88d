import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger.js';

/** A request id a client may choose (`x-request-id`), else one made here. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Gives the request an id (the client's `x-request-id` when well-formed, else a new UUID),
 * answers it in `x-request-id`, and writes one JSON line when the response has been sent:
 * id, method, path, status, duration, and what `detail()` adds (the GraphQL operation and its
 * outcome, the sandbox's result_msg). Never the query string, a header or a body: those may
 * hold credentials. Returns the id.
 */
export function logAccess(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  logger: Logger,
  detail: () => Record<string, unknown> = () => ({}),
): string {
  const started = performance.now();
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  res.on('finish', () => {
    logger.info(
      {
        req_id: requestId,
        method: req.method,
        path: pathname,
        status: res.statusCode,
        ms: Number((performance.now() - started).toFixed(1)),
        ...detail(),
      },
      'request',
    );
  });
  return requestId;
}
