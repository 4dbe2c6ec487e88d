import type { ServerResponse } from 'node:http';

/** Answers with a body of the given type and its length; both servers answer through here. */
export function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${contentType}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, body: object): void =>
  send(res, status, 'application/json', JSON.stringify(body));

export const sendText = (res: ServerResponse, status: number, text: string): void =>
  send(res, status, 'text/plain', text);

export const sendHtml = (res: ServerResponse, status: number, html: string): void =>
  send(res, status, 'text/html', html);

/** Escapes text for HTML content and attribute values (both servers' pages use it). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
