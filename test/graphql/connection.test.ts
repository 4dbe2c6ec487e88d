import { startTestGateway, dataOf, type GraphQLAnswer, type TestGateway } from '../support/gateway.js';

interface Page {
  bills: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

/**
 * Cursors name a place by creation time and the ids already returned at that millisecond
 * (graphql/common/connection.type.ts). Bills created in one millisecond tie on time: paging
 * through them must still return each once, in the order of one long page, at every page size.
 */
let t: TestGateway;
const SAME_MS = 7;
let order: string[];

beforeAll(async () => {
  t = await startTestGateway();
  // Stop the sandbox's clock for a moment: every bill gets the same create_time.
  const clock = t.sandbox.runtime.clock;
  const frozen = clock.now();
  const now = clock.now.bind(clock);
  clock.now = () => frozen;
  try {
    for (let i = 0; i < SAME_MS; i++) await t.rest.bill({ channel: 'UN_APP', total_fee: 100 + i });
  } finally {
    clock.now = now;
  }
  // One older and one newer bill around them.
  await t.rest.bill({ channel: 'UN_APP', total_fee: 1 });
  const all = await t.post<{ bills: { nodes: Array<{ id: string; createdAt: string }> } }>(
    '{ bills(first: 50) { nodes { id createdAt } } }',
  );
  order = dataOf(all).bills.nodes.map((bill) => bill.id);
});
afterAll(() => t.close());

describe('paging through bills created in the same millisecond', () => {
  it('sees them tie on their creation time', async () => {
    const all = await t.post<{ bills: { nodes: Array<{ createdAt: string }> } }>(
      '{ bills(first: 50) { nodes { createdAt } } }',
    );
    const times = dataOf(all).bills.nodes.map((bill) => bill.createdAt);
    expect(new Set(times.slice(1)).size).toBe(1); // the seven, after the newer one
    expect(order).toHaveLength(SAME_MS + 1);
  });

  it.each(Array.from({ length: SAME_MS + 1 }, (_, i) => i + 1))(
    'returns each once, in order, with pages of %i',
    async (size) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 20; pages++) {
        const answer: GraphQLAnswer<Page> = await t.post<Page>(
          'query($n: Int!, $after: String) { bills(first: $n, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }',
          { n: size, after },
        );
        const { nodes, pageInfo } = dataOf(answer).bills;
        seen.push(...nodes.map((bill) => bill.id));
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      expect(seen).toEqual(order);
    },
  );
});
