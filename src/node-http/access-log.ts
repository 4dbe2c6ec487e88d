import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger.js';

/** A request id a client may choose (`x-request-id`), else one made here. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** What an access line may add: flat, with primitive values only (see `accessLogger`). */
export type AccessDetail = Record<string, string | number | boolean | null>;

const accessLoggers = new WeakMap<Logger, Logger>();

/**
 * The logger's child for access lines, without its redaction: an access line is built here
 * from a fixed set of keys with primitive values, none of them a redacted name, so redacting it
 * removes nothing — and costs ~12 µs a line (the redaction re-parses every path per call), a
 * twentieth of a cached operation. Any other line keeps the redaction.
 */
function accessLogger(logger: Logger): Logger {
  let child = accessLoggers.get(logger);
  if (!child) {
    child = logger.child({}, { redact: { paths: [] } });
    accessLoggers.set(logger, child);
  }
  return child;
}

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
  detail: () => AccessDetail = () => ({}),
): string {
  const access = accessLogger(logger);
  const started = performance.now();
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  res.on('finish', () => {
    access.info(
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

/**
 * The line of one WebSocket operation, in the access line's shape (`req_id`, the operation, its
 * outcome, `ms`): an operation has no HTTP request of its own, so it gets its own id.
 */
export function logOperation(logger: Logger, detail: AccessDetail): void {
  accessLogger(logger).info(detail, 'operation');
}
