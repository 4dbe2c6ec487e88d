import { writeFileSync } from 'node:fs';
import { buildGatewaySchema, printGatewaySdl } from './schema.js';
import { subgraphSdl } from './subgraph.js';

/** `npm run schema`: writes schema/schema.graphql and schema/subgraph.graphql (SUBGRAPH=true's `_service.sdl`) from the code. */
const schema = await buildGatewaySchema();
writeFileSync(new URL('../../schema/schema.graphql', import.meta.url), printGatewaySdl(schema));
writeFileSync(new URL('../../schema/subgraph.graphql', import.meta.url), subgraphSdl(schema));
console.log('wrote schema/schema.graphql and schema/subgraph.graphql');
