import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The gateway's spans, over @opentelemetry/api. Off (the default: no OTLP endpoint configured,
 * see otel-sdk.ts) every helper here is one boolean check and a direct call: no span objects,
 * no context switches, so an untraced gateway pays nothing measurable. On, each helper makes a
 * real span in the active context, which the SDK's context manager carries across awaits.
 *
 * What goes into attributes is chosen here and at each call: names of endpoints and
 * operations, counts, codes and ids — never a URL's query string (BeeCloud's GET requests
 * carry their signature there), a header, a secret or a payer's data.
 */
let on = false;

const tracer = () => trace.getTracer('beecloud-graphql');

/** Whether spans are being made (otel-sdk.ts turns this on when it starts the SDK). */
export const tracingOn = () => on;

/** For otel-sdk.ts alone, once the SDK is registered (and for its shutdown). */
export function setTracing(enabled: boolean): void {
  on = enabled;
}

export { SpanKind, SpanStatusCode };
export type { Attributes, Span };

/**
 * Runs `work` inside a child span of the active one, ended when it settles (its status ERROR,
 * with `error.code`, when it throws). Off: runs `work(undefined)` directly.
 */
export function traced<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span | undefined) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  if (!on) return work(undefined);
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Marks a span failed with the error's stable code (never its message: it may quote input). */
export function failed(span: Span | undefined, error: unknown): void {
  if (!span) return;
  const code = codeOf(error);
  span.setAttribute('error.type', code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: code });
}

const codeOf = (error: unknown): string => {
  const { code, extensions, name } = (error ?? {}) as {
    code?: unknown;
    extensions?: { code?: unknown };
    name?: unknown;
  };
  const found = extensions?.code ?? code ?? name;
  return typeof found === 'string' ? found : 'ERROR';
};

/**
 * Starts a span to be ended by the caller (a server request, a WebSocket operation): a child of
 * `parent` (a caller's `traceparent`, see parentFrom) or of the active span. Off: undefined.
 */
export function startSpan(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
): Span | undefined {
  if (!on) return undefined;
  return tracer().startSpan(
    name,
    { kind: options.kind, attributes: options.attributes },
    options.parent ?? context.active(),
  );
}

/**
 * The span of one request a server received, when tracing is on: a child of the caller's
 * `traceparent` (W3C Trace Context), named `<prefix><METHOD> <route>` after a route (never a
 * caller's arbitrary path), ended when the response closes, with its status (ERROR from 500).
 * `routeOf` runs only when tracing is on.
 */
export function startServerSpan(
  req: IncomingMessage,
  res: ServerResponse,
  routeOf: () => string,
  prefix = '',
): Span | undefined {
  if (!on) return undefined;
  const route = routeOf();
  const span = tracer().startSpan(
    `${prefix}${req.method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': route } },
    propagation.extract(ROOT_CONTEXT, req.headers),
  );
  res.on('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return span;
}

/** Runs `work` with `span` active (its children nest under it); without a span, just runs it. */
export function withSpan<T>(span: Span | undefined, work: () => T): T {
  return span ? context.with(trace.setSpan(context.active(), span), work) : work();
}

/** Adds `traceparent` for the active span to outgoing headers (nothing when off). */
export function injectTraceparent(headers: Record<string, string>): void {
  if (on) propagation.inject(context.active(), headers);
}

/** The trace id of a span, for logs and error extensions. */
export const traceIdOf = (span: Span | undefined): string | undefined => span?.spanContext().traceId;

/** Notes something on the active span (a cache hit or miss): cheaper than a span of its own. */
export function spanEvent(name: string, attributes: Attributes): void {
  if (on) trace.getActiveSpan()?.addEvent(name, attributes);
}
