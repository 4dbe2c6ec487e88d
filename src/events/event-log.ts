import type { Redis } from 'ioredis';
import type { NewPaymentEvent, PaymentEventPayload } from './payment-event.js';

/** How long and how much of the event history is kept (EVENT_LOG_MAX_EVENTS, EVENT_LOG_MAX_AGE_MS). */
export interface EventRetention {
  maxEvents: number;
  maxAgeMs: number;
}

export const DEFAULT_EVENT_RETENTION: EventRetention = { maxEvents: 10_000, maxAgeMs: 24 * 3600_000 };

/** What a read found: the matching events, and how far it looked (a resume continues after that). */
export interface EventPage {
  events: PaymentEventPayload[];
  /** The id of the last event looked at, matching or not; `after` when there was none. */
  through: string | null;
}

/**
 * The payment events published, in order, for as long as the retention keeps them: what a
 * subscriber that lost its connection replays, and what `Query.paymentEvents` lists.
 *
 * An id is `<ms>-<seq>`, Redis Streams' form, so that ids compare the same way in memory and in
 * Redis: by time, then by sequence within a millisecond. With Redis every replica appends to the
 * one stream, and Redis orders them.
 */
export interface EventLog {
  append(event: NewPaymentEvent): Promise<PaymentEventPayload>;
  /**
   * Up to `limit` events after `after` (exclusive; the oldest kept when null) that `matches`
   * accepts, oldest first. Throws EventsExpiredError when events after `after` may have been
   * dropped by the retention: the caller cannot know what it missed.
   */
  read(
    after: string | null,
    limit: number,
    matches?: (event: PaymentEventPayload) => boolean,
  ): Promise<EventPage>;
}

export class EventsExpiredError extends Error {
  constructor(readonly after: string) {
    super(
      `events after ${after} are no longer kept (the event log's retention has dropped them): ` +
        're-read the bill or refund, then subscribe without `after`',
    );
  }
}

const EVENT_ID = /^(\d{1,15})-(\d{1,15})$/;

/** Whether `text` is an event id this gateway could have issued. */
export const isEventId = (text: string) => EVENT_ID.test(text);

/** Orders two event ids (negative: `a` is older). */
export function compareEventIds(a: string, b: string): number {
  const [, aMs, aSeq] = EVENT_ID.exec(a)!;
  const [, bMs, bSeq] = EVENT_ID.exec(b)!;
  return Number(aMs) - Number(bMs) || Number(aSeq) - Number(bSeq);
}

/** The stream every replica appends to. */
export const EVENT_STREAM = 'beecloud-graphql:payment-events';

/** Events looked at per step of a filtered read: bounded work per round trip to Redis. */
const SCAN_STEP = 200;

/** One replica's history, in memory: bounded by the retention's count and age. */
export class MemoryEventLog implements EventLog {
  private readonly events: PaymentEventPayload[] = [];
  /** The newest id the retention dropped: a resume from before it may have missed events. */
  private droppedThrough: string | null = null;
  private last = { ms: 0, seq: -1 };

  constructor(
    private readonly retention: EventRetention = DEFAULT_EVENT_RETENTION,
    private readonly now: () => number = Date.now,
  ) {}

  async append(event: NewPaymentEvent): Promise<PaymentEventPayload> {
    const ms = Math.max(this.now(), this.last.ms);
    this.last = { ms, seq: ms === this.last.ms ? this.last.seq + 1 : 0 };
    const logged = Object.assign({}, event, { id: `${ms}-${this.last.seq}` });
    this.events.push(logged);
    this.trim();
    return logged;
  }

