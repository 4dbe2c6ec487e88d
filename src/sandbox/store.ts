import Database from 'better-sqlite3';
import { channelsOfFamily, isChannelFamily, type ChannelFilter, type PayChannel } from '../wire/index.js';

/** Where a bill is in its life. Only `open` bills can be paid, failed or retried; `revoked` by the in-store REVERT. */
export type BillStatus = 'open' | 'paid' | 'failed' | 'timed_out' | 'revoked';

export interface BillRow {
  seq: number;
  id: string;
  app_id: string;
  bill_no: string;
  channel: PayChannel;
  total_fee: number;
  title: string;
  /** JSON text of the merchant's map, `{}` when none was sent. */
  optional: string;
  analysis: string;
  /** JSON text of the channel-specific request fields (return_url, openid, …). */
  extra: string;
  /** Virtual ms after which an open bill can no longer be paid; null for none. */
  expires_at: number | null;
  create_time: number;
  status: BillStatus;
  trade_no: string;
  message_detail: string;
  refund_result: 0 | 1;
  revert_result: 0 | 1;
}

/**
 * `awaiting_review`: a pre-refund; `processing`: started, waiting for the channel (or the
 * ALI confirmation); the rest are final.
 */
export type RefundState = 'awaiting_review' | 'processing' | 'succeeded' | 'failed' | 'denied';

export interface RefundRow {
  seq: number;
  id: string;
  app_id: string;
  refund_no: string;
  bill_id: string;
  refund_fee: number;
  optional: string;
  need_approval: 0 | 1;
  state: RefundState;
  /** What the channel says (for `GET /refund/status`); set by the control API. */
  channel_status: 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'CHANGE';
  create_time: number;
  message_detail: string;
  deny_reason: string;
  /** JSON text of the fields kept as given (notify_url, refund_account, in-store reason, operator, store). */
  extra: string;
}

/** A refund with the bill fields every refund answer carries. */
export type RefundWithBill = RefundRow & Pick<BillRow, 'bill_no' | 'title' | 'total_fee' | 'channel'>;

/** Bill fields kept in `extra` that the bill queries filter on. */
export const BILL_EXTRA_FILTERS = ['buyer_id', 'seller_id', 'store_id', 'operator_id'] as const;

export interface BillFilter extends Partial<Record<(typeof BILL_EXTRA_FILTERS)[number], string>> {
  channel?: ChannelFilter;
  bill_no?: string;
  spay_result?: boolean;
  refund_result?: boolean;
  start_time?: number;
  end_time?: number;
}

export interface RefundFilter {
  channel?: ChannelFilter;
  bill_no?: string;
  refund_no?: string;
  need_approval?: boolean;
  start_time?: number;
  end_time?: number;
}

export interface PageWindow {
  skip: number;
  limit: number;
}

export type WebhookEventState = 'pending' | 'delivered' | 'exhausted';

export interface WebhookEventRow {
  id: number;
  app_id: string;
  url: string;
  body: string;
  transaction_type: string;
  transaction_id: string;
  state: WebhookEventState;
  attempts: number;
  /** Wall-clock ms of the first attempt (the retry schedule counts from it). */
  first_attempt_at: number | null;
  next_attempt_at: number;
}

export interface WebhookAttemptRow {
  event_id: number;
  attempt: number;
  at: number;
  http_status: number | null;
  outcome: string;
}

