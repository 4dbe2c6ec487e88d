import {
  EventsExpiredError,
  compareEventIds,
  isEventId,
  type EventLog,
  type EventPage,
} from '../../events/event-log.js';
import type { PaymentEventPayload } from '../../events/payment-event.js';
import { badUserInput, gatewayError } from '../errors.js';

/** Events replayed per read of the log while a subscriber catches up. */
const REPLAY_STEP = 100;

/** Reads the log, with a malformed or expired `after` as the client's error. */
export async function readEvents(
  log: EventLog,
  after: string | null,
  limit: number,
  matches: (event: PaymentEventPayload) => boolean,
): Promise<EventPage> {
  if (after !== null && !isEventId(after))
    throw badUserInput('after is not an event id this gateway issued (like 1764900000000-0)', 'after');
  try {
    return await log.read(after, limit, matches);
  } catch (error) {
    if (error instanceof EventsExpiredError) throw gatewayError('EVENTS_EXPIRED', error.message);
    throw error;
  }
}

/**
 * A subscription's events: with `after`, first those the log holds after it, then the live
 * ones, with no gap and no duplicate at the seam. The live topic is listened to before the
 * log is read, so an event published meanwhile is either in the read or arrives live; a live
 * event the read already covered (its id at or before where the read stopped) is skipped.
 *
 * The first read happens here, before the subscription is answered, so that an expired or
 * malformed `after` is the subscription's error rather than a dropped socket.
 */
export async function replayThenLive(
  log: EventLog,
  live: AsyncIterable<PaymentEventPayload>,
  after: string | null | undefined,
  matches: (event: PaymentEventPayload) => boolean,
): Promise<AsyncIterable<PaymentEventPayload>> {
  const iterator = live[Symbol.asyncIterator]();
  if (after == null) return filtered(iterator, null, undefined, matches, log);
  // A pub/sub iterator starts listening at its first `next`: ask for it before reading the log.
  const pending = iterator.next();
  try {
    const first = await readEvents(log, after, REPLAY_STEP, matches);
    return filtered(iterator, pending, first, matches, log);
  } catch (error) {
    void iterator.return?.();
    throw error;
  }
}

/** The log's pages from `first` on, read REPLAY_STEP events at a time until one comes back short. */
async function* pagesFrom(
  log: EventLog,
  first: EventPage,
  matches: (event: PaymentEventPayload) => boolean,
): AsyncGenerator<EventPage> {
  for (let page = first; ; page = await readEvents(log, page.through, REPLAY_STEP, matches)) {
    yield page;
    if (page.events.length < REPLAY_STEP) return;
  }
}

/** How many events the log holds that `matches` accepts. */
export async function countEvents(
  log: EventLog,
  matches: (event: PaymentEventPayload) => boolean,
): Promise<number> {
  let count = 0;
  for await (const page of pagesFrom(log, await readEvents(log, null, REPLAY_STEP, matches), matches))
    count += page.events.length;
  return count;
}

/** The replayed pages (from `first`, when resuming), then the live events after them. */
async function* filtered(
  iterator: AsyncIterator<PaymentEventPayload>,
  pending: Promise<IteratorResult<PaymentEventPayload>> | null,
  first: EventPage | undefined,
  matches: (event: PaymentEventPayload) => boolean,
  log: EventLog,
): AsyncGenerator<PaymentEventPayload> {
  try {
    let seam: string | null = null;
    if (first)
      for await (const page of pagesFrom(log, first, matches)) {
        yield* page.events;
        seam = page.through;
      }
    for (;;) {
      const next = await (pending ?? iterator.next());
      pending = null;
      if (next.done) return;
      if (seam !== null && compareEventIds(next.value.id, seam) <= 0) continue;
      if (matches(next.value)) yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
