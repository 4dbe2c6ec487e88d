import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Fields a class serves from a getter (`@Field() get optional()`) are read as plain properties.
 * TypeGraphQL gives each such field a resolver that rebuilds the root as its class, runs an
 * (empty) middleware chain and then reads the getter; and a field with a resolver costs
 * graphql-jit a resolve-info object per call. A 50-bill page reads `optional` 50 times: the
 * resolvers cost it ~10% of its GraphQL work (bench, in process). Without a resolver, graphql
 * reads `root[field]`, which runs the same getter.
 *
 * That holds because every root of these types is an instance of its class: records become
 * Bills, Refunds and Money through their `fromWire`/`of`, connections and page info are built
 * with `new`. A field renamed from its property (`@Field({ name })`), or one that takes
 * arguments, keeps its resolver.
 */
export function readGetterFieldsDirectly(schema: GraphQLSchema): void {
  for (const { name, target } of getMetadataStorage().objectTypes) {
    const type = schema.getType(name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields()))
      if (field.args.length === 0 && hasGetter(target.prototype as object, field.name))
        field.resolve = undefined;
  }
}

/** Whether the class (or a class it extends) defines a getter of this name. */
function hasGetter(prototype: object | null, property: string): boolean {
  for (let at = prototype; at && at !== Object.prototype; at = Object.getPrototypeOf(at) as object | null)
    if (Object.getOwnPropertyDescriptor(at, property)?.get) return true;
  return false;
}
