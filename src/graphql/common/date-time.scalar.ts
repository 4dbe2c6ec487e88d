import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/**
 * graphql-scalars' DateTime (the same name, description, rules and parsing), answering the
 * ISO 8601 text itself. Its own `serialize` answers a Date and leaves the text to
 * JSON.stringify, which then calls `toJSON` on every date of the answer and leaves its fast
 * path: the dates of a 50-bill page cost its stringify more than the rest of the page
 * together (64 of 26 µs, in process). The text is the one `toJSON` wrote: the dates
 * serialized are valid ones (an invalid one is refused, as before).
 */
export const DateTime = new GraphQLScalarType(
  Object.assign({}, GraphQLDateTime.toConfig(), {
    serialize: (value: unknown) => (GraphQLDateTime.serialize(value) as Date).toISOString(),
  }),
);
