import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { UpstreamError, type UpstreamErrorCode } from '../upstream/upstream-error.js';

/**
 * The public error codes: every BeeCloud result name, the transport failures, and the
 * gateway's own. Clients branch on these; the classes behind them are private.
 */
export type GatewayErrorCode =
  | UpstreamErrorCode
  | 'BAD_USER_INPUT'
  | 'INTERNAL_SERVER_ERROR'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED';

/**
 * Outcomes of the request itself — a mutation reports them in `userErrors`; everything
 * else (bad credentials, a channel failure, the upstream down) is a GraphQL error.
 */
const BUSINESS_OUTCOMES: ReadonlySet<UpstreamErrorCode> = new Set([
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
]);

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
  code: string;
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
        { code: error.code, field: field ? `input.${field}` : null, message: error.detail || error.code },
      ],
    };
  }
}

/** Codes whose messages are written for clients: ours, and graphql-js/Apollo's request errors. */
const PUBLIC_REQUEST_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * What a client sees of an error, decided in this one place: an UpstreamError keeps its
 * code and BeeCloud's detail; errors the gateway built on purpose keep theirs; anything
 * else is masked as INTERNAL_SERVER_ERROR (and reported to `logUnexpected`, server-side),
 * so that no stack trace, URL or secret reaches a client.
 */
export function publicError(
  formatted: GraphQLFormattedError,
  original: unknown,
  logUnexpected: (error: unknown) => void,
): GraphQLFormattedError {
  const { path, locations } = formatted;
  const where = { ...(path ? { path } : {}), ...(locations ? { locations } : {}) };
  if (original instanceof UpstreamError) {
    const { message, extensions } = upstreamGraphQLError(original);
    return { message, ...where, extensions };
  }
  const code = formatted.extensions?.code;
  if (
    typeof code === 'string' &&
    (PUBLIC_REQUEST_CODES.has(code) ||
      (original instanceof GraphQLError && original.extensions.code === code))
  ) {
    const { stacktrace: _omitted, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logUnexpected(original);
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
