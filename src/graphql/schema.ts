import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { enforceFieldScopes } from './auth-checker.js';
import { readGetterFieldsDirectly } from './getter-fields.js';
import { BillResolver } from './bill/bill.resolver.js';
import { EventResolver } from './event/event.resolver.js';
import { InStoreResolver } from './instore/instore.resolver.js';
import { NodeResolver } from './node/node.resolver.js';
import { RefundMutationResolver } from './refund/refund-mutation.resolver.js';
import { RefundResolver } from './refund/refund.resolver.js';

/**
 * The gateway's schema, built from the TypeGraphQL classes. Input is validated by the
 * resolvers with BeeCloud's own rules (src/wire/rules.ts): TypeGraphQL's class-validator hook is off, and the
 * package is not installed.
 * Subscriptions listen on `pubSub` (the event bus; a private one when none is given).
 */
export async function buildGatewaySchema(pubSub: PubSub = createPubSub()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      BillResolver,
      RefundResolver,
      RefundMutationResolver,
      InStoreResolver,
      NodeResolver,
      EventResolver,
    ],
    validate: false,
    pubSub,
  });
  readGetterFieldsDirectly(schema);
  enforceFieldScopes(schema);
  // TypeGraphQL takes no description for the root types; every type here has one.
  schema.getQueryType()!.description = 'Bills and refunds, as BeeCloud holds them now.';
  schema.getMutationType()!.description =
    'Payments, refunds and their reviews: each answers userErrors rather than throwing.';
  schema.getSubscriptionType()!.description =
    'Live payment events from BeeCloud’s webhooks, over graphql-ws on /graphql.';
  return schema;
}

/** The SDL committed as schema/schema.graphql, sorted so that its diff shows real changes only. */
export function printGatewaySdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