  async read(
    after: string | null,
    limit: number,
    matches: (event: PaymentEventPayload) => boolean = () => true,
  ) {
    this.trim();
    if (after !== null && this.droppedThrough !== null && compareEventIds(after, this.droppedThrough) < 0)
      throw new EventsExpiredError(after);
    let start = 0;
    if (after !== null) {
      // Binary search: the first event newer than `after`.
      let high = this.events.length;
      while (start < high) {
        const middle = (start + high) >> 1;
        if (compareEventIds(this.events[middle]!.id, after) <= 0) start = middle + 1;
        else high = middle;
      }
    }
    const events: PaymentEventPayload[] = [];
    let through = after;
    for (let i = start; i < this.events.length && events.length < limit; i++) {
      const event = this.events[i]!;
      through = event.id;
      if (matches(event)) events.push(event);
    }
    return { events, through };
  }

  private trim(): void {
    const oldest = this.now() - this.retention.maxAgeMs;
    let drop = Math.max(0, this.events.length - this.retention.maxEvents);
    while (drop < this.events.length && Number(EVENT_ID.exec(this.events[drop]!.id)![1]) < oldest) drop++;
    if (drop === 0) return;
    this.droppedThrough = this.events[drop - 1]!.id;
    this.events.splice(0, drop);
  }
}

/**
 * Appends one event and applies the retention, atomically: XADD gives the id (Redis keeps ids
 * ordered across writers), then the oldest entries beyond the count, and those older than the
 * age, are trimmed — and the newest id trimmed is remembered (KEYS[2]), since a stream does not
 * record what trimming removed, and a resume from before it may have missed events.
 * ARGV: the event's JSON, the count to keep, the oldest id to keep.
 */
const APPEND = `
local id = redis.call('XADD', KEYS[1], '*', 'event', ARGV[1])
local dropped = nil
local excess = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[2])
if excess > 0 then
  local gone = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', excess)
  dropped = gone[#gone][1]
  redis.call('XTRIM', KEYS[1], 'MAXLEN', '=', ARGV[2])
end
local old = redis.call('XREVRANGE', KEYS[1], '(' .. ARGV[3], '-', 'COUNT', 1)
if #old > 0 then
  dropped = old[1][1]
  redis.call('XTRIM', KEYS[1], 'MINID', '=', ARGV[3])
end
if dropped then redis.call('SET', KEYS[2], dropped) end
return id
`;

/**
 * The history in a Redis stream, shared by every replica, trimmed to the retention as each
 * event is appended (APPEND).
 */
export class RedisEventLog implements EventLog {
  constructor(
    private readonly redis: Redis,
    private readonly retention: EventRetention = DEFAULT_EVENT_RETENTION,
    private readonly key = EVENT_STREAM,
  ) {}

  private get droppedKey() {
    return `${this.key}:dropped-through`;
  }

  async append(event: NewPaymentEvent): Promise<PaymentEventPayload> {
    const oldestKept = `${Math.max(0, Date.now() - this.retention.maxAgeMs)}-0`;
    const id = (await this.redis.eval(
      APPEND,
      2,
      this.key,
      this.droppedKey,
      JSON.stringify(event),
      this.retention.maxEvents,
      oldestKept,
    )) as string;
    return Object.assign({}, event, { id });
  }

  async read(
    after: string | null,
    limit: number,
    matches: (event: PaymentEventPayload) => boolean = () => true,
  ) {
    if (after !== null) {
      const dropped = await this.redis.get(this.droppedKey);
      if (dropped !== null && compareEventIds(after, dropped) < 0) throw new EventsExpiredError(after);
    }
    const events: PaymentEventPayload[] = [];
    let through = after;
    while (events.length < limit) {
      const entries = await this.redis.xrange(
        this.key,
        through === null ? '-' : `(${through}`,
        '+',
        'COUNT',
        SCAN_STEP,
      );
      for (const [id, fields] of entries) {
        through = id;
        const event = Object.assign(JSON.parse(fields[1]!) as NewPaymentEvent, { id });
        if (matches(event)) events.push(event);
        if (events.length === limit) break;
      }
      if (entries.length < SCAN_STEP) break;
    }
    return { events, through };
  }
}
