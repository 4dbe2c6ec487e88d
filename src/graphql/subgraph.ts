import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import {
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLFieldConfig,
} from 'graphql';
import type { Scope } from '../auth/principal.js';
import { Bill } from './bill/bill.type.js';
import type { GatewayContext } from './context.js';
import { requestError } from './errors.js';
import type { FieldBudget } from './operation-budget.js';
import { Refund } from './refund/refund.type.js';
import { printGatewaySdl } from './schema.js';

/**
 * The gateway as an Apollo Federation 2 subgraph (SUBGRAPH=true): `Bill` and `Refund` are
 * entities another subgraph may point at (an `Order` with its `bill`), each by its BeeCloud id
 * or by the merchant's own number. Each row states an entity once: its keys (the `@key`s of the
 * SDL), the scope that reads it (as `bill(id)` and `refund(id)` need), and how one is loaded —
 * through the operation's DataLoaders, so that a router asking for 50 bills makes the calls 50
 * `bill(id)` look-ups would, and no more.
 */
const ENTITIES = {
  Bill: {
    type: Bill,
    keys: ['id', 'billNo'],
    scope: 'bills:read',
    load: ({ loaders }: GatewayContext, key: string, value: string) =>
      (key === 'id' ? loaders.billById.load(value) : loaders.billByNo.load(value)).then(
        (record) => record && Bill.ofLookup(record),
      ),
  },
  Refund: {
    type: Refund,
    keys: ['id', 'refundNo'],
    scope: 'refunds:read',
    load: ({ loaders }: GatewayContext, key: string, value: string) =>
      (key === 'id' ? loaders.refundById.load(value) : loaders.refundByNo.load(value)).then(
        (record) => record && Refund.fromWire(record),
      ),
  },
} as const satisfies Record<string, Entity>;

interface Entity {
  type: abstract new () => object;
  keys: readonly string[];
  scope: Scope;
  load(context: GatewayContext, key: string, value: string): Promise<object | null>;
}

type EntityName = keyof typeof ENTITIES;
const isEntityName = (name: unknown): name is EntityName =>
  typeof name === 'string' && Object.hasOwn(ENTITIES, name);

/** The federation version the SDL links (supported by every Federation 2 router in use). */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** A representation the router sent: the entity's type and one of its keys. */
interface Representation {
  entity: Entity;
  key: string;
  value: string;
}

/**
 * The representations of an `_entities` call, each with a known `__typename` and one of its
 * keys as a string; BAD_USER_INPUT otherwise (before anything runs: admission reads them).
 * Read once per arguments object: the budget's calls, items and scopes all ask for them.
 */
function representationsOf(args: Record<string, unknown>): Representation[] {
  let read = representationsRead.get(args);
  if (!read) representationsRead.set(args, (read = readRepresentations(args.representations)));
  return read;
}
const representationsRead = new WeakMap<Record<string, unknown>, Representation[]>();

function readRepresentations(list: unknown): Representation[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown, index) => {
    const given = (item ?? {}) as Record<string, unknown>;
    const name = given.__typename;
    if (!isEntityName(name))
      throw requestError(
        'BAD_USER_INPUT',
        `representations[${index}]: __typename must be one of ${Object.keys(ENTITIES).join(', ')}`,
      );
    const entity: Entity = ENTITIES[name];
    const key = entity.keys.find((candidate) => typeof given[candidate] === 'string');
    if (!key)
      throw requestError(
        'BAD_USER_INPUT',
        `representations[${index}]: a ${name} is referenced by ${entity.keys.join(' or ')} (a string)`,
      );
    return { entity, key, value: given[key] as string };
  });
}

const AnyType = new GraphQLScalarType({
  name: '_Any',
  description: "A representation of an entity: its __typename and a key's fields.",
  parseValue: (value) => value,
  parseLiteral: (node, variables) => valueFromASTUntyped(node, variables),
});

const ServiceType = new GraphQLObjectType({
  name: '_Service',
  fields: {
    sdl: { type: GraphQLString, description: "The subgraph's SDL, with its federation directives." },
  },
});

const routerOnly = { scopes: ['router'] satisfies Scope[] };

/**
 * The schema with federation's `_service` and `_entities` (and their types) added to the one
 * TypeGraphQL built: every resolver, scope and budget stays as it is. `_entities` is admitted
 * like any field — the read scope of each representation's type (FieldBudget.scopes), a cost of
 * the representations times the selection, one upstream call per representation.
 */
export function asSubgraph(schema: GraphQLSchema): { schema: GraphQLSchema; sdl: string } {
  const sdl = subgraphSdl(schema);
  const config = schema.toConfig();
  const query = schema.getQueryType()!;
  const queryConfig = query.toConfig();
  const entityTypes = Object.keys(ENTITIES).map((name) => schema.getType(name) as GraphQLObjectType);
  const entityUnion = new GraphQLUnionType({
    name: '_Entity',
    types: entityTypes,
    resolveType: (value: object) =>
      Object.entries(ENTITIES).find(([, entity]) => value instanceof entity.type)?.[0],
  });
  const budget: FieldBudget = {
    calls: (args) => representationsOf(args).length,
    items: (args) => representationsOf(args).length,
    scopes: (args) => [...new Set(representationsOf(args).map(({ entity }) => entity.scope))],
  };
  const entities: GraphQLFieldConfig<unknown, GatewayContext> = {
    type: new GraphQLNonNull(new GraphQLList(entityUnion)),
    description: 'Federation: the entities a router references, in order (null for one that does not exist).',
    args: { representations: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(AnyType))) } },
    extensions: { ...routerOnly, budget },
    resolve: (_root, args, context) =>
      representationsOf(args).map(({ entity, key, value }) => entity.load(context, key, value)),
  };
  const service: GraphQLFieldConfig<unknown, GatewayContext> = {
    type: new GraphQLNonNull(ServiceType),
    description: "Federation: this subgraph's SDL, for a router composing the supergraph.",
    extensions: routerOnly,
    resolve: () => ({ sdl }),
  };
  const routerQuery = new GraphQLObjectType({
    ...queryConfig,
    fields: { ...queryConfig.fields, _entities: entities, _service: service },
  });
  return {
    schema: new GraphQLSchema({
      ...config,
      query: routerQuery,
      types: [...config.types.map((type) => (type === query ? routerQuery : type)), entityUnion, ServiceType],
    }),
    sdl,
  };
}

/**
 * The subgraph's SDL (`_service.sdl`, and schema/subgraph.graphql): the gateway's own SDL with
 * the federation link and each entity's `@key`s, checked and printed by @apollo/subgraph (which
 * throws on anything a router would refuse).
 */
export function subgraphSdl(schema: GraphQLSchema): string {
  const document = parse(printGatewaySdl(schema));
  const keyed: DocumentNode = {
    ...document,
    definitions: [
      ...parse(FEDERATION_LINK).definitions,
      ...document.definitions.map((definition) =>
        definition.kind === Kind.OBJECT_TYPE_DEFINITION && isEntityName(definition.name.value)
          ? { ...definition, directives: ENTITIES[definition.name.value].keys.map(keyDirective) }
          : definition,
      ),
    ],
  };
  return `${printSubgraphSchema(buildSubgraphSchema({ typeDefs: keyed }))}\n`;
}

const keyDirective = (fields: string): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'key' },
  arguments: [
    {
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: 'fields' },
      value: { kind: Kind.STRING, value: fields },
    },
  ],
});
