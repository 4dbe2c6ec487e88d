/**
 * The sandbox's notion of "now" for business rules (bill timeouts, the refund window,
 * refund_no dates, record times): the wall clock plus an offset that tests advance.
 * Signature freshness is checked against the wall clock instead, so that advancing
 * the virtual clock never locks real clients out.
 */
export class VirtualClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }

  get offset(): number {
    return this.offsetMs;
  }
}
