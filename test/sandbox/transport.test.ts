import { devApp } from '../../src/sandbox/apps.js';
import { MAX_BODY_BYTES } from '../../src/sandbox/server.js';
import { documentedAppSign } from '../support/signatures.js';
import { useTestSandbox, uniqueBillNo } from '../support/sandbox.js';

const ctx = useTestSandbox();

const postRaw = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${ctx.sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('transport', () => {
  it('answers unparseable JSON with 5 and HTTP 200', async () => {
    const response = await postRaw('/2/rest/bill', '{"app_id": ');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      result_code: 5,
      result_msg: 'PARAM_INVALID',
      err_detail: 'the body is not valid JSON',
    });
  });

  it('answers a JSON body that is not an object with 5', async () => {
    const response = await postRaw('/2/rest/bill', '[1,2]');
    expect(await response.json()).toMatchObject({
      result_code: 5,
      err_detail: 'the body must be a JSON object',
    });
  });

  it('refuses a body over 1 MiB with 413 in the same JSON shape', async () => {
    const body = JSON.stringify({ ...ctx.client.auth('createBill'), title: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await postRaw('/2/rest/bill', body);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ result_code: 5, result_msg: 'PARAM_INVALID' });
  });

  it('accepts a body of exactly the limit', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES - 200);
    const body = JSON.stringify({ ...ctx.client.auth('bills'), pad: padding }).padEnd(MAX_BODY_BYTES, ' ');
    expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
    const response = await postRaw('/2/rest/bill', body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result_code: 4, err_detail: 'channel is required' });
  });

  it('answers an unknown path with 404 and a wrong method with 405, both in the JSON shape', async () => {
    const unknown = await fetch(`${ctx.sandbox.url}/2/rest/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      result_code: 5,
      err_detail: 'no such endpoint: GET /2/rest/nothing',
    });
    const wrongMethod = await fetch(`${ctx.sandbox.url}/2/rest/bills`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toHaveProperty('err_detail');
  });

  it('answers a GET without para with 4 and a bad para with 5', async () => {
    expect(await (await fetch(`${ctx.sandbox.url}/2/rest/bills`)).json()).toMatchObject({
      result_code: 4,
      err_detail: 'para is required',
    });
    expect(await (await fetch(`${ctx.sandbox.url}/2/rest/bills?para=%7B`)).json()).toMatchObject({
      result_code: 5,
    });
  });

  it('decodes + in para as a space, as the Python SDK sends it', async () => {
    const { billNo } = await ctx.client.bill({ title: 'two words' });
    const auth = ctx.client.auth('bills');
    const para = `{"app_id":"${auth.app_id}","timestamp":${auth.timestamp},"app_sign":"${auth.app_sign}","bill_no":"${billNo}"}`;
    const withPlus = encodeURIComponent(para).replace(/%20/g, '+');
    const answer = (await (await fetch(`${ctx.sandbox.url}/2/rest/bills?para=${withPlus}`)).json()) as {
      bills: unknown[];
    };
    expect(answer.bills).toHaveLength(1);
    const spaced = encodeURIComponent(para.replace('"bill_no"', ' "bill_no"')).replace(/%20/g, '+');
    expect(await (await fetch(`${ctx.sandbox.url}/2/rest/bills?para=${spaced}`)).json()).toMatchObject({
      result_code: 0,
    });
  });

  it('keeps unicode intact from request to query', async () => {
    const { id } = await ctx.client.bill({
      title: '白开水😀',
      optional: { 备注: 'ключ "quoted" \\ \u0000' },
    });
    const { pay } = await ctx.client.call('billById', {}, { id });
    expect(pay.title).toBe('白开水😀');
    expect(JSON.parse(pay.optional)).toEqual({ 备注: 'ключ "quoted" \\ \u0000' });
  });

  it('ignores the extra fields SDKs send and never echoes a secret', async () => {
    const app = devApp();
    const answer = await ctx.client.call('createBill', {
      channel: 'UN_APP',
      total_fee: 1,
      bill_no: uniqueBillNo(),
      title: 't',
      app_secret: app.appSecret,
      master_secret: app.masterSecret,
      bc_analysis: { sdk: 'python' },
    });
    expect(answer.result_code).toBe(0);
    expect(JSON.stringify(answer)).not.toContain(app.appSecret);
    expect(ctx.sandbox.logLines.join('\n')).not.toContain(app.appSecret);
    expect(ctx.sandbox.logLines.join('\n')).not.toContain(app.masterSecret);
  });

  it('turns an internal failure into 14 without leaking internals, and logs one line per request', async () => {
    await ctx.client.control('POST', 'faults', { kind: 'runtime_error', path_prefix: '/2/rest/bills' });
    const answer = await ctx.client.call('bills');
    expect(answer).toEqual({
      result_code: 14,
      result_msg: 'RUNTIME_ERROR',
      err_detail: 'internal error; the request was not completed',
    });
    expect(ctx.sandbox.logEntries()).toContainEqual(
      expect.objectContaining({
        msg: 'internal error',
        method: 'GET',
        path: '/2/rest/bills',
        level: 'error',
      }),
    );
    expect(await ctx.client.call('bills')).toMatchObject({ result_code: 0 });
    const requestLines = ctx.sandbox.logLines.filter((line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      return entry.msg === 'request' && entry.path === '/2/rest/bills' && entry.status === 200;
    });
    expect(requestLines.length).toBeGreaterThanOrEqual(2);
    expect(requestLines.every((line) => !line.includes('para='))).toBe(true);
  });

  it('injects a channel error (7), an HTTP 500 and a stall on request', async () => {
    await ctx.client.control('POST', 'faults', {
      kind: 'channel_error',
      path_prefix: '/2/rest/bill',
      method: 'POST',
    });
    expect(
      await ctx.client.call('createBill', {
        channel: 'UN_APP',
        total_fee: 1,
        bill_no: uniqueBillNo(),
        title: 't',
      }),
    ).toMatchObject({
      result_code: 7,
      result_msg: 'CHANNEL_ERROR',
    });
    await ctx.client.control('POST', 'faults', { kind: 'http_500' });
    expect((await ctx.client.send('bills', ctx.client.auth('bills'))).status).toBe(500);
    await ctx.client.control('POST', 'faults', { kind: 'stall', delay_ms: 300 });
    const started = Date.now();
    expect(await ctx.client.call('billsCount')).toMatchObject({ result_code: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('resets a connection without an answer when told to', async () => {
    await ctx.client.control('POST', 'faults', { kind: 'reset' });
    await expect(ctx.client.call('bills')).rejects.toThrow();
  });
});

describe('authentication', () => {
  const at = () => Date.now();
  const signed = (timestamp: number, secret = devApp().appSecret) => ({
    app_id: devApp().appId,
    timestamp,
    app_sign: documentedAppSign(devApp().appId, timestamp, secret),
  });

  it.each([
    ['app_id', { app_id: undefined }],
    ['timestamp', { timestamp: '' }],
    ['app_sign', { app_sign: null }],
  ])('answers 4 when %s is missing', async (name, override) => {
    const answer = await ctx.client.call('bills', { ...signed(at()), ...override }, { auth: false });
    expect(answer).toEqual({ result_code: 4, result_msg: 'MISS_PARAM', err_detail: `${name} is required` });
  });

  it.each([
    ['app_id', { app_id: 'not-a-uuid' }],
    ['app_id', { app_id: 42 }],
    ['timestamp', { timestamp: '1435890533866' }],
    ['timestamp', { timestamp: 1.5 }],
    ['timestamp', { timestamp: -1 }],
    ['timestamp', { timestamp: 14358905338660 }],
    ['app_sign', { app_sign: 'abc' }],
  ])('answers 5 when %s is malformed (%j)', async (name, override) => {
    const answer = await ctx.client.call('bills', { ...signed(at()), ...override }, { auth: false });
    expect(answer).toMatchObject({ result_code: 5, result_msg: 'PARAM_INVALID' });
    expect(answer.err_detail).toMatch(new RegExp(`^${name} `));
  });

  it('answers 1 for an unknown app, a wrong signature or a stale timestamp, without saying which', async () => {
    const unknownApp = { ...signed(at()), app_id: '00000000-0000-4000-8000-000000000000' };
    const wrongSecret = signed(at(), 'wrong');
    const stale = signed(at() - 6 * 60_000);
    const future = signed(at() + 6 * 60_000);
    const answers = await Promise.all(
      [unknownApp, wrongSecret, stale, future].map((p) => ctx.client.call('bills', p, { auth: false })),
    );
    for (const answer of answers) expect(answer.result_code).toBe(1);
    expect(new Set(answers.map((a) => a.err_detail)).size).toBe(1);
  });

  it('accepts an upper-case signature and a timestamp within 5 minutes', async () => {
    const params = signed(at() - 4 * 60_000);
    const answer = await ctx.client.call(
      'bills',
      { ...params, app_sign: params.app_sign.toUpperCase() },
      { auth: false },
    );
    expect(answer.result_code).toBe(0);
  });

  it('signs refunds with the master secret and everything else with the app secret', async () => {
    const app = devApp();
    const masterSigned = signed(at(), app.masterSecret);
    expect((await ctx.client.call('bills', masterSigned, { auth: false })).result_code).toBe(1);
    const appSigned = signed(at(), app.appSecret);
    const refund = { refund_no: '20200101001', bill_no: 'nobill000', refund_fee: 1 };
    expect(
      (await ctx.client.call('createRefund', { ...appSigned, ...refund }, { auth: false })).result_code,
    ).toBe(1);
    expect(
      (
        await ctx.client.call(
          'reviewRefunds',
          { ...appSigned, channel: 'WX', ids: ['x'], agree: true },
          { auth: false },
        )
      ).result_code,
    ).toBe(1);
  });
});
