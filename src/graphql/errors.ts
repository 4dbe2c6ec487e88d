import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AuthError } from '../auth/auth-error.js';
import { RECORD_ID_PATTERN, RESULT_CODES, type ResultMsg } from '../wire/index.js';
import {
  TRANSPORT_FAILURE_CODES,
  UpstreamError,
  type UpstreamErrorCode,
} from '../upstream/upstream-error.js';

/**
 * Every public error code, in one list: BeeCloud's result names and the transport
 * failures (an upstream call), the gateway's own, and graphql-js/Apollo's request errors.
 * Clients branch on these; the classes behind them are private. An error whose code is
 * not listed here never reaches a client as such: publicError masks it.
 */
export const GATEWAY_ERROR_CODES = [
  ...(Object.keys(RESULT_CODES) as ResultMsg[]).filter(
    (name): name is Exclude<ResultMsg, 'OK'> => name !== 'OK',
  ),
  ...TRANSPORT_FAILURE_CODES,
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'COST_LIMIT_EXCEEDED',
  'TOO_MANY_SUBSCRIPTIONS',
  'EVENTS_EXPIRED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_NOT_TRUSTED',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];
const PUBLIC_CODES: ReadonlySet<string> = new Set(GATEWAY_ERROR_CODES);

/** The HTTP status of a request refused as a whole with this code. */
const REQUEST_STATUS: Partial<Record<GatewayErrorCode, number>> = {
  BAD_REQUEST: 400,
  OPERATION_NOT_TRUSTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  // Apollo's persisted-query protocol: not an error of the request, an invitation to send the text.
  PERSISTED_QUERY_NOT_FOUND: 200,
};

/**
 * Outcomes of the request itself — a mutation reports them in `userErrors`; everything
 * else (bad credentials, a channel failure, the upstream down) is a GraphQL error.
 */
const BUSINESS_OUTCOME_CODES = [
  'PAY_FACTOR_NOT_SET',
  'CHANNEL_INVALID',
  'MISS_PARAM',
  'PARAM_INVALID',
  'NO_SUCH_BILL',
  'BILL_UNSUCCESS',
  'REFUND_EXCEED_TIME',
  'ALREADY_REFUNDING',
  'REFUND_AMOUNT_TOO_LARGE',
  'NO_SUCH_REFUND',
  'PREREFUND_DUPLICATE',
  'BILL_NO_DUPLICATE',
] as const satisfies readonly UpstreamErrorCode[];
const BUSINESS_OUTCOMES: ReadonlySet<UpstreamErrorCode> = new Set(BUSINESS_OUTCOME_CODES);

/**
 * The codes a `userErrors` entry may carry: BeeCloud's business outcomes, a scan the channel
 * declined (CHANNEL_ERROR, in-store), and NOT_APPLICABLE for a field the channel does not take.
 */
