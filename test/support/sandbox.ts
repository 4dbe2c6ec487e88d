import { collectingLogger } from './log.js';
import { eventually } from './receiver.js';
import { documentedAppSign } from './signatures.js';
import { devApp, type SandboxApp } from '../../src/sandbox/apps.js';
import type { SandboxOptions } from '../../src/sandbox/runtime.js';
import { startSandbox, type SandboxServer } from '../../src/sandbox/server.js';
import { ENDPOINTS, chinaDate, encodePara, endpointPath, type EndpointName } from '../../src/wire/index.js';

/** A sandbox on a free port, its log lines kept for assertions instead of printed. */
export async function startTestSandbox(
  options: SandboxOptions = {},
): Promise<SandboxServer & { logLines: string[]; logEntries: () => Array<Record<string, unknown>> }> {
  const log = collectingLogger();
  const sandbox = await startSandbox({ port: 0, logger: log.logger, ...options });
  return Object.assign(sandbox, { logLines: log.lines, logEntries: log.entries });
}

/**
 * A sandbox and a raw client for the enclosing describe block (or file): started before its
 * tests, closed after. Read `.sandbox` and `.client` inside the tests.
 */
export function useTestSandbox(options: SandboxOptions = {}) {
  const context = {} as { sandbox: Awaited<ReturnType<typeof startTestSandbox>>; client: RawClient };
  beforeAll(async () => {
    context.sandbox = await startTestSandbox(options);
    context.client = new RawClient(context.sandbox.url);
  });
  afterAll(() => context.sandbox.close());
  return context;
}

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A raw BeeCloud client for tests: signs like the official SDKs but sends whatever it is
 * given, so that malformed requests can be made too.
 */
export class RawClient {
  constructor(
    readonly baseUrl: string,
    readonly app: SandboxApp = devApp(),
  ) {}

  /** The three auth fields for an endpoint's secret. */
  auth(endpoint: EndpointName, timestamp = Date.now()): Json {
    const secret = ENDPOINTS[endpoint].secret === 'app_secret' ? this.app.appSecret : this.app.masterSecret;
    return {
      app_id: this.app.appId,
      timestamp,
      app_sign: documentedAppSign(this.app.appId, timestamp, secret),
    };
  }

  /** Calls an endpoint with `params` signed in (pass `auth: false` to send them unsigned). */
  async call(
    endpoint: EndpointName,
    params: Json = {},
    options: { id?: string; auth?: boolean } = {},
  ): Promise<Json> {
    const body = options.auth === false ? params : { ...this.auth(endpoint), ...params };
    return (await this.send(endpoint, body, options.id)).json;
  }

  async send(endpoint: EndpointName, params: Json, id?: string): Promise<{ status: number; json: Json }> {
    const { method } = ENDPOINTS[endpoint];
    const path = endpointPath(endpoint, id);
    const response =
      method === 'GET'
        ? await fetch(`${this.baseUrl}${path}?${encodePara(params)}`)
        : await fetch(`${this.baseUrl}${path}`, {
            method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(params),
          });
    return { status: response.status, json: (await response.json()) as Json };
  }

  /** A control-API call; throws unless it answers OK. */
  async control(method: string, path: string, body?: Json): Promise<Json> {
    const json = await this.controlRaw(method, path, body);
    if (json.result_code !== 0) throw new Error(`${method} ${path}: ${json.result_msg} ${json.err_detail}`);
    return json;
  }

  async controlRaw(method: string, path: string, body?: Json): Promise<Json> {
    const response = await fetch(`${this.baseUrl}/_sandbox/${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await response.json()) as Json;
  }

  /** Waits until the sandbox delivered every webhook of a transaction (answered by the gateway). */
  async webhooksDelivered(transactionId: string): Promise<void> {
    await eventually(async () => {
      const { deliveries } = await this.control('GET', `webhooks?transaction_id=${transactionId}`);
      return deliveries.length > 0 && deliveries.every((d: { state: string }) => d.state === 'delivered');
    });
  }

  /** Creates a bill (UN_APP unless told otherwise) and returns its bill_no and id. */
  async bill(fields: Json = {}): Promise<{ billNo: string; id: string; answer: Json }> {
    const billNo = fields.bill_no ?? uniqueBillNo();
    const answer = await this.call('createBill', {
      channel: 'UN_APP',
      total_fee: 1000,
      bill_no: billNo,
      title: 'test',
      ...fields,
    });
    if (answer.result_code !== 0) throw new Error(`createBill: ${answer.result_msg} ${answer.err_detail}`);
    return { billNo, id: answer.id, answer };
  }

  /** Creates and pays a bill. */
  async paidBill(fields: Json = {}) {
    const bill = await this.bill(fields);
    await this.control('POST', `bills/${bill.billNo}/pay`, { app_id: this.app.appId });
    return bill;
  }

  /**
   * Marks a bill paid with the app's webhooks off, so that the sandbox sends none and a test
   * posts the webhook itself. (The sandbox reads the same app object.)
   */
  async payQuietly(billNo: string): Promise<void> {
    const webhookUrl = this.app.webhookUrl;
    this.app.webhookUrl = undefined;
    try {
      await this.control('POST', `bills/${billNo}/pay`);
    } finally {
      this.app.webhookUrl = webhookUrl;
    }
  }
}

let counter = 0;
export const uniqueBillNo = () => `bill${Date.now()}${String(++counter).padStart(5, '0')}`;
/** A refund_no dated today in China time (by the sandbox clock `now`). */
export const uniqueRefundNo = (now = Date.now()) => `${chinaDate(now)}${String(++counter).padStart(6, '0')}`;
