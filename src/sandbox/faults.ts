/**
 * Faults a test can ask the sandbox to inject into its REST endpoints, to exercise what a
 * client does when BeeCloud misbehaves: an internal failure (`14`, through the real
 * exception path), a channel error (`7`), an HTTP 500, a stalled answer, or a connection
 * reset without any answer.
 */
export const FAULT_KINDS = ['runtime_error', 'channel_error', 'http_500', 'stall', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** Applies to REST paths starting with this (default: every `/2/` path). */
  path_prefix: string;
  /** Applies to this HTTP method only, when given. */
  method?: string;
  /** How many requests it hits before it is spent. */
  remaining: number;
  /** For `stall`: how long before the request is served normally. */
  delay_ms: number;
}

export class FaultInjector {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  clear(): void {
    this.faults = [];
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  /** The fault this request meets, consuming one of its uses. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) => path.startsWith(f.path_prefix) && (f.method === undefined || f.method === method),
    );
    if (!fault) return undefined;
    if (--fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
