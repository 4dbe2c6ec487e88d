import type { EndpointName, EndpointResponse } from '../wire/index.js';
import { BeeCloudEndpoints, type BeeCloudClient, type Params } from './beecloud-client.js';
import { UpstreamError } from './upstream-error.js';

export interface OperationUpstreamLimits {
  /** Real HTTP calls one operation may make (LIMIT_MAX_UPSTREAM_CALLS). */
  maxCalls: number;
  /** Bytes of upstream answers one operation may read (LIMIT_MAX_UPSTREAM_BYTES). */
  maxBytes: number;
}

/**
 * One GraphQL operation's view of the client, made per operation (graphql/context.ts). It
 * counts what reaches BeeCloud — after the cache and the DataLoaders, which never call it —
 * and refuses past the limits: the call beyond `maxCalls` fails with UPSTREAM_BUDGET_EXCEEDED
 * without being made, and an answer that would take the operation past `maxBytes` is cut off
 * (UPSTREAM_BAD_RESPONSE). The cost model refuses most such operations before they run; this
 * holds when its prediction is wrong, and partial data already resolved is kept.
 */
export class OperationUpstream extends BeeCloudEndpoints {
  private calls = 0;
  private bytes = 0;

  constructor(
    private readonly client: BeeCloudClient,
    private readonly limits: OperationUpstreamLimits,
  ) {
    super();
  }

  call<E extends EndpointName>(endpoint: E, params: Params<E>, id?: string): Promise<EndpointResponse<E>> {
    if (this.calls >= this.limits.maxCalls) {
      return Promise.reject(
        new UpstreamError(
          'UPSTREAM_BUDGET_EXCEEDED',
          `this operation has made the ${this.limits.maxCalls} upstream calls it may (LIMIT_MAX_UPSTREAM_CALLS)`,
        ),
      );
    }
    this.calls++;
    return this.client.call(endpoint, params, id, {
      maxBytes: this.limits.maxBytes - this.bytes,
      onBytes: (bytes) => (this.bytes += bytes),
    });
  }

  /** Calls made so far (for the access log and metrics). */
  get callsMade(): number {
    return this.calls;
  }
}
