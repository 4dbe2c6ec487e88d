import { RESULT_CODES, resultMsgOf, type Envelope, type ResultMsg } from '../wire/index.js';

/**
 * Failures of the call itself, as opposed to BeeCloud's answers. UPSTREAM_BUDGET_EXCEEDED: the
 * operation had made all the upstream calls it may (LIMIT_MAX_UPSTREAM_CALLS), so this one
 * was not made.
 */
export const TRANSPORT_FAILURE_CODES = [
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_BUDGET_EXCEEDED',
] as const;
export type TransportFailureCode = (typeof TRANSPORT_FAILURE_CODES)[number];

/** Every code an upstream call can fail with: BeeCloud's result names, or a transport failure. */
export type UpstreamErrorCode = Exclude<ResultMsg, 'OK'> | TransportFailureCode;

/**
 * A failed upstream call. `code` is stable and public; `detail` is BeeCloud's `err_detail`
 * (or a description of the transport failure) and never holds a URL or a secret, so the
 * GraphQL layer may show it.
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    readonly code: UpstreamErrorCode,
    readonly detail: string,
    /** BeeCloud's number, for answers that carried one. */
    readonly resultCode?: number,
  ) {
    super(`${code}: ${detail}`);
  }
}

/**
 * The one place a BeeCloud answer becomes a result or an UpstreamError: `result_code` 0
 * returns the body (whose fields the client then checks); any other known code throws that code; a body without the envelope
 * fields, or with a code BeeCloud does not define, is UPSTREAM_BAD_RESPONSE.
 */
export function parseEnvelope(text: string): Envelope {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UpstreamError(
      'UPSTREAM_BAD_RESPONSE',
      'the payment service answered with something other than JSON',
    );
  }
  const resultCode = (body as Partial<Envelope> | null)?.result_code;
  if (typeof resultCode !== 'number') {
    throw new UpstreamError('UPSTREAM_BAD_RESPONSE', 'the payment service answered without a result_code');
  }
  if (resultCode === RESULT_CODES.OK) return body as Envelope;
  const name = resultMsgOf(resultCode);
  const detail = String((body as Envelope).err_detail ?? '');
  if (!name || name === 'OK') {
    throw new UpstreamError(
      'UPSTREAM_BAD_RESPONSE',
      `the payment service answered the unknown result_code ${resultCode}`,
    );
  }
  throw new UpstreamError(name, detail, resultCode);
}
