import { loadConfig } from './config.js';
import { startGateway } from './gateway.js';
import { PortInUseError } from './node-http/listen.js';
import { createLogger } from './node-http/logger.js';
import { startTracing } from './telemetry/otel-sdk.js';

/** `npm start`: the gateway, over BeeCloud or (with no credentials) the embedded sandbox. */
// JSON lines; readable ones in development on a terminal.
const logger = createLogger({ pretty: process.env.NODE_ENV !== 'production' && process.stdout.isTTY });
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  logger.fatal(`Configuration error: ${(error as Error).message}`);
  logger.flush();
  process.exit(1);
}
// Traces when OTEL_EXPORTER_OTLP_ENDPOINT says where (telemetry/otel-sdk.ts); off, the SDK is not loaded.
const tracing = await startTracing(process.env);
let running: Awaited<ReturnType<typeof startGateway>>;
try {
  running = await startGateway(config, logger);
} catch (error) {
  if (!(error instanceof PortInUseError)) throw error;
  logger.fatal(error.message); // one line, no stack: the setting and the port say it all
  logger.flush();
  process.exit(1);
}
const { gateway, sandbox } = running;
if (sandbox) {
  logger.info(
    `No BeeCloud credentials configured (BEECLOUD_APP_ID, BEECLOUD_APP_SECRET, BEECLOUD_MASTER_SECRET): ` +
      `serving over the embedded sandbox at ${sandbox.url} with the development app. ` +
      `Pay bills and settle refunds at ${sandbox.url}/_sandbox/ (the sandbox's index page).`,
  );
} else if (config.upstream.kind === 'beecloud') {
  logger.info(`Serving over BeeCloud: ${config.upstream.baseUrls.join(', ')}`);
}
logger.info(
  `GraphQL gateway ready at ${gateway.url}/graphql` +
    (config.explorer
      ? ' (open it in a browser to explore)'
      : ' (the explorer is off: EXPLORER=true turns it on)'),
);

/**
 * SIGTERM / SIGINT: drain, then exit 0 — stop accepting connections, answer /readyz 503, let
 * requests in flight finish for up to SHUTDOWN_GRACE_MS, close WebSockets with 1001, close
 * Redis and SQLite. A second signal exits at once.
 */
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal, grace_ms: config.shutdownGraceMs }, 'draining');
    running
      .close(config.shutdownGraceMs)
      .then(() => tracing?.shutdown()) // the last spans are sent before the process ends
      .then(
        () => {
          logger.info('stopped');
          logger.flush();
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
