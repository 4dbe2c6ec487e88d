import type { ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { send } from '../node-http/respond.js';

/**
 * The gateway's Prometheus metrics (prom-client), one registry per gateway. Labels hold fixed
 * names only — outcomes, endpoints, operation types — never an id, an amount or a secret; the
 * GraphQL operation's name is the one label a client chooses, so it is bounded (operationLabel).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly graphqlRequests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations over HTTP and WebSocket, by operation name and outcome (OK or the first error code).',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL request over HTTP, by operation type.',
    labelNames: ['operation_type'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly upstreamRequests = new Counter({
    name: 'upstream_requests_total',
    help: 'Calls to BeeCloud, by endpoint and outcome (OK, a result name, or a transport failure).',
    labelNames: ['endpoint', 'outcome'],
    registers: [this.registry],
  });
  readonly upstreamDuration = new Histogram({
    name: 'upstream_request_duration_seconds',
    help: 'Time of a call to BeeCloud, retries included, by endpoint.',
    labelNames: ['endpoint'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly cacheLookups = new Counter({
    name: 'record_cache_lookups_total',
    help: 'Bill look-ups in the record cache, by result (hit or miss).',
    labelNames: ['result'],
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'rate_limit_refusals_total',
    help: 'Operations refused by a rate limit, by transport.',
    labelNames: ['transport'],
    registers: [this.registry],
  });
  readonly webhooks = new Counter({
    name: 'beecloud_webhooks_total',
    help: 'Webhooks from BeeCloud, by outcome (accepted, duplicate, refused_<status>).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly feeMismatches = new Counter({
    name: 'beecloud_webhook_fee_mismatch_total',
    help: "Webhooks whose transaction_fee differs from BeeCloud's record, by type.",
    labelNames: ['type'],
    registers: [this.registry],
  });
  readonly unconfirmed = new Counter({
    name: 'beecloud_webhook_unconfirmed_total',
    help: "PAY webhooks answered 503 because BeeCloud's record did not say paid yet.",
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Gauges read when scraped: open WebSockets and the operations open on them. */
  trackSockets(read: () => { sockets: number; operations: number }): void {
    this.gaugeReadWhenScraped('websocket_connections', 'Open graphql-ws connections.', () => read().sockets);
    this.gaugeReadWhenScraped(
      'websocket_operations',
      'Operations open on graphql-ws connections (subscriptions, and queries in flight).',
      () => read().operations,
    );
  }

  /** A gauge read when scraped: queries running as compiled code (graphql/compiled-executor.ts). */
  trackCompiledQueries(read: () => number): void {
    this.gaugeReadWhenScraped(
      'graphql_compiled_queries',
      'Hot queries (document and operation) that run as code compiled by graphql-jit.',
      read,
    );
  }

  private gaugeReadWhenScraped(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /**
   * The operation name as a label: a valid GraphQL name of at most 64 characters, and at most
   * 100 distinct ones (then `other`), so that clients cannot grow the series without bound.
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= 100) return 'other';
    this.operations.add(name);
    return name;
  }

  /** One series' value, e.g. `beecloud_webhooks_total{outcome="accepted"}` (for tests and checks). */
  async get(series: string): Promise<number> {
    const match = /^([a-z_]+)(?:\{(.*)\})?$/.exec(series);
    if (!match) return 0;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
    );
    const metric = await this.registry.getSingleMetric(match[1]!)?.get();
    const value = metric?.values.find(
      (v) =>
        Object.keys(labels).every((k) => String(v.labels[k]) === labels[k]) &&
        Object.keys(v.labels).length === Object.keys(labels).length,
    );
    return value?.value ?? 0;
  }

  /** Answers a scrape: the Prometheus text format (its own type; `send` adds the charset). */
  async respond(res: ServerResponse): Promise<void> {
    send(res, 200, this.registry.contentType.split(';')[0]!, await this.registry.metrics());
  }
}
