import type { ServerResponse } from 'node:http';

/** Answers with a JSON body and its length (the sandbox and the gateway both answer this way). */
export function sendJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
