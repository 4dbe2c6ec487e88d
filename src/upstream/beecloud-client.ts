import type { Got } from 'got';
import {
  ENDPOINTS,
  encodePara,
  endpointPath,
  signAppRequest,
  type EndpointContract,
  type EndpointName,
  type EndpointResponse,
  type BillRecord,
  type RefundRecord,
} from '../wire/index.js';
import { checkAnswer } from './response-check.js';
import {
  DEFAULT_RETRY_POLICY,
  retryDelayMs,
  shouldRetry,
  type AttemptFailure,
  type RetryPolicy,
} from './retry-policy.js';
import { createTransport } from './transport.js';
import { SpanKind, failed, injectTraceparent, startSpan, tracingOn, withSpan } from '../telemetry/tracing.js';
import { UpstreamError, parseEnvelope } from './upstream-error.js';

export interface BeeCloudCredentials {
  appId: string;
  appSecret: string;
  masterSecret: string;
}

export interface BeeCloudClientOptions {
  credentials: BeeCloudCredentials;
  /** Equivalent servers, tried in turn; the last one that answered is tried first. */
  baseUrls: readonly string[];
  /** One attempt's limit; default 5 s. */
  attemptTimeoutMs?: number;
  /** The whole call's limit, retries and backoff included; default 10 s. */
  deadlineMs?: number;
  retry?: RetryPolicy;
}

/** What one call may still spend of its operation's budget (upstream/operation-upstream.ts). */
export interface CallAllowance {
  /** Bytes of answer this call may read; a longer answer is cut off and refused. */
  maxBytes: number;
  /** Told the bytes of every answer read, whole or cut off. */
  onBytes(bytes: number): void;
}

/**
 * The endpoints as methods over one `call`: the client below, or an operation's view of
 * it that counts what the operation spends (operation-upstream.ts).
 */
export abstract class BeeCloudEndpoints {
  abstract call<E extends EndpointName>(
    endpoint: E,
    params: Params<E>,
    id?: string,
  ): Promise<EndpointResponse<E>>;

  createBill(request: Params<'createBill'>) {
    return this.call('createBill', request);
  }
  createRefund(request: Params<'createRefund'>) {
    return this.call('createRefund', request);
  }
  reviewRefunds(request: Params<'reviewRefunds'>) {
    return this.call('reviewRefunds', request);
  }
  bills(query: Params<'bills'>) {
    return this.call('bills', query);
  }
  billsCount(query: Params<'billsCount'>) {
    return this.call('billsCount', query);
  }
  refunds(query: Params<'refunds'>) {
    return this.call('refunds', query);
  }
  refundsCount(query: Params<'refundsCount'>) {
    return this.call('refundsCount', query);
  }
  refundStatus(query: Params<'refundStatus'>) {
    return this.call('refundStatus', query);
  }
  billById(id: string) {
    return this.call('billById', {}, id);
  }
  refundById(id: string) {
    return this.call('refundById', {}, id);
  }
  confirmBill(request: Params<'confirmBill'>) {
    return this.call('confirmBill', request);
  }
  reconciliation(request: Params<'reconciliation'>) {
    return this.call('reconciliation', request);
  }
  offlineBill(request: Params<'offlineBill'>) {
    return this.call('offlineBill', request);
  }
  offlineBillStatus(request: Params<'offlineBillStatus'>) {
    return this.call('offlineBillStatus', request);
  }
  offlineRevert(billNo: string, request: Params<'offlineRevert'>) {
    return this.call('offlineRevert', request, billNo);
  }
  offlineRefund(request: Params<'offlineRefund'>) {
    return this.call('offlineRefund', request);
  }

  /** The bill with this bill_no, complete (with message_detail), or null: one list call of limit 1. */
  async billByNo(billNo: string): Promise<BillRecord | null> {
    return (await this.bills({ bill_no: billNo, limit: 1, need_detail: true })).bills[0] ?? null;
  }

  /** The refund with this refund_no, complete, or null: one list call of limit 1. */
  async refundByNo(refundNo: string): Promise<RefundRecord | null> {
    return (await this.refunds({ refund_no: refundNo, limit: 1, need_detail: true })).refunds[0] ?? null;
  }
}

