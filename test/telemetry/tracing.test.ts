import { createServer, type Server } from 'node:http';
import { tracingWanted } from '../../src/telemetry/otel-sdk.js';
import { DEFAULT_DEV_APP } from '../../src/wire/index.js';
import { freePort, runNode } from '../support/process.js';
import { eventually } from '../support/receiver.js';
import { subscribe } from '../support/subscriber.js';

/** One span as OTLP/JSON carries it, with its attributes flattened. */
interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; attributes: Record<string, unknown> }>;
  service: string;
}

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
};
type OtlpAttribute = { key: string; value: OtlpValue };
const flatten = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(
    attributes.map(({ key, value }) => [
      key,
      value.stringValue ??
        (value.intValue !== undefined ? Number(value.intValue) : (value.boolValue ?? value.doubleValue)),
    ]),
  );

/** An OTLP/HTTP receiver (JSON encoding), as a collector would be: it keeps every span it is sent. */
async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      bodies.push(text);
      if (req.url === '/v1/traces') {
        const body = JSON.parse(text) as {
          resourceSpans: Array<{
            resource: { attributes: OtlpAttribute[] };
            scopeSpans: Array<{
              spans: Array<
                Omit<ReceivedSpan, 'attributes' | 'events' | 'service'> & {
                  attributes: OtlpAttribute[];
                  events?: Array<{ name: string; attributes: OtlpAttribute[] }>;
                }
              >;
            }>;
          }>;
        };
        for (const resource of body.resourceSpans) {
          const service = String(flatten(resource.resource.attributes)['service.name']);
          for (const scope of resource.scopeSpans)
            for (const span of scope.spans)
              spans.push({
                ...span,
                parentSpanId: span.parentSpanId || undefined,
                attributes: flatten(span.attributes),
                events: (span.events ?? []).map((event) => ({
                  name: event.name,
                  attributes: flatten(event.attributes),
                })),
                service,
              });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The spans of one trace as a tree of names: each span with its children, in start order. */
function childrenOf(spans: ReceivedSpan[], parent: ReceivedSpan) {
  return spans.filter((span) => span.parentSpanId === parent.spanId);
}

describe('OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let gateway: ReturnType<typeof runNode>;
  let port: number;
  let sandboxPort: number;
  let auth: Record<string, string>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    [port, sandboxPort] = [await freePort(), await freePort()];
    gateway = runNode('dist/main.js', {
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '20',
      OTEL_SERVICE_NAME: 'checkout-gateway',
    });
    await gateway.waitFor('GraphQL gateway ready');
    const key = /Development API key \(every scope; the explorer has it\): (bcg_dev_[A-Za-z0-9_-]+)/.exec(
      gateway.output.text,
    )![1];
    auth = { authorization: `Bearer ${key}` };
  }, 30_000);
  afterAll(async () => {
    await gateway?.stop();
    await receiver?.close();
  });

  const graphql = (query: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      body: JSON.stringify({ query }),
    });

  it("traces one operation as a tree, continuing the caller's traceparent, down to the sandbox", async () => {
    for (let i = 0; i < 3; i++) {
      const created = await graphql(
        `mutation { createBill(input: {channel: WX_NATIVE, billNo: "trace${Date.now()}${i}", totalFeeFen: 1, title: "t"}) { billId } }`,
      );
      expect(created.status).toBe(200);
    }
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const response = await graphql('query Recent { bills(first: 3) { nodes { refunds { id } } } }', {
      traceparent: `00-${callerTrace}-${callerSpan}-01`,
    });
    expect(response.status).toBe(200);
    expect(
      ((await response.json()) as { data: { bills: { nodes: unknown[] } } }).data.bills.nodes,
    ).toHaveLength(3);

    // The request's span continues the caller's trace, under the caller's span.
    const server = await eventually(() =>
      receiver.spans.find((span) => span.traceId === callerTrace && span.parentSpanId === callerSpan),
    );
    const trace = () => receiver.spans.filter((span) => span.traceId === callerTrace);
    // Every span of the request arrived: 1 + operation + admission + bills call (and its sandbox
    // span) + refunds batch + 3 refunds calls (and their sandbox spans).
    await eventually(() => trace().length >= 12);
    const spans = trace();
    expect(server).toMatchObject({ name: 'POST /graphql', kind: 2, service: 'checkout-gateway' });
    expect(server.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.response.status_code': 200,
    });

    const [operation, ...others] = childrenOf(spans, server);
    expect(others).toEqual([]);
    expect(operation).toMatchObject({ name: 'query Recent' });
    expect(operation!.attributes).toMatchObject({
      'graphql.operation.name': 'Recent',
      'graphql.operation.type': 'query',
      'graphql.operation.cost': 1 + 1 + 3 * (1 + 50), // bills, nodes, and each bill's refunds of 50 ids
      'beecloud_graphql.upstream_calls': 4,
      'beecloud_graphql.outcome': 'OK',
    });
    const underOperation = childrenOf(spans, operation!);
    const names = underOperation.map((span) => span.name).sort();
    expect(names).toEqual(['BeeCloud bills', 'DataLoader refundsByBillNo', 'graphql.admission']);
    const admission = underOperation.find((span) => span.name === 'graphql.admission')!;
    expect(admission.attributes).toMatchObject({
      'graphql.operation.cost': 155,
      'beecloud_graphql.upstream_calls_predicted': 4,
    });

    const billsCall = underOperation.find((span) => span.name === 'BeeCloud bills')!;
    expect(billsCall).toMatchObject({ kind: 3 }); // CLIENT
    expect(billsCall.attributes).toMatchObject({
      'beecloud.endpoint': 'bills',
      'http.request.method': 'GET',
      'server.address': `127.0.0.1:${sandboxPort}`,
      'http.request.resend_count': 0,
      'http.response.status_code': 200,
      'beecloud.result_code': 0,
      'beecloud.retry': 'done',
    });
    // The sandbox continued the traceparent the gateway sent: both sides in one trace.
    expect(childrenOf(spans, billsCall).map((span) => [span.name, span.kind])).toEqual([
      ['sandbox GET /2/rest/bills', 2],
    ]);

    const batch = underOperation.find((span) => span.name === 'DataLoader refundsByBillNo')!;
    expect(batch.attributes).toMatchObject({ 'dataloader.name': 'refundsByBillNo', 'dataloader.keys': 3 });
    // The record cache was asked first, and missed (nothing cached yet).
    expect(batch.events.filter((event) => event.name === 'cache miss')).toHaveLength(3);
    const refundCalls = childrenOf(spans, batch);
    expect(refundCalls.map((span) => span.name)).toEqual([
      'BeeCloud refunds',
      'BeeCloud refunds',
      'BeeCloud refunds',
    ]);
    for (const call of refundCalls)
      expect(childrenOf(spans, call).map((span) => span.name)).toEqual(['sandbox GET /2/rest/refunds']);

    // The access line names the trace.
    await eventually(() => gateway.output.text.includes(`"trace_id":"${callerTrace}"`));
  });

  it('traces one webhook from the request to the published event', async () => {
    const billNo = `hook${Date.now()}`;
    await graphql(
      `mutation { createBill(input: {channel: WX_NATIVE, billNo: "${billNo}", totalFeeFen: 1, title: "t"}) { billId } }`,
    );
    const sub = await subscribe(
      `http://127.0.0.1:${port}/graphql`,
      `subscription { billUpdated(billNo: "${billNo}") { id } }`,
      {},
      auth,
    );
    try {
      await fetch(`http://127.0.0.1:${sandboxPort}/_sandbox/bills/${billNo}/pay`, { method: 'POST' });
      const eventId = ((await sub.next(1)).billUpdated as { id: string }).id;
      const publish = await eventually(() =>
        receiver.spans.find(
          (span) =>
            span.name === 'payment event publish' && span.attributes['beecloud_graphql.event_id'] === eventId,
        ),
      );
      const spans = receiver.spans.filter((span) => span.traceId === publish.traceId);
      const webhook = spans.find((span) => span.spanId === publish.parentSpanId)!;
      expect(webhook).toMatchObject({ name: 'BeeCloud webhook' });
      expect(webhook.attributes).toMatchObject({
        'beecloud.webhook.outcome': 'accepted',
        'beecloud.transaction_type': 'PAY',
        'beecloud.channel': 'WX_NATIVE',
        'beecloud_graphql.event_id': eventId,
      });
      const server = spans.find((span) => span.spanId === webhook.parentSpanId)!;
      expect(server).toMatchObject({ name: 'POST /webhooks/beecloud', kind: 2 });
      expect(server.parentSpanId).toBeUndefined(); // BeeCloud sends no traceparent: a trace of its own
      // The look-up of the record the webhook names, straight to BeeCloud (here the sandbox).
      const lookUp = childrenOf(spans, webhook).find((span) => span.name === 'BeeCloud bills')!;
      expect(childrenOf(spans, lookUp).map((span) => span.name)).toEqual(['sandbox GET /2/rest/bills']);
    } finally {
      await sub.close();
    }
  });

  it('gives every error its request id and trace id, over HTTP and per WebSocket operation', async () => {
    const response = await graphql('{ bill(id: "not-a-uuid") { paid } }');
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, string> }> };
    const { requestId, traceId } = body.errors[0]!.extensions;
    expect(requestId).toBe(response.headers.get('x-request-id'));
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    await eventually(() =>
      receiver.spans.some((span) => span.traceId === traceId && span.name === 'POST /graphql'),
    );
    await eventually(() => gateway.output.text.includes(`"req_id":"${requestId}"`));

    const sub = await subscribe(
      `http://127.0.0.1:${port}/graphql`,
      'subscription { billUpdated { id } }',
      {},
      auth,
    );
    try {
      await eventually(() => sub.errors.length > 0);
      const extensions = (sub.errors[0] as { extensions: Record<string, string> }).extensions;
      expect(extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(extensions.traceId).toMatch(/^[0-9a-f]{32}$/);
      // The operation's own line, with the same ids.
      await eventually(() =>
        gateway.output.text
          .split('\n')
          .some(
            (line) =>
              line.includes(`"req_id":"${extensions.requestId}"`) &&
              line.includes(`"trace_id":"${extensions.traceId}"`) &&
              line.includes('"transport":"websocket"'),
          ),
      );
      await eventually(() =>
        receiver.spans.some((span) => span.traceId === extensions.traceId && span.name === 'subscription'),
      );
    } finally {
      await sub.close();
    }
  });

  it('puts no secret, signature or payer field in any attribute', async () => {
    await eventually(() => receiver.spans.length > 20);
    const sent = receiver.bodies.join('\n');
    for (const secret of [
      DEFAULT_DEV_APP.appSecret,
      DEFAULT_DEV_APP.masterSecret,
      'app_sign',
      'para=',
      'signature',
      'bcg_dev_',
    ])
      expect(sent).not.toContain(secret);
  });
});

describe('whether tracing is on', () => {
  it('follows the standard variables: an OTLP endpoint turns it on, OTEL_SDK_DISABLED turns it off', () => {
    expect(tracingWanted({})).toBe(false);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(
      true,
    );
    expect(
      tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }),
    ).toBe(false);
  });
});
