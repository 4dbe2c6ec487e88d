import 'reflect-metadata';
import type { GatewayConfig } from './config.js';
import { buildGatewaySchema } from './graphql/schema.js';
import { startGatewayServer, type GatewayServer } from './http/gateway-server.js';
import type { SandboxServer } from './sandbox/server.js';
import { BeeCloudClient } from './upstream/beecloud-client.js';

export interface RunningGateway {
  gateway: GatewayServer;
  /** The embedded sandbox, when no BeeCloud credentials were configured. */
  sandbox?: SandboxServer;
  close(): Promise<void>;
}

/**
 * Starts the gateway as configured: over BeeCloud with credentials, or over an embedded
 * sandbox serving the development app (so two commands show real data flowing).
 */
export async function startGateway(
  config: GatewayConfig,
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<RunningGateway> {
  let sandbox: SandboxServer | undefined;
  let api: BeeCloudClient;
  const timeouts = { attemptTimeoutMs: config.attemptTimeoutMs, deadlineMs: config.deadlineMs };
  if (config.upstream.kind === 'embedded-sandbox') {
    // Loaded only here: a gateway over BeeCloud carries no sandbox (nor SQLite) in memory.
    const { startSandbox } = await import('./sandbox/server.js');
    const { DEFAULT_DEV_APP, devApp } = await import('./sandbox/apps.js');
    sandbox = await startSandbox({
      port: config.upstream.sandboxPort,
      host: '127.0.0.1',
      apps: [devApp()],
      log: (line) => log(`sandbox ${line}`),
    });
    api = new BeeCloudClient({ credentials: DEFAULT_DEV_APP, baseUrls: [sandbox.url], ...timeouts });
  } else {
    api = new BeeCloudClient({
      credentials: config.upstream.credentials,
      baseUrls: config.upstream.baseUrls,
      ...timeouts,
    });
  }
  const gateway = await startGatewayServer({
    schema: await buildGatewaySchema(),
    api,
    port: config.port,
    host: config.host,
    corsOrigins: config.corsOrigins,
    maxBodyBytes: config.maxBodyBytes,
    log,
  });
  return {
    gateway,
    sandbox,
    async close() {
      await gateway.close();
      await sandbox?.close();
    },
  };
}
