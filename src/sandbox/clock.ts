/**
 * The sandbox's notion of "now" for business rules (bill timeouts, the refund window,
 * refund_no dates, record times): the wall clock plus an offset that tests advance.
 * Signature freshness is checked against the wall clock instead, so that advancing
 * the virtual clock never locks real clients out.
 */
export class VirtualClock {
  private offsetMs: number;

  /**
   * With `persisted`, the offset is kept in the store, so that a restart over the same SQLite
   * file does not turn back time (a timed-out bill would become payable again).
   */
  constructor(private readonly persisted?: { load(): string | undefined; save(value: string): void }) {
    this.offsetMs = Number(persisted?.load() ?? 0) || 0;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
    this.persisted?.save(String(this.offsetMs));
  }

  reset(): void {
    this.offsetMs = 0;
    this.persisted?.save('0');
  }

  get offset(): number {
    return this.offsetMs;
  }
}
