import { loadConfig } from './config.js';
import { startGateway } from './gateway.js';

/** `npm start`: the gateway, over BeeCloud or (with no credentials) the embedded sandbox. */
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  console.error(`Configuration error: ${(error as Error).message}`);
  process.exit(1);
}
const running = await startGateway(config);
const { gateway, sandbox } = running;
if (sandbox) {
  console.log(
    `No BeeCloud credentials configured (BEECLOUD_APP_ID, BEECLOUD_APP_SECRET, BEECLOUD_MASTER_SECRET): ` +
      `serving over the embedded sandbox at ${sandbox.url} with the development app. ` +
      `Pay bills and settle refunds at ${sandbox.url}/_sandbox/ (see the README).`,
  );
} else if (config.upstream.kind === 'beecloud') {
  console.log(`Serving over BeeCloud: ${config.upstream.baseUrls.join(', ')}`);
}
console.log(`GraphQL gateway ready at ${gateway.url}/graphql (open it in a browser to explore)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
