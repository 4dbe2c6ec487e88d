import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** `http://host:port`, with an IPv6 host in brackets. */
  url: string;
  port: number;
}

/** Starts `server` on `host:port` (port 0 picks a free one); rejects if the port is taken. */
export async function listen(server: Server, port: number, host: string): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`, port: bound };
}

/**
 * Stops accepting connections and resolves once every connection has closed. Idle
 * keep-alive connections are closed now; `force` also cuts connections with a request in
 * flight (the sandbox's stalled requests), which a draining gateway would rather finish.
 */
export function closeServer(server: Server, force = false): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    if (force) server.closeAllConnections();
    else server.closeIdleConnections();
  });
}
