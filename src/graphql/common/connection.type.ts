import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { MAX_QUERY_LIMIT } from '../../wire/index.js';
import { Budget } from '../operation-budget.js';
import { MAX_CURSOR_IDS, encodeCursor, type Cursor, type PageStart } from './connection.args.js';

/** What a list query fetches: `limit` records from `skip`, created at or before `endTime` when given. */
export type FetchRecords<TRecord> = (window: {
  skip: number;
  limit: number;
  endTime?: number;
}) => Promise<TRecord[]>;

/** What a connection needs to answer its lazy fields. */
export interface ConnectionSource<TNode> {
  nodes: TNode[];
  /**
   * The cursor after the node at `index`, as a client passes it back in `after`: made when a
   * field asks for it (a page read through `nodes` needs none).
   */
  cursor: (index: number) => string;
  first: number;
  hasPreviousPage: boolean;
  /** Counts the whole filtered list (one upstream count call). */
  count: () => Promise<number>;
  /** Whether anything follows the page (one upstream call). */
  probeNext: () => Promise<boolean>;
}

@ObjectType({ description: "Where a page stands in the list (Relay's PageInfo)." })
export class PageInfo {
  constructor(private readonly source: ConnectionSource<unknown>) {}

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  get startCursor(): string | null {
    return this.source.nodes.length ? this.source.cursor(0) : null;
  }

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next page; null on an empty page.',
  })
  get endCursor(): string | null {
    const { nodes, cursor } = this.source;
    return nodes.length ? cursor(nodes.length - 1) : null;
  }

  @Field({
    description: 'Whether records come before this page (it was asked for with `after` or an offset).',
  })
  get hasPreviousPage(): boolean {
    return this.source.hasPreviousPage;
  }

  @Budget({ calls: 1 })
  @Field(() => Boolean, {
    description: 'Whether records follow this page: one upstream call, unless the page came back short.',
  })
  hasNextPage(): Promise<boolean> {
    if (this.source.first > 0 && this.source.nodes.length < this.source.first) return Promise.resolve(false);
    return this.source.probeNext();
  }
}

// The fields under a list run once per item the connection field asked for (`first`, default 10).
const perItem = (connection: Record<string, unknown>) => Number(connection.first ?? 10);

/** A type's name in words: `PaymentEvent` → "payment event". */
const inWords = (name: string) => name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();

/** `BillEdge`, `RefundEdge`: a node and the cursor after it. */
function EdgeOf<TNode extends object>(nodeType: ClassType<TNode>) {
  @ObjectType(`${nodeType.name}Edge`, {
    description: `A ${inWords(nodeType.name)} and the cursor after it.`,
  })
  class Edge {
    constructor(
      readonly node: TNode,
      readonly cursor: string,
    ) {}
  }
  Field(() => String, { description: 'Pass as `after` to continue after this node.' })(
    Edge.prototype,
    'cursor',
  );
  Field(() => nodeType, { description: `The ${inWords(nodeType.name)}.` })(Edge.prototype, 'node');
  return Edge;
}

/**
 * A Relay connection: `edges`, `nodes`, `pageInfo` and `totalCount`, the last two resolved
 * only when selected (over a BeeCloud list, each costs an upstream call).
 */
