import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** `http://host:port`, with an IPv6 host in brackets. */
  url: string;
  port: number;
}

/**
 * A port another process holds, named by the setting that chose it: what a person can act on,
 * where Node's EADDRINUSE is a stack trace.
 */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly setting: string,
    readonly port: number,
    readonly host: string,
  ) {
    super(
      `${setting}: port ${port} on ${host} is in use by another process; stop it, or set ${setting} ` +
        'to a free port (0 picks one)',
    );
  }
}

/**
 * Starts `server` on `host:port` (port 0 picks a free one). A port already taken rejects with
 * PortInUseError naming `setting`, the variable that chose the port.
 */
export async function listen(
  server: Server,
  port: number,
  host: string,
  setting = 'PORT',
): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(setting, port, host) : error),
    );
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
