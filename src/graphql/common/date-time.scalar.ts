import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/**
 * graphql-scalars' DateTime (the same name, description, rules and parsing), answering the
 * ISO 8601 text itself. Its own `serialize` answers a Date and leaves the text to
 * JSON.stringify, which then calls `toJSON` on every date of the answer, off its fast path: a
 * 50-bill page's answer took 64 µs to stringify with its Dates and 26 µs with their text (in
 * process). The text is the one `toJSON` wrote: a date reaches it only once graphql-scalars
 * has found it valid, and an invalid one is refused as before.
 */
export const DateTime = new GraphQLScalarType(
  Object.assign({}, GraphQLDateTime.toConfig(), {
    serialize: (value: unknown) => (GraphQLDateTime.serialize(value) as Date).toISOString(),
  }),
);
