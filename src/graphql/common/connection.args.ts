import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_QUERY_LIMIT } from '../../wire/index.js';
import { badUserInput } from '../errors.js';

/** The largest page the gateway serves, fetched as upstream pages of 50 in parallel. */
export const MAX_PAGE_SIZE = 200;
/** Ids a cursor remembers at its millisecond: more records than this created in one millisecond may repeat. */
export const MAX_CURSOR_IDS = MAX_QUERY_LIMIT;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 10, description: `Items on this page, 0..${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Continue after this cursor (an edge cursor or `pageInfo.endCursor` of an earlier page). Stable when ' +
      'records are created meanwhile: the next page starts where this one ended.',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    deprecationReason: 'Offsets shift when records are created; use `after` with a cursor.',
    description: 'Items to skip. Not with `after`.',
  })
  offset?: number | null;
}

/**
 * A cursor names a place in the newest-first list by time, not position: the creation time
 * of the last record returned and the ids already returned at that millisecond. The next
 * page asks BeeCloud for records created at or before that time (`end_time`) and drops those
 * ids: BeeCloud orders newest first and gives no order within a millisecond, and a record
 * created meanwhile is newer, so it cannot shift the page.
 */
export interface Cursor {
  /** 13-digit ms. */
  t: number;
  ids: string[];
}

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (
      Number.isSafeInteger(cursor.t) &&
      cursor.t >= 0 &&
      Array.isArray(cursor.ids) &&
      cursor.ids.length <= MAX_CURSOR_IDS &&
      cursor.ids.every((id) => typeof id === 'string' && id.length <= 64)
    )
      return { t: cursor.t, ids: cursor.ids };
  } catch {
    // not JSON: refused below
  }
  throw badUserInput('after is not a cursor this gateway issued', 'after');
}

/** Where a page starts: after a cursor, at an offset, or at the top. */
export type PageStart = { after: Cursor } | { offset: number };

/** A page's size as every connection takes it, or BAD_USER_INPUT naming the rule. */
export function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
}

/** The page an argument set asks for, or BAD_USER_INPUT naming the rule. */
export function pageRequest(args: ConnectionArgs): { start: PageStart; first: number } {
  checkFirst(args.first);
  if (args.offset != null && args.after != null)
    throw badUserInput('give offset or after, not both', 'offset');
  if (args.offset != null && args.offset < 0)
    throw badUserInput(`offset must be >= 0, got ${args.offset}`, 'offset');
  const start = args.after != null ? { after: decodeCursor(args.after) } : { offset: args.offset ?? 0 };
  return { start, first: args.first };
}

/** Upstream calls a page makes: one per upstream page of 50, and one more for what a cursor drops. */
export const pageCalls = (args: Record<string, unknown>) =>
  Math.ceil((Number(args.first ?? 10) + (args.after != null ? MAX_CURSOR_IDS : 0)) / MAX_QUERY_LIMIT);
