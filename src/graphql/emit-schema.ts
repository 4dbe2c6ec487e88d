import { writeFileSync } from 'node:fs';
import { buildGatewaySchema, printGatewaySdl } from './schema.js';

/** `npm run schema`: writes schema/schema.graphql from the code. */
writeFileSync(
  new URL('../../schema/schema.graphql', import.meta.url),
  printGatewaySdl(await buildGatewaySchema()),
);
console.log('wrote schema/schema.graphql');