export function ConnectionOf<TNode extends object>(
  nodeType: ClassType<TNode>,
  /** What `totalCount` costs: an upstream count call (BeeCloud's lists), or none (the event log). */
  counted: 'upstream' | 'locally' = 'upstream',
) {
  const Edge = EdgeOf(nodeType);

  @ObjectType()
  abstract class Connection {
    constructor(protected readonly source: ConnectionSource<TNode>) {}

    @Budget({ itemsFromParent: perItem })
    @Field(() => [Edge], { description: 'The nodes with their cursors.' })
    get edges(): InstanceType<typeof Edge>[] {
      return this.source.nodes.map((node, i) => new Edge(node, this.source.cursor(i)));
    }

    @Budget({ itemsFromParent: perItem })
    @Field(() => [nodeType], { description: 'The nodes alone, when no cursor is needed.' })
    get nodes(): TNode[] {
      return this.source.nodes;
    }

    @Budget({ itemsFromParent: perItem })
    @Field(() => [nodeType], {
      deprecationReason: 'Use `nodes` (or `edges`).',
      description: 'The same as `nodes`.',
    })
    get items(): TNode[] {
      return this.source.nodes;
    }

    @Field(() => PageInfo, { description: 'Cursors and whether more records come before or after.' })
    get pageInfo(): PageInfo {
      return new PageInfo(this.source as ConnectionSource<unknown>);
    }

    @Budget({ calls: counted === 'upstream' ? 1 : 0 })
    @Field(() => Int, {
      description:
        counted === 'upstream'
          ? 'Records matching the filter in all; one upstream count call when selected.'
          : 'Records matching the filter in all.',
    })
    totalCount(): Promise<number> {
      return this.source.count();
    }
  }
  return Connection;
}

/**
 * Fetches `limit` records from `skip` (and `endTime`) as upstream pages of at most 50, all at
 * once: BeeCloud caps `limit` at 50, and parallel calls keep a 200-item page at one round trip.
 */
async function fetchWindow<T>(
  fetch: FetchRecords<T>,
  window: { skip: number; limit: number; endTime?: number },
): Promise<T[]> {
  const end = window.skip + window.limit;
  const pages: Array<Promise<T[]>> = [];
  for (let skip = window.skip; skip < end; skip += MAX_QUERY_LIMIT)
    pages.push(fetch({ endTime: window.endTime, skip, limit: Math.min(MAX_QUERY_LIMIT, end - skip) }));
  return (await Promise.all(pages)).flat();
}

/** The records after `start`, at most `first` (plus one look-ahead when `extra`). */
async function recordsAfter<T extends { id: string; create_time: number }>(
  fetch: FetchRecords<T>,
  start: PageStart,
  first: number,
  endTime: number | undefined,
): Promise<T[]> {
  if ('offset' in start) return fetchWindow(fetch, { skip: start.offset, limit: first, endTime });
  const { t, ids } = start.after;
  const seen = new Set(ids);
  const records = await fetchWindow(fetch, {
    skip: 0,
    limit: first + ids.length,
    endTime: endTime === undefined ? t : Math.min(endTime, t),
  });
  return records.filter((record) => !(record.create_time === t && seen.has(record.id))).slice(0, first);
}

/** The cursor after each record: its time and the ids returned at that millisecond so far. */
function cursorsOf(records: Array<{ id: string; create_time: number }>, start: PageStart): Cursor[] {
  let current: Cursor = 'after' in start ? start.after : { t: -1, ids: [] };
  return records.map((record) => {
    const ids = record.create_time === current.t ? [...current.ids, record.id] : [record.id];
    current = { t: record.create_time, ids: ids.slice(-MAX_CURSOR_IDS) };
    return current;
  });
}

/**
 * The source of a connection page: the records after `start`, their cursors, and the count
 * and next-page probe left to run only if their fields are selected.
 */
export async function loadConnection<TRecord extends { id: string; create_time: number }>(
  request: { start: PageStart; first: number },
  endTime: number | undefined,
  fetch: FetchRecords<TRecord>,
  count: () => Promise<number>,
): Promise<ConnectionSource<TRecord>> {
  const { start, first } = request;
  const nodes = await recordsAfter(fetch, start, first, endTime);
  const positions = cursorsOf(nodes, start);
  const last = positions.at(-1);
  // What follows the last record (or the start, on an empty page): one record past it.
  const next: PageStart = last ? { after: last } : 'after' in start ? start : { offset: start.offset };
  return {
    nodes,
    cursor: (index) => encodeCursor(positions[index]!),
    first,
    hasPreviousPage: 'after' in start || start.offset > 0,
    count,
    probeNext: () => recordsAfter(fetch, next, 1, endTime).then((more) => more.length > 0),
  };
}
