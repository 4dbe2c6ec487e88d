/**
 * Hostile GraphQL requests that fit within the token limit, by family: what an attacker
 * with or without a key sends to make admission work hard before it refuses. Shared by the
 * admission property test (test/http/admission.test.ts), which counts the work, and by
 * bench/admission.ts, which times it.
 */
export interface AdversarialRequest {
  family: string;
  /** Width, depth or count, for the report. */
  shape: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

const repeat = (n: number, part: (i: number) => string, separator = ' ') =>
  Array.from({ length: n }, (_, i) => part(i)).join(separator);

/**
 * Fragments spreading fragments: `width` spreads of F0, each spreading F1 `width` times, and
 * so on `depth` levels down to `leaf`. Written in O(width × depth) tokens, it stands for
 * width^depth copies of the leaf.
 */
export function fragmentTree(width: number, depth: number, leaf = '__typename', on = 'Query'): string {
  const spreads = (level: number) => repeat(width, () => `...F${level}`);
  const levels = Array.from(
    { length: depth - 1 },
    (_, level) => `fragment F${level} on ${on} { ${spreads(level + 1)} }`,
  );
  return [`query { ${spreads(0)} }`, ...levels, `fragment F${depth - 1} on ${on} { ${leaf} }`].join('\n');
}

/**
 * The families, each at sizes up to about `maxTokens` tokens: fragment trees of every
 * width and depth (with a free leaf, a leaf that calls upstream and a page under each copy),
 * alias fans, deep selections, one field repeated (overlap checks are quadratic in it), many
 * operations, directive floods on fields and on spreads, huge variable lists and objects.
 */
export function* adversarialRequests(maxTokens = 3000): Generator<AdversarialRequest> {
  // A spread costs 2 tokens (`...`, the name); each level adds ~6 more.
  for (const depth of [2, 3, 4, 5, 6, 8])
    for (const width of [2, 10, 50, 100, 200, 350]) {
      if (width * depth * 2 + depth * 6 > maxTokens) continue;
      const shape = `width ${width}, depth ${depth}`;
      yield { family: 'fragment tree, free leaf', shape, query: fragmentTree(width, depth) };
      yield {
        family: 'fragment tree, upstream leaf',
        shape,
        query: fragmentTree(width, depth, 'billsCount'),
      };
      yield {
        family: 'fragment tree under a page',
        shape,
        query: `query { bills(first: 100) { nodes { ...F0 } } }\n${fragmentTree(
          width,
          depth,
          'id refunds { id }',
          'Bill',
        )
          .split('\n')
          .slice(1)
          .join('\n')}`,
      };
    }
  for (const n of [16, 100, 700])
    yield {
      family: 'alias fan',
      shape: `${n} aliases`,
      query: `{ ${repeat(n, (i) => `a${i}: billsCount`)} }`,
    };
  for (const depth of [11, 40, 200]) {
    // refunds { nodes { bill { refunds { nodes { bill { … } } } } } }: a level is three fields.
    const levels = Math.ceil(depth / 3);
    const query = `{ ${'refunds { nodes { bill { '.repeat(levels)}id ${'} } } '.repeat(levels)}}`;
    yield { family: 'deep selection', shape: `depth ${levels * 3}`, query };
  }
  for (const n of [100, 1000, 2900])
    yield { family: 'one field repeated', shape: `${n} times`, query: `{ ${'__typename '.repeat(n)}}` };
  for (const n of [100, 700])
    yield {
      family: 'one page field repeated',
      shape: `${n} times`,
      query: `{ bills(first: 100) { nodes { ${'id '.repeat(n)}} } }`,
    };
  for (const n of [10, 300]) {
    const operations = repeat(n, (i) => `query Q${i} { ...F }`, '\n');
    yield {
      family: 'many operations',
      shape: `${n} operations`,
      query: `${operations}\nfragment F on Query { billsCount }`,
      operationName: `Q${n - 1}`,
    };
  }
  for (const n of [21, 400])
    yield {
      family: 'directive flood on a field',
      shape: `${n} directives`,
      query: `{ __typename ${repeat(n, () => '@include(if: true)')} }`,
    };
  for (const n of [21, 400])
    yield {
      family: 'directive flood on spreads',
      shape: `${n} spreads`,
      query: `{ ${repeat(n, () => '...F @include(if: true)')} }\nfragment F on Query { billsCount }`,
    };
  for (const n of [1000, 50_000])
    yield {
      family: 'huge variable list',
      shape: `${n} ids`,
      query:
        'mutation($ids: [ID!]!) { reviewRefunds(input: { ids: $ids, agree: true, channel: WX }) { __typename } }',
      variables: { ids: Array.from({ length: n }, (_, i) => `id-${i}`) },
    };
  for (const n of [1000, 30_000])
    yield {
      family: 'huge variable object',
      shape: `${n} keys`,
      query: 'query($f: BillFilter) { billsCount(filter: $f) }',
      variables: { f: Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])) },
    };
}
