import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { logAccess } from '../node-http/access-log.js';
import { startServerSpan, withSpan } from '../telemetry/tracing.js';
import { closeServer, listen } from '../node-http/listen.js';
import { BodyTooLargeError, readBody } from '../node-http/read-body.js';
import { sendHtml, sendJson } from '../node-http/respond.js';
import {
  ENDPOINTS,
  decodePara,
  type EndpointName,
  type EndpointResponse,
  type Envelope,
  type SigningSecret,
} from '../wire/index.js';
import { authenticate } from './auth.js';
import {
  confirmBillHandler,
  createBillHandler,
  offlineBillHandler,
  offlineBillStatusHandler,
  offlineRevertHandler,
  reconciliationHandler,
} from './bill.handler.js';
import { controlHandler } from './control.handler.js';
import type { HandlerContext } from './handler-context.js';
import { withoutNullStrings, type Params } from './params.js';
import {
  billByIdHandler,
  billsCountHandler,
  billsHandler,
  refundByIdHandler,
  refundsCountHandler,
  refundsHandler,
} from './query.handler.js';
import {
  createRefundHandler,
  offlineRefundHandler,
  refundStatusHandler,
  reviewRefundsHandler,
} from './refund.handler.js';
import { createRuntime, type SandboxOptions, type SandboxRuntime } from './runtime.js';
import { SandboxError } from './sandbox-error.js';

/** BeeCloud refuses bodies over 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * One handler per endpoint, each typed to answer that endpoint's success shape from src/wire
 * (the shape the gateway's client checks): a handler that drifts from it does not compile.
 */
const REST_HANDLERS: {
  [E in EndpointName]: (ctx: HandlerContext, params: Params, id: string) => EndpointResponse<E>;
} = {
  createBill: createBillHandler,
  createRefund: createRefundHandler,
  reviewRefunds: reviewRefundsHandler,
  bills: billsHandler,
  billsCount: billsCountHandler,
  refunds: refundsHandler,
  refundsCount: refundsCountHandler,
  refundStatus: refundStatusHandler,
  refundById: refundByIdHandler,
  billById: billByIdHandler,
  confirmBill: confirmBillHandler,
  reconciliation: reconciliationHandler,
  offlineBill: offlineBillHandler,
  offlineBillStatus: offlineBillStatusHandler,
  offlineRevert: offlineRevertHandler,
  offlineRefund: offlineRefundHandler,
};

/** Routes in ENDPOINTS order, so `/refund/status` is tried before `/refund/{id}` (and `/offline/bill/status` before `/offline/bill/{id}`). */
const REST_ROUTES = Object.entries(ENDPOINTS).map(([name, endpoint]) => ({
  method: endpoint.method as string,
  secret: endpoint.secret as SigningSecret,
  handler: REST_HANDLERS[name as EndpointName],
  pattern: new RegExp(`^${endpoint.path.replace('{id}', '([^/]+)')}/?$`),
}));

export interface SandboxServer {
  url: string;
  port: number;
  runtime: SandboxRuntime;
  server: Server;
  /**
   * The gateway that embeds this sandbox, on `port` of this host: its origins (127.0.0.1 and
   * localhost) are served the pages and actions its demo opens (see refuseCrossSite).
   */
  trustGatewayOn(port: number): void;
  close(): Promise<void>;
}

/** Starts the sandbox on `host:port` (port 0 picks a free one). */
export async function startSandbox(
  options: SandboxOptions & { port?: number; host?: string } = {},
): Promise<SandboxServer> {
  const runtime = createRuntime(options);
  const stalls = new Set<NodeJS.Timeout>();
  const embedders = new Set<string>();
  const server = createServer({ keepAlive: true }, (req, res) => {
    // With tracing on, a request continues the caller's trace (the gateway's upstream call):
    // over the embedded sandbox one trace shows both sides.
    const span = startServerSpan(req, res, () => routeOf(req.url ?? '/'), 'sandbox ');
    void withSpan(span, () => handleRequest(runtime, stalls, embedders, req, res));
  });
  const { url, port } = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1', 'SANDBOX_PORT');
  return {
    url,
    port,
    runtime,
    server,
    trustGatewayOn(port) {
      embedders.add(`http://127.0.0.1:${port}`).add(`http://localhost:${port}`);
    },
    async close() {
      stalls.forEach(clearTimeout);
      await closeServer(server, true);
      await runtime.webhooks.close();
      runtime.store.close();
    },
  };
}

/** A request's path as a span names it: record ids as `:id`, the control API as one route, no query. */
const routeOf = (url: string) => {
  const path = url.split('?')[0]!;
  return path.startsWith('/_sandbox/')
    ? '/_sandbox/*'
    : path.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}$/i, '/:id');
};

/** One request: the control API under /_sandbox/, else a REST endpoint; every failure as BeeCloud answers it. */
async function handleRequest(
  rt: SandboxRuntime,
  stalls: Set<NodeJS.Timeout>,
  embedders: ReadonlySet<string>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://sandbox');
  let resultMsg = '-';
  logAccess(req, res, url.pathname, rt.logger, () => ({ result_msg: resultMsg }));
  try {
    if (url.pathname.startsWith('/_sandbox/')) {
      refuseCrossSite(req, method, embedders);
      const answer = await handleControl(rt, req, method, url);
      if ('html' in answer) return sendHtml(res, answer.status ?? 200, answer.html);
      resultMsg = 'OK';
      return sendJson(res, 200, answer.json);
    }
    const answer = await handleRest(rt, stalls, req, method, url);
    if (!answer) return void req.socket.destroy(); // an injected connection reset
    resultMsg = answer.result_msg;
    sendJson(res, 200, answer);
  } catch (error) {
    const refusal =
      error instanceof SandboxError
        ? error
        : new SandboxError('RUNTIME_ERROR', 'internal error; the request was not completed');
    if (!(error instanceof SandboxError))
      rt.logger.error({ method, path: url.pathname, err: (error as Error).message }, 'internal error');
    resultMsg = refusal.resultMsg;
    if (!res.headersSent && !res.destroyed) sendJson(res, refusal.httpStatus, refusal.toEnvelope());
  }
}