export const USER_ERROR_CODES = [...BUSINESS_OUTCOME_CODES, 'CHANNEL_ERROR', 'NOT_APPLICABLE'] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** A GraphQL error with a stable `extensions.code`; the message is safe to show. */
export function gatewayError(
  code: GatewayErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badUserInput = (message: string, field?: string) =>
  gatewayError('BAD_USER_INPUT', message, field ? { field } : {});

/**
 * Refuses an id that cannot name a BeeCloud record (a UUID) with BAD_USER_INPUT naming it and
 * the form expected: a mistyped id is the caller's mistake, not a record that does not exist
 * (a well-formed id with no record stays null).
 */
export function requireRecordId(id: string, argument: string): void {
  if (RECORD_ID_PATTERN.test(id)) return;
  const shown = id.length > 40 ? `${JSON.stringify(id.slice(0, 40))}…` : JSON.stringify(id);
  throw badUserInput(
    `${argument} ${shown} is not a BeeCloud id: ids are UUIDs like 3f1c2b7e-8a4d-4c6e-9b1a-2d5f7e9c0a1b`,
    argument,
  );
}

/** An error that refuses a whole request before it runs, carrying the HTTP status of its code. */
export function requestError(
  code: GatewayErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  // Apollo turns extensions.http into the answer's status and headers (and drops it from the body).
  const headers = new Map<string, string>();
  if (code === 'UNAUTHENTICATED') headers.set('www-authenticate', 'Bearer');
  if (code === 'PERSISTED_QUERY_NOT_FOUND')
    headers.set('cache-control', 'private, no-cache, must-revalidate');
  if (code === 'RATE_LIMITED' && typeof extra.retryAfterMs === 'number')
    headers.set('retry-after', String(Math.max(1, Math.ceil(extra.retryAfterMs / 1000))));
  return gatewayError(
    code,
    message,
    Object.assign({}, extra, { http: { status: REQUEST_STATUS[code] ?? 400, headers } }),
  );
}

/** A refusal from the auth layer as a whole-request GraphQL error (401 or 403); anything else unchanged. */
export function refusalFromAuth(error: unknown): unknown {
  return error instanceof AuthError ? requestError(error.code, error.message) : error;
}

/**
 * What leads from an error a user shows (a screenshot) to its log line and its trace: the
 * request's `x-request-id` (over WebSocket, one id per operation) and, when tracing is on, the
 * trace id. Every error carries them in its `extensions`.
 */
export interface ErrorIds {
  requestId: string;
  traceId?: string;
}

/** The body of an answer given before GraphQL runs (a 404, 405, 413 or 401), in GraphQL's shape. */
export function errorBody(code: GatewayErrorCode, message: string, ids?: ErrorIds) {
  return { errors: [{ message, extensions: { code, ...ids } }] };
}

/** The errors with the request's ids in their extensions. */
export function withIds(errors: readonly GraphQLFormattedError[], ids: ErrorIds): GraphQLFormattedError[] {
  return errors.map((error) =>
    Object.assign({}, error, { extensions: Object.assign({}, error.extensions, ids) }),
  );
}

/** An upstream failure as a GraphQL error (the message is BeeCloud's err_detail or ours, never a URL). */
export function upstreamGraphQLError(error: UpstreamError): GraphQLError {
  const message = error.detail || error.code;
  return gatewayError(
    error.code,
    message,
    error.resultCode === undefined ? {} : { resultCode: error.resultCode },
  );
}

/** A problem with one input field; returned, not thrown. */
export interface UserErrorShape {
  code: UserErrorCode;
  /** The input path, like `input.billNo`; null when the problem is not one field's. */
  field: string | null;
  message: string;
}

/**
 * Runs an upstream mutation: business outcomes become `userErrors` (with the input field
 * guessed from BeeCloud's err_detail, which names the field first, or from the code);
 * other failures are thrown as GraphQL errors.
 */
export async function asUserErrors<T>(
  run: () => Promise<T>,
  fieldOf: (wireField: string) => string | undefined,
  fieldByCode: Partial<Record<UpstreamErrorCode, string>> = {},
  /** Where the fields sit: under `input` for an input object, `` for plain arguments. */
  path = 'input.',
): Promise<{ ok: T } | { userErrors: UserErrorShape[] }> {
  try {
    return { ok: await run() };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    if (!BUSINESS_OUTCOMES.has(error.code)) throw upstreamGraphQLError(error);
    const named = fieldOf(error.detail.split(' ')[0] ?? '');
    const field = named ?? fieldByCode[error.code];
    return {
      userErrors: [
        {
          code: error.code as UserErrorCode,
          field: field ? `${path}${field}` : null,
          message: error.detail || error.code,
        },
      ],
    };
  }
}

/**
 * What a client sees of an error, decided in this one place for HTTP and WebSocket alike:
 * an UpstreamError keeps its code and BeeCloud's detail; an AuthError its code; an error
 * the gateway or graphql-js built on purpose, with a listed code, keeps its message; anything
 * else is masked as INTERNAL_SERVER_ERROR (and reported to `logUnexpected`, server-side),
 * so that no stack trace, URL or secret reaches a client.
 */
export function publicError(
  formatted: GraphQLFormattedError,
  original: unknown,
  logUnexpected: (error: unknown) => void,
): GraphQLFormattedError {
  const { path, locations } = formatted;
  const where: { -readonly [Key in 'path' | 'locations']?: GraphQLFormattedError[Key] } = {};
  if (path) where.path = path;
  if (locations) where.locations = locations;
  if (original instanceof UpstreamError) {
    const { message, extensions } = upstreamGraphQLError(original);
    return { message, ...where, extensions };
  }
  if (original instanceof AuthError) {
    return { message: original.message, ...where, extensions: { code: original.code } };
  }
  const code = formatted.extensions?.code;
  if (
    typeof code === 'string' &&
    PUBLIC_CODES.has(code) &&
    (original instanceof GraphQLError ? original.extensions.code === code : isRequestCode(code))
  ) {
    // Neither the stack nor `http` (the status and headers Apollo answers with) are for the client.
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return Object.assign({}, formatted, { extensions });
  }
  logUnexpected(original);
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Request errors that Apollo formats itself (the original is not a GraphQLError carrying the code). */
const isRequestCode = (code: string) =>
  code === 'BAD_USER_INPUT' ||
  code === 'BAD_REQUEST' ||
  code.startsWith('GRAPHQL_') ||
  code.startsWith('PERSISTED_QUERY_') ||
  code === 'OPERATION_RESOLUTION_FAILURE';

/** The error a resolver threw, when graphql-js wrapped it with a path (as Apollo's unwrapResolverError does). */
export function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.path && error.originalError ? error.originalError : error;
}
