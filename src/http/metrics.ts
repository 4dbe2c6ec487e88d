/**
 * Counters served at /metrics in Prometheus' text format. Labels never hold a secret, an
 * id or an amount: only fixed outcome names.
 */
export class Metrics {
  private readonly counters = new Map<string, number>();

  inc(name: string, labels: Record<string, string> = {}): void {
    const key = `${name}${
      Object.keys(labels).length
        ? `{${Object.entries(labels)
            .map(([k, v]) => `${k}="${v}"`)
            .join(',')}}`
        : ''
    }`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
  }

  get(key: string): number {
    return this.counters.get(key) ?? 0;
  }

  render(): string {
    return [...this.counters].map(([key, value]) => `${key} ${value}`).join('\n') + '\n';
  }
}
