import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { BillResolver } from './bill/bill.resolver.js';
import { RefundResolver } from './refund/refund.resolver.js';

/**
 * The gateway's schema, built from the TypeGraphQL classes. Input is validated by the
 * resolvers with BeeCloud's own rules (src/wire/rules.ts), so class-validator is off.
 */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [BillResolver, RefundResolver], validate: false });
}

/** The SDL committed as schema/schema.graphql, sorted so that its diff shows real changes only. */
export function printGatewaySdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
