import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_QUERY_LIMIT } from '../../wire/index.js';
import { badUserInput } from '../errors.js';

/** The largest page the gateway serves, fetched as upstream pages of 50 in parallel. */
export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 10, description: `Items on this page, 0..${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => Int, { nullable: true, description: 'Items to skip. Give this or `after`, not both.' })
  offset?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Continue after this cursor (an endCursor of an earlier page).',
  })
  after?: string | null;
}

/** Upstream calls a page makes: one per upstream page of 50 (fetchWindow). */
export const pageCalls = (args: Record<string, unknown>) =>
  Math.ceil(Number(args.first ?? 10) / MAX_QUERY_LIMIT);

/** A cursor is an item's position in the filtered, newest-first list, made opaque. */
export const encodeCursor = (position: number) => Buffer.from(`bc:${position}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^bc:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badUserInput('after is not a cursor this gateway issued', 'after');
  return Number(match[1]);
}

/** The window a page asks for, or BAD_USER_INPUT naming the rule. */
export function pageWindow(args: PageArgs): { offset: number; first: number } {
  if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${args.first}`, 'first');
  }
  if (args.offset != null && args.after != null)
    throw badUserInput('give offset or after, not both', 'offset');
  if (args.offset != null && args.offset < 0)
    throw badUserInput(`offset must be >= 0, got ${args.offset}`, 'offset');
  const offset = args.after != null ? decodeCursor(args.after) + 1 : (args.offset ?? 0);
  return { offset, first: args.first };
}

/**
 * Fetches `first` items from `offset` as upstream pages of at most 50, all at once:
 * BeeCloud caps `limit` at 50, and parallel calls keep a 200-item page at one round trip.
 */
export async function fetchWindow<T>(
  window: { offset: number; first: number },
  fetchPage: (skip: number, limit: number) => Promise<T[]>,
): Promise<T[]> {
  const end = window.offset + window.first;
  const pages: Array<Promise<T[]>> = [];
  for (let skip = window.offset; skip < end; skip += MAX_QUERY_LIMIT) {
    pages.push(fetchPage(skip, Math.min(MAX_QUERY_LIMIT, end - skip)));
  }
  return (await Promise.all(pages)).flat();
}
