import { channelsOfFamily, isChannelFamily, type ChannelFilter } from '../wire/index.js';
import { BILL_EXTRA_FILTERS, type BillFilter, type RefundFilter } from './store-rows.js';

/** The SQL of the sandbox's store (store.ts): its tables, and the WHERE clauses of its two list queries. */

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bills (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  app_id TEXT NOT NULL,
  bill_no TEXT NOT NULL,
  channel TEXT NOT NULL,
  total_fee INTEGER NOT NULL,
  title TEXT NOT NULL,
  optional TEXT NOT NULL,
  analysis TEXT NOT NULL,
  extra TEXT NOT NULL,
  expires_at INTEGER,
  create_time INTEGER NOT NULL,
  status TEXT NOT NULL,
  trade_no TEXT NOT NULL DEFAULT '',
  message_detail TEXT NOT NULL DEFAULT '{}',
  refund_result INTEGER NOT NULL DEFAULT 0,
  revert_result INTEGER NOT NULL DEFAULT 0,
  UNIQUE (app_id, bill_no)
);
CREATE INDEX IF NOT EXISTS bills_by_time ON bills (app_id, create_time);
CREATE TABLE IF NOT EXISTS refunds (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  app_id TEXT NOT NULL,
  refund_no TEXT NOT NULL,
  bill_id TEXT NOT NULL REFERENCES bills (id),
  refund_fee INTEGER NOT NULL,
  optional TEXT NOT NULL,
  need_approval INTEGER NOT NULL,
  state TEXT NOT NULL,
  channel_status TEXT NOT NULL DEFAULT 'PROCESSING',
  create_time INTEGER NOT NULL,
  message_detail TEXT NOT NULL DEFAULT '{}',
  deny_reason TEXT NOT NULL DEFAULT '',
  extra TEXT NOT NULL DEFAULT '{}',
  UNIQUE (app_id, refund_no)
);
CREATE INDEX IF NOT EXISTS refunds_by_bill ON refunds (bill_id);
CREATE TABLE IF NOT EXISTS webhook_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  app_id TEXT NOT NULL,
  url TEXT NOT NULL,
  body TEXT NOT NULL,
  transaction_type TEXT NOT NULL,
  transaction_id TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  first_attempt_at INTEGER,
  next_attempt_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_attempts (
  event_id INTEGER NOT NULL REFERENCES webhook_events (id),
  attempt INTEGER NOT NULL,
  at INTEGER NOT NULL,
  http_status INTEGER,
  outcome TEXT NOT NULL
);
`;

export const REFUND_WITH_BILL = `
SELECT r.*, b.bill_no, b.title, b.total_fee, b.channel
FROM refunds r JOIN bills b ON b.id = r.bill_id`;

// WHERE clauses for the two list queries (table aliases: bills `b`, refunds `r`).

export class Where {
  constructor(
    public sql: string,
    readonly params: unknown[],
  ) {}

  and(clause: string, ...params: unknown[]): void {
    this.sql += ` AND ${clause}`;
    this.params.push(...params);
  }

  channel(column: string, filter: ChannelFilter): void {
    const channels = isChannelFamily(filter) ? channelsOfFamily(filter) : [filter];
    this.and(`${column} IN (${channels.map(() => '?').join(', ')})`, ...channels);
  }

  /** Both ends inclusive. */
  timeRange(column: string, filter: { start_time?: number; end_time?: number }): void {
    if (filter.start_time !== undefined) this.and(`${column} >= ?`, filter.start_time);
    if (filter.end_time !== undefined) this.and(`${column} <= ?`, filter.end_time);
  }
}

export function billWhere(appId: string, filter: BillFilter): Where {
  const where = new Where('app_id = ?', [appId]);
  if (filter.channel) where.channel('channel', filter.channel);
  if (filter.bill_no !== undefined) where.and('bill_no = ?', filter.bill_no);
  if (filter.spay_result !== undefined)
    where.and(filter.spay_result ? "status = 'paid'" : "status <> 'paid'");
  if (filter.refund_result !== undefined) where.and('refund_result = ?', +filter.refund_result);
  for (const name of BILL_EXTRA_FILTERS)
    if (filter[name] !== undefined) where.and(`json_extract(extra, '$.${name}') = ?`, filter[name]);
  where.timeRange('create_time', filter);
  return where;
}

export function refundWhere(appId: string, filter: RefundFilter): Where {
  const where = new Where('r.app_id = ?', [appId]);
  if (filter.channel) where.channel('b.channel', filter.channel);
  if (filter.bill_no !== undefined) where.and('b.bill_no = ?', filter.bill_no);
  if (filter.refund_no !== undefined) where.and('r.refund_no = ?', filter.refund_no);
  if (filter.need_approval !== undefined) where.and('r.need_approval = ?', +filter.need_approval);
  where.timeRange('r.create_time', filter);
  return where;
}
