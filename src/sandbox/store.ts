import Database from 'better-sqlite3';
import type {
  BillFilter,
  BillRow,
  PageWindow,
  RefundFilter,
  RefundRow,
  RefundWithBill,
  WebhookAttemptRow,
  WebhookEventRow,
} from './store-rows.js';
import { REFUND_WITH_BILL, SCHEMA, Where, billWhere, refundWhere } from './store-sql.js';

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