async function handleControl(rt: SandboxRuntime, req: IncomingMessage, method: string, url: URL) {
  const segments = url.pathname
    .slice('/_sandbox/'.length)
    .split('/')
    .filter(Boolean)
    .map((segment) => decodeSegment(segment));
  const body = method === 'GET' ? {} : await readParams(req);
  const answer = controlHandler(rt, { method, segments, query: url.searchParams, body });
  if (!answer) throw new SandboxError('PARAM_INVALID', `no such endpoint: ${method} ${url.pathname}`, 404);
  return answer;
}

/**
 * A REST call, checked in decisions.md's order: route, injected fault, parameters,
 * signature, then the endpoint's own checks. Undefined when a fault resets the connection.
 */
async function handleRest(
  rt: SandboxRuntime,
  stalls: Set<NodeJS.Timeout>,
  req: IncomingMessage,
  method: string,
  url: URL,
): Promise<Envelope | undefined> {
  const route = REST_ROUTES.find((r) => r.pattern.test(url.pathname) && r.method === method);
  if (!route) {
    const other = REST_ROUTES.some((r) => r.pattern.test(url.pathname));
    throw new SandboxError('PARAM_INVALID', `no such endpoint: ${method} ${url.pathname}`, other ? 405 : 404);
  }
  rt.stats.restRequests++;
  const fault = rt.faults.take(method, url.pathname);
  if (fault?.kind === 'reset') return undefined;
  if (fault?.kind === 'stall') {
    await new Promise<void>((resolve) => stalls.add(setTimeout(resolve, fault.delay_ms)));
  }
  if (fault?.kind === 'http_500') throw new SandboxError('RUNTIME_ERROR', 'internal server error', 500);
  let params: Params;
  if (method === 'GET') {
    const para = decodePara(url.search.slice(1));
    if (para.kind === 'missing') throw new SandboxError('MISS_PARAM', 'para is required');
    if (para.kind === 'invalid') throw new SandboxError('PARAM_INVALID', para.reason);
    params = withoutNullStrings(para.params);
  } else {
    params = await readParams(req, true);
  }
  const app = authenticate(params, route.secret, rt.apps, rt.timestampToleranceMs);
  if (fault?.kind === 'channel_error')
    throw new SandboxError('CHANNEL_ERROR', 'the payment channel failed to answer');
  if (fault?.kind === 'runtime_error') throw new Error('injected runtime failure');
  const id = decodeSegment(route.pattern.exec(url.pathname)?.[1] ?? '', 200); // BeeCloud answers 200 + a result code
  const baseUrl = rt.publicUrl ?? `http://${req.headers.host ?? '127.0.0.1'}`;
  return route.handler(
    { app, lifecycle: rt.lifecycle, store: rt.store, clock: rt.clock, baseUrl },
    params,
    id,
  );
}

/** A path segment, url-decoded; a malformed `%` escape is the client's error (5), not ours (14). */
function decodeSegment(segment: string, httpStatus = 400): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    const detail = `the path segment ${JSON.stringify(segment)} is not valid url-encoding`;
    throw new SandboxError('PARAM_INVALID', detail, httpStatus);
  }
}

/**
 * The control API pays, fails and resets bills and needs no credentials, so another website
 * must not be able to drive it from a visitor's browser. Served: the sandbox's own pages (same
 * origin) and tools that send no Origin (curl, tests). Refused: any request the browser marks
 * `Sec-Fetch-Site: cross-site`, and any `Origin` but this server's.
 *
 * The gateway that embeds the sandbox (`embedders`, its origins) is on the same host, another
 * port: same-site to a browser. So its demo may open the sandbox's pages (a GET marked
 * same-site) and post its actions (an `Origin` among `embedders`); other same-site origins stay
 * refused, and a standalone sandbox (no embedders) refuses every same-site request.
 */
function refuseCrossSite(req: IncomingMessage, method: string, embedders: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  const embedder = origin !== undefined && embedders.has(origin);
  const sameOrigin = origin === undefined || originHost(origin) === req.headers.host;
  const site = req.headers['sec-fetch-site'];
  const allowed =
    site === 'cross-site'
      ? false
      : site === 'same-site'
        ? embedders.size > 0 && (embedder || (method === 'GET' && origin === undefined))
        : sameOrigin || embedder;
  if (!allowed) throw new SandboxError('PARAM_INVALID', 'the control API refuses cross-site requests', 403);
}

const originHost = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (a sandboxed frame, a file) names no site of ours
  }
};

/**
 * A request body as parameters: JSON (the REST API; `jsonOnly`) or, for the sandbox's
 * forms, url-encoded.
 */
async function readParams(req: IncomingMessage, jsonOnly = false): Promise<Params> {
  let text: string;
  try {
    text = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new SandboxError('PARAM_INVALID', error.message, 413);
    throw error;
  }
  if (!jsonOnly && (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (text.trim() === '' && !jsonOnly) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SandboxError('PARAM_INVALID', 'the body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SandboxError('PARAM_INVALID', 'the body must be a JSON object');
  }
  return parsed as Params;
}