const SCHEMA = `
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

const REFUND_WITH_BILL = `
SELECT r.*, b.bill_no, b.title, b.total_fee, b.channel
FROM refunds r JOIN bills b ON b.id = r.bill_id`;

/**
 * The sandbox's state in SQLite: a file when `file` is given, in memory otherwise.
 * Every method is synchronous; `transaction` runs a function under SQLite's write lock
 * (BEGIN IMMEDIATE), so a check-then-write inside it is atomic even across processes
 * sharing one file — that is what keeps a bill_no from being used twice and a bill
 * from being refunded twice.
 */
export class SandboxStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file?: string) {
    this.db = new Database(file ?? ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    // A file written before refunds kept their extra fields gains the column (empty maps).
    const refundColumns = this.db.pragma('table_info(refunds)') as Array<{ name: string }>;
    if (!refundColumns.some((column) => column.name === 'extra'))
      this.db.exec("ALTER TABLE refunds ADD COLUMN extra TEXT NOT NULL DEFAULT '{}'");
  }

  /** Statements are compiled once per SQL text (queries differ only by their filters). */
  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** A small named value that must survive a restart (the virtual clock's offset). */
  setting(key: string): string | undefined {
    return (
      this.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
    )?.value;
  }

  setSetting(key: string, value: string): void {
    this.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }

  close(): void {
    this.db.close();
  }

  /** Deletes every record; apps and configuration stay. */
  reset(): void {
    this.db.exec(
      'DELETE FROM webhook_attempts; DELETE FROM webhook_events; DELETE FROM refunds; DELETE FROM bills;',
    );
  }

  // Bills

  insertBill(
    bill: Omit<BillRow, 'seq' | 'trade_no' | 'message_detail' | 'refund_result' | 'revert_result'>,
  ): void {
    this.prepare(
      `INSERT INTO bills (id, app_id, bill_no, channel, total_fee, title, optional, analysis, extra, expires_at, create_time, status)
         VALUES (@id, @app_id, @bill_no, @channel, @total_fee, @title, @optional, @analysis, @extra, @expires_at, @create_time, @status)`,
    ).run(bill);
  }

  billById(appId: string, id: string): BillRow | undefined {
    return this.prepare('SELECT * FROM bills WHERE app_id = ? AND id = ?').get(appId, id) as
      BillRow | undefined;
  }

  billByNo(appId: string, billNo: string): BillRow | undefined {
    return this.prepare('SELECT * FROM bills WHERE app_id = ? AND bill_no = ?').get(appId, billNo) as
      BillRow | undefined;
  }

  /** Bills with this bill_no in any app (the control API names bills by bill_no alone). */
  billsByNo(billNo: string): BillRow[] {
    return this.prepare('SELECT * FROM bills WHERE bill_no = ?').all(billNo) as BillRow[];
  }

  billByIdAnyApp(id: string): BillRow | undefined {
    return this.prepare('SELECT * FROM bills WHERE id = ?').get(id) as BillRow | undefined;
  }

  updateBill(
    id: string,
    fields: Partial<
      Pick<BillRow, 'status' | 'trade_no' | 'message_detail' | 'refund_result' | 'revert_result'>
    >,
  ) {
    const names = Object.keys(fields);
    if (names.length === 0) return;
    this.prepare(
      `UPDATE bills SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE id = @id`,
    ).run({ ...fields, id });
  }

  queryBills(appId: string, filter: BillFilter, page: PageWindow): BillRow[] {
    const { sql, params } = billWhere(appId, filter);
    return this.prepare(
      `SELECT * FROM bills WHERE ${sql} ORDER BY create_time DESC, seq DESC LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.skip) as BillRow[];
  }

  countBills(appId: string, filter: BillFilter): number {
    const { sql, params } = billWhere(appId, filter);
    return (this.prepare(`SELECT COUNT(*) AS n FROM bills WHERE ${sql}`).get(...params) as { n: number }).n;
  }

  // Refunds

  insertRefund(refund: Omit<RefundRow, 'seq' | 'message_detail' | 'deny_reason' | 'channel_status'>): void {
    this.prepare(
      `INSERT INTO refunds (id, app_id, refund_no, bill_id, refund_fee, optional, need_approval, state, create_time, extra)
         VALUES (@id, @app_id, @refund_no, @bill_id, @refund_fee, @optional, @need_approval, @state, @create_time, @extra)`,
    ).run(refund);
  }

  refundById(appId: string, id: string): RefundWithBill | undefined {
    return this.prepare(`${REFUND_WITH_BILL} WHERE r.app_id = ? AND r.id = ?`).get(appId, id) as
      RefundWithBill | undefined;
  }

  refundByNo(appId: string, refundNo: string): RefundWithBill | undefined {
    return this.prepare(`${REFUND_WITH_BILL} WHERE r.app_id = ? AND r.refund_no = ?`).get(appId, refundNo) as
      RefundWithBill | undefined;
  }

  refundsByNo(refundNo: string): RefundWithBill[] {
    return this.prepare(`${REFUND_WITH_BILL} WHERE r.refund_no = ?`).all(refundNo) as RefundWithBill[];
  }

  refundByIdAnyApp(id: string): RefundWithBill | undefined {
    return this.prepare(`${REFUND_WITH_BILL} WHERE r.id = ?`).get(id) as RefundWithBill | undefined;
  }

  refundsOfBill(billId: string): RefundRow[] {
    return this.prepare('SELECT * FROM refunds WHERE bill_id = ? ORDER BY seq').all(billId) as RefundRow[];
  }

  updateRefund(
    id: string,
    fields: Partial<Pick<RefundRow, 'state' | 'channel_status' | 'message_detail' | 'deny_reason'>>,
  ): void {
    const names = Object.keys(fields);
    if (names.length === 0) return;
    this.prepare(
      `UPDATE refunds SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE id = @id`,
    ).run({ ...fields, id });
  }

  queryRefunds(appId: string, filter: RefundFilter, page: PageWindow): RefundWithBill[] {
    const { sql, params } = refundWhere(appId, filter);
    return this.prepare(
      `${REFUND_WITH_BILL} WHERE ${sql} ORDER BY r.create_time DESC, r.seq DESC LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.skip) as RefundWithBill[];
  }

  countRefunds(appId: string, filter: RefundFilter): number {
    const { sql, params } = refundWhere(appId, filter);
    return (
      this.prepare(`SELECT COUNT(*) AS n FROM refunds r JOIN bills b ON b.id = r.bill_id WHERE ${sql}`).get(
        ...params,
      ) as { n: number }
    ).n;
  }

  // Webhooks

  insertWebhookEvent(
    event: Pick<
      WebhookEventRow,
      'app_id' | 'url' | 'body' | 'transaction_type' | 'transaction_id' | 'next_attempt_at'
    >,
  ): number {
    const info = this.prepare(
      `INSERT INTO webhook_events (app_id, url, body, transaction_type, transaction_id, state, next_attempt_at)
         VALUES (@app_id, @url, @body, @transaction_type, @transaction_id, 'pending', @next_attempt_at)`,
    ).run(event);
    return Number(info.lastInsertRowid);
  }

  pendingWebhookEvents(): WebhookEventRow[] {
    return this.prepare(
      `SELECT * FROM webhook_events WHERE state = 'pending' ORDER BY next_attempt_at, id`,
    ).all() as WebhookEventRow[];
  }

  updateWebhookEvent(
    id: number,
    fields: Pick<WebhookEventRow, 'state' | 'attempts' | 'first_attempt_at' | 'next_attempt_at'>,
  ): void {
    this.prepare(
      `UPDATE webhook_events SET state = @state, attempts = @attempts, first_attempt_at = @first_attempt_at,
         next_attempt_at = @next_attempt_at WHERE id = @id`,
    ).run({ ...fields, id });
  }

  insertWebhookAttempt(attempt: WebhookAttemptRow): void {
    this.prepare(
      `INSERT INTO webhook_attempts (event_id, attempt, at, http_status, outcome)
         VALUES (@event_id, @attempt, @at, @http_status, @outcome)`,
    ).run(attempt);
  }

  webhookEvents(filter: { app_id?: string; transaction_id?: string }): WebhookEventRow[] {
    const where = new Where('1 = 1', []);
    if (filter.app_id) where.and('app_id = ?', filter.app_id);
    if (filter.transaction_id) where.and('transaction_id = ?', filter.transaction_id);
    return this.prepare(`SELECT * FROM webhook_events WHERE ${where.sql} ORDER BY id`).all(
      ...where.params,
    ) as WebhookEventRow[];
  }

  webhookAttempts(eventId: number): WebhookAttemptRow[] {
    return this.prepare('SELECT * FROM webhook_attempts WHERE event_id = ? ORDER BY attempt').all(
      eventId,
    ) as WebhookAttemptRow[];
  }
}

// Private helpers: WHERE clauses for the two queries (table aliases: bills `b`, refunds `r`).

class Where {
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

function billWhere(appId: string, filter: BillFilter): Where {
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

function refundWhere(appId: string, filter: RefundFilter): Where {
  const where = new Where('r.app_id = ?', [appId]);
  if (filter.channel) where.channel('b.channel', filter.channel);
  if (filter.bill_no !== undefined) where.and('b.bill_no = ?', filter.bill_no);
  if (filter.refund_no !== undefined) where.and('r.refund_no = ?', filter.refund_no);
  if (filter.need_approval !== undefined) where.and('r.need_approval = ?', +filter.need_approval);
  where.timeRange('r.create_time', filter);
  return where;
}
