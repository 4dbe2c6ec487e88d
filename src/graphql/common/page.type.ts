import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Budget } from '../operation-budget.js';
import { encodeCursor, fetchWindow } from './page.args.js';

/** What a page needs to answer its lazy fields. */
export interface PageSource<TItem> {
  items: TItem[];
  offset: number;
  first: number;
  /** Counts the whole filtered list (one upstream count call). */
  count: () => Promise<number>;
  /** Whether anything follows the page (one upstream call of limit 1). */
  probeNext: () => Promise<boolean>;
}

@ObjectType({ description: 'Where a page stands in the list.' })
export class PageInfo {
  constructor(private readonly source: PageSource<unknown>) {}

  @Field(() => Int, { description: 'Position of the first item.' })
  get offset(): number {
    return this.source.offset;
  }

  @Field(() => String, { nullable: true })
  get startCursor(): string | null {
    return this.source.items.length ? encodeCursor(this.source.offset) : null;
  }

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  get endCursor(): string | null {
    return this.source.items.length ? encodeCursor(this.source.offset + this.source.items.length - 1) : null;
  }

  @Budget({ calls: 1 })
  @Field(() => Boolean, { description: 'Costs one upstream call when the page is full; free otherwise.' })
  hasNextPage(): Promise<boolean> {
    if (this.source.items.length < this.source.first || this.source.first === 0)
      return Promise.resolve(false);
    return this.source.probeNext();
  }
}

/**
 * A page of items, with `totalCount` and `pageInfo.hasNextPage` resolved only when
 * selected: each costs an upstream call that most pages do not need.
 */
export function PageOf<TItem extends object>(itemType: ClassType<TItem>) {
  @ObjectType()
  abstract class Page {
    constructor(protected readonly source: PageSource<TItem>) {}

    // The page's children run once per item the page field asked for (`first`, default 10).
    @Budget({ items: (_args, page) => Number(page.first ?? 10) })
    @Field(() => [itemType])
    get items(): TItem[] {
      return this.source.items;
    }

    @Field(() => PageInfo)
    get pageInfo(): PageInfo {
      return new PageInfo(this.source as PageSource<unknown>);
    }

    @Budget({ calls: 1 })
    @Field(() => Int, {
      description: 'Items matching the filter in all; one upstream count call when selected.',
    })
    totalCount(): Promise<number> {
      return this.source.count();
    }
  }
  return Page;
}

/**
 * The source of a list page: the window fetched as upstream pages of 50 in parallel, with
 * the count and the next-page probe left to run only if their fields are selected.
 */
export async function loadPage<TRecord>(
  window: { offset: number; first: number },
  fetchPage: (skip: number, limit: number) => Promise<TRecord[]>,
  count: () => Promise<number>,
): Promise<PageSource<TRecord>> {
  const items = await fetchWindow(window, fetchPage);
  return {
    items,
    ...window,
    count,
    probeNext: () => fetchPage(window.offset + window.first, 1).then((next) => next.length > 0),
  };
}
