import { readInteger } from '../node-http/env.js';
import { PortInUseError } from '../node-http/listen.js';
import { DEFAULT_DEV_APP } from '../wire/index.js';
import { sandboxOptionsFromEnv } from './runtime.js';
import { startSandbox } from './server.js';
import { startTracing } from '../telemetry/otel-sdk.js';

/** `npm run sandbox`: the BeeCloud sandbox alone on SANDBOX_HOST:SANDBOX_PORT. */
// Traces when OTEL_EXPORTER_OTLP_ENDPOINT says where (telemetry/otel-sdk.ts).
const tracing = await startTracing(process.env, 'beecloud-sandbox');
const options = sandboxOptionsFromEnv(process.env);
const sandbox = await startSandbox({
  ...options,
  port: readInteger(process.env, 'SANDBOX_PORT', 8080, 0, 65535),
  host: process.env.SANDBOX_HOST || '127.0.0.1',
}).catch((error: unknown) => {
  if (!(error instanceof PortInUseError)) throw error;
  console.error(error.message); // one line, no stack
  process.exit(1);
});
const apps = [...sandbox.runtime.apps.keys()]
  .map((id) => (id === DEFAULT_DEV_APP.appId ? `${id} (the development app)` : id))
  .join(', ');
sandbox.runtime.logger.info(
  `BeeCloud sandbox listening on ${sandbox.url}; apps: ${apps}; state: ${options.dbFile ?? 'in memory'}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox
      .close()
      .then(() => tracing?.shutdown())
      .then(() => process.exit(0));
  });
}
