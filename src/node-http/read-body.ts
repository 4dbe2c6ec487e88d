import type { IncomingMessage } from 'node:http';

/** Thrown by readBody when a body is over the limit; the caller answers 413. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`the body exceeds ${limit} bytes`);
  }
}

/**
 * Reads a request body of at most `limit` bytes. A larger one rejects with
 * BodyTooLargeError; the rest of it is read and dropped (up to 16 times the limit) so that
 * the client, still sending, gets to read the 413; a body beyond even that has its
 * connection cut.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > 16 * limit) {
      req.socket.destroy();
      return reject(new BodyTooLargeError(limit));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > 16 * limit) req.socket.destroy();
    });
    req.on('end', () =>
      size > limit ? reject(new BodyTooLargeError(limit)) : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}