/**
 * The BeeCloud REST API over got: signs each call with the secret its endpoint needs,
 * encodes GET parameters as `para`, fails over between servers as retry-policy.ts allows,
 * and turns every answer into a result or an UpstreamError (upstream-error.ts).
 */
export class BeeCloudClient extends BeeCloudEndpoints {
  private readonly transport: Got;
  private readonly attemptTimeoutMs: number;
  private readonly deadlineMs: number;
  private readonly retry: RetryPolicy;
  private preferred = 0;
  /** Wall-clock ms of the last HTTP answer of any kind (the readiness probe reads it). */
  lastAnswerAt = 0;
  /** Told of every call once it ends: endpoint, outcome (OK or the error code) and seconds. */
  onCall?: (endpoint: EndpointName, outcome: string, seconds: number) => void;

  constructor(private readonly options: BeeCloudClientOptions) {
    super();
    if (options.baseUrls.length === 0) throw new Error('BeeCloudClient needs at least one base URL');
    this.transport = createTransport();
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
    this.deadlineMs = options.deadlineMs ?? 10_000;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  /**
   * Calls one endpoint; resolves with a `result_code` 0 answer that holds every field the
   * contract promises (response-schemas.ts), or rejects with an UpstreamError. Without an
   * `allowance` (webhook look-ups, tools) an answer may be of any size.
   */
  async call<E extends EndpointName>(
    endpoint: E,
    params: Params<E>,
    id?: string,
    allowance?: CallAllowance,
  ): Promise<EndpointResponse<E>> {
    if (!this.onCall) return this.callOnce(endpoint, params, id, allowance);
    const started = performance.now();
    let outcome = 'OK';
    try {
      return await this.callOnce(endpoint, params, id, allowance);
    } catch (error) {
      outcome = error instanceof UpstreamError ? error.code : 'ERROR';
      throw error;
    } finally {
      this.onCall(endpoint, outcome, (performance.now() - started) / 1000);
    }
  }

  private async callOnce<E extends EndpointName>(
    endpoint: E,
    params: Params<E>,
    id: string | undefined,
    allowance: CallAllowance | undefined,
  ): Promise<EndpointResponse<E>> {
    const { method, secret, read } = ENDPOINTS[endpoint];
    const { appId, appSecret, masterSecret } = this.options.credentials;
    const deadline = Date.now() + this.deadlineMs;
    const baseUrls = this.options.baseUrls;
    let lastFailure: UpstreamError | undefined;

    for (let attempt = 1; attempt <= this.retry.maxAttempts; attempt++) {
      const server = (this.preferred + attempt - 1) % baseUrls.length;
      const timeout = Math.min(this.attemptTimeoutMs, deadline - Date.now());
      if (timeout <= 0) break;
      // Signed per attempt: a retry after a backoff must not carry a stale timestamp.
      const timestamp = Date.now();
      const signed = Object.assign({}, params, {
        app_id: appId,
        timestamp,
        app_sign: signAppRequest(appId, timestamp, secret === 'app_secret' ? appSecret : masterSecret),
      });
      const url = `${baseUrls[server]}${endpointPath(endpoint, id)}`;
      const span = tracingOn()
        ? startSpan(`BeeCloud ${endpoint}`, {
            kind: SpanKind.CLIENT,
            attributes: {
              'beecloud.endpoint': endpoint,
              'http.request.method': method,
              // The region is the server tried; never the URL, whose query string holds the signature.
              'server.address': new URL(baseUrls[server]!).host,
              'http.request.resend_count': attempt - 1,
            },
          })
        : undefined;
      const outcome = span
        ? await withSpan(span, () => this.attempt(method, url, signed, timeout, allowance))
        : await this.attempt(method, url, signed, timeout, allowance);
      span?.setAttribute('http.response.status_code', outcome.status ?? 0);
      if ('text' in outcome) {
        this.preferred = server;
        try {
          const answer = checkAnswer(endpoint, parseEnvelope(outcome.text));
          span?.setAttributes({ 'beecloud.result_code': 0, 'beecloud.retry': 'done' });
          return answer;
        } catch (error) {
          span?.setAttributes({
            'beecloud.result_code': (error as UpstreamError).resultCode ?? -1,
            'beecloud.retry': 'no',
          });
          failed(span, error);
          throw error;
        } finally {
          span?.end();
        }
      }
      lastFailure = describe(outcome.failure);
      const last = attempt === this.retry.maxAttempts || !shouldRetry(read, outcome.failure);
      span?.setAttribute('beecloud.retry', last ? 'no' : 'yes');
      failed(span, lastFailure);
      span?.end();
      if (last) throw lastFailure;
      const wait = Math.min(retryDelayMs(attempt, this.retry), deadline - Date.now());
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    throw lastFailure ?? new UpstreamError('UPSTREAM_TIMEOUT', 'the payment service did not answer in time');
  }

  /**
   * One HTTP exchange: the body of a non-5xx answer, or how it failed.
   *
   * Through got's stream rather than its promise: the body is gathered here, so the byte limit
   * counts the chunks as they come and stops the stream the moment an answer is too long, and
   * a timer stops it at the time limit. Neither passes an AbortSignal into got (about 270 µs
   * of CPU per call here) nor uses got's `timeout` option; the stream also skips the promise
   * wrapper (~10% of got's cost per call, `npm run bench:transport`).
   */
  private attempt(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    params: object,
    timeoutMs: number,
    allowance?: CallAllowance,
  ): Promise<AttemptOutcome> {
    // With tracing on, the attempt's span goes along (`traceparent`): the sandbox continues it.
    const headers: Record<string, string> | undefined = tracingOn() ? {} : undefined;
    if (headers) injectTraceparent(headers);
    const traced = headers !== undefined && 'traceparent' in headers;
    return new Promise((resolve) => {
      const stream =
        method === 'GET'
          ? traced
            ? this.transport.stream(`${url}?${encodePara(params)}`, { headers })
            : this.transport.stream(`${url}?${encodePara(params)}`)
          : this.transport.stream(url, traced ? { method, json: params, headers } : { method, json: params });
      const chunks: Buffer[] = [];
      let received = 0;
      let settled = false;
      let status: number | undefined;
      const finish = (outcome: { text: string } | { failure: AttemptFailure }, stop = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (stop) stream.destroy();
        allowance?.onBytes(received);
        (outcome as AttemptOutcome).status = status;
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ failure: { kind: 'timeout' } }, true), timeoutMs);
      stream.on('response', ({ statusCode }: { statusCode: number }) => {
        this.lastAnswerAt = Date.now();
        status = statusCode;
        if (statusCode >= 500) finish({ failure: { kind: 'http', status: statusCode } }, true);
      });
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (allowance && received > allowance.maxBytes) finish({ failure: { kind: 'too-large' } }, true);
        else chunks.push(chunk);
      });
      stream.on('end', () => finish({ text: Buffer.concat(chunks).toString('utf8') }));
      stream.on('error', (error: { code?: string }) =>
        finish({ failure: { kind: 'network', code: error.code ?? 'UNKNOWN' } }),
      );
    });
  }
}

export type Params<E extends EndpointName> = EndpointContract[E]['params'];

/** How one HTTP exchange ended, with the status when an answer came. */
type AttemptOutcome = ({ text: string } | { failure: AttemptFailure }) & { status?: number };

/** The public error for an attempt's failure: no URL, host or secret in it. */
function describe(failure: AttemptFailure): UpstreamError {
  switch (failure.kind) {
    case 'timeout':
      return new UpstreamError('UPSTREAM_TIMEOUT', 'the payment service did not answer in time');
    case 'network':
      return new UpstreamError(
        'UPSTREAM_UNAVAILABLE',
        `the payment service could not be reached (${failure.code})`,
      );
    case 'http':
      return new UpstreamError('UPSTREAM_UNAVAILABLE', `the payment service failed (HTTP ${failure.status})`);
    case 'too-large':
      return new UpstreamError(
        'UPSTREAM_BAD_RESPONSE',
        "the payment service's answers exceed what one operation may read (LIMIT_MAX_UPSTREAM_BYTES)",
      );
  }
}
