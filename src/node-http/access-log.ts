import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where a server writes its lines; stdout unless a caller (a test, the gateway) passes one. */
export type LogLine = (line: string) => void;

export const stdoutLog: LogLine = (line) => process.stdout.write(`${line}\n`);

/**
 * Writes one line when the response has been sent: time, method, path, status, `detail()`
 * (what the server adds, e.g. the sandbox's result_msg) and the duration. Never the query
 * string, a header or a body: those may hold credentials.
 */
export function logAccess(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  log: LogLine,
  detail: () => string = () => '',
): void {
  const started = performance.now();
  res.on('finish', () => {
    const extra = detail();
    log(
      `${new Date().toISOString()} ${req.method} ${pathname} ${res.statusCode}${extra ? ` ${extra}` : ''} ` +
        `${(performance.now() - started).toFixed(1)}ms`,
    );
  });
}
