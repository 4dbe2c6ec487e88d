import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appsFromEnv } from '../../src/sandbox/apps.js';
import { DEFAULT_DEV_APP } from '../../src/wire/index.js';
import { sandboxOptionsFromEnv } from '../../src/sandbox/runtime.js';
import { PAY_CHANNELS } from '../../src/wire/index.js';
import { freePort, runNode } from '../support/process.js';
import { RawClient, useTestSandbox, uniqueRefundNo } from '../support/sandbox.js';

describe('the control API', () => {
  const ctx = useTestSandbox();

  it('reports health and the virtual time', async () => {
    const health = await ctx.client.control('GET', 'health');
    expect(health).toMatchObject({ status: 'ok', apps: 1 });
    expect(Math.abs(health.now - Date.now())).toBeLessThan(1000);
  });

  it('advances the clock, which dates new records, and resets it', async () => {
    const { now } = await ctx.client.control('POST', 'clock/advance', { ms: 86_400_000 });
    expect(now - Date.now()).toBeGreaterThan(86_399_000);
    const { id } = await ctx.client.bill();
    expect((await ctx.client.call('billById', {}, { id })).pay.create_time).toBeGreaterThan(
      Date.now() + 86_000_000,
    );
    expect((await ctx.client.control('POST', 'clock/reset')).offset_ms).toBe(0);
    expect(await ctx.client.controlRaw('POST', 'clock/advance', { ms: -1 })).toMatchObject({
      result_code: 5,
    });
  });

  it('refuses cross-site requests, and serves its own pages and tools without an Origin', async () => {
    const { billNo } = await ctx.client.bill();
    const pay = (headers: Record<string, string>) =>
      fetch(`${ctx.sandbox.url}/_sandbox/bills/${billNo}/pay`, { method: 'POST', headers });
    for (const headers of <Array<Record<string, string>>>[
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const answer = await pay(headers);
      expect([answer.status, ((await answer.json()) as { err_detail: string }).err_detail]).toEqual([
        403,
        'the control API refuses cross-site requests',
      ]);
    }
    expect((await ctx.client.call('bills', { bill_no: billNo })).bills[0].spay_result).toBe(false);
    expect((await pay({ origin: ctx.sandbox.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await ctx.client.call('bills', { bill_no: billNo })).bills[0].spay_result).toBe(true);
  });

  it("answers a malformed % escape in a path as the client's error", async () => {
    const control = await fetch(`${ctx.sandbox.url}/_sandbox/bills/%E0%A4%A/pay`, { method: 'POST' });
    expect(control.status).toBe(400);
    expect(await control.json()).toMatchObject({ result_code: 5, result_msg: 'PARAM_INVALID' });
    const para = encodeURIComponent(JSON.stringify(ctx.client.auth('billById')));
    const rest = await fetch(`${ctx.sandbox.url}/2/rest/bill/%ZZ?para=${para}`);
    expect(rest.status).toBe(200); // as BeeCloud answers: the code is in the body
    expect(await rest.json()).toMatchObject({
      result_code: 5,
      err_detail: 'the path segment "%ZZ" is not valid url-encoding',
    });
  });

  it('keeps the virtual clock across a restart over the same database file', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'bc-clock-')), 'state.db');
    const { startTestSandbox } = await import('../support/sandbox.js');
    const first = await startTestSandbox({ dbFile });
    await new RawClient(first.url).control('POST', 'clock/advance', { ms: 3_600_000 });
    await first.close();
    const second = await startTestSandbox({ dbFile });
    try {
      expect((await new RawClient(second.url).control('GET', 'clock')).offset_ms).toBe(3_600_000);
    } finally {
      await second.close();
    }
  });

  it('resets every record', async () => {
    await ctx.client.paidBill();
    await ctx.client.control('POST', 'reset');
    expect((await ctx.client.call('billsCount')).count).toBe(0);
    expect((await ctx.client.control('GET', 'webhooks')).deliveries).toEqual([]);
  });

  it('answers unknown control routes and unknown records clearly', async () => {
    const response = await fetch(`${ctx.sandbox.url}/_sandbox/nothing`);
    expect(response.status).toBe(404);
    expect(await ctx.client.controlRaw('POST', 'bills/nosuchbill/pay')).toMatchObject({
      result_code: 8,
      err_detail: 'no bill with bill_no nosuchbill',
    });
    expect(await ctx.client.controlRaw('POST', 'refunds/nosuch/settle')).toMatchObject({ result_code: 13 });
    expect(await ctx.client.controlRaw('POST', 'faults', { kind: 'explode' })).toMatchObject({
      result_code: 5,
      err_detail: expect.stringMatching(/^kind must be one of/),
    });
    expect((await fetch(`${ctx.sandbox.url}/_sandbox/checkout/nope`)).status).toBe(404);
  });

  it('refuses to settle a refund that completed at once, and confirms only ALI refunds', async () => {
    const { billNo } = await ctx.client.paidBill({ channel: 'UN_APP' });
    const created = await ctx.client.call('createRefund', {
      refund_no: uniqueRefundNo(),
      bill_no: billNo,
      refund_fee: 1,
    });
    expect(created.result_code).toBe(0);
    const { refund } = await ctx.client.call('refundById', {}, { id: created.id });
    expect(await ctx.client.controlRaw('POST', `refunds/${refund.refund_no}/settle`)).toMatchObject({
      result_code: 5,
      err_detail: expect.stringContaining('is succeeded'),
    });
    expect(await ctx.client.controlRaw('POST', `refunds/${refund.refund_no}/confirm`)).toMatchObject({
      result_code: 5,
      err_detail: expect.stringContaining('not an ALI refund'),
    });
  });
});

describe('configuration', () => {
  it('defaults to the development app with every channel', () => {
    const [app, ...rest] = appsFromEnv({});
    expect(rest).toEqual([]);
    expect(app).toMatchObject({ appId: DEFAULT_DEV_APP.appId, appSecret: DEFAULT_DEV_APP.appSecret });
    expect(app!.channels.size).toBe(PAY_CHANNELS.length);
  });

  it('reads several apps from SANDBOX_APPS_FILE and one from the environment', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bc-apps-')), 'apps.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          app_id: '11111111-1111-4111-8111-111111111111',
          app_secret: 's1',
          master_secret: 'm1',
          channels: ['WX', 'ALI_APP'],
          webhook_url: 'http://127.0.0.1:1/h',
        },
        { app_id: '22222222-2222-4222-8222-222222222222', app_secret: 's2', master_secret: 'm2' },
      ]),
    );
    const apps = appsFromEnv({
      SANDBOX_APPS_FILE: file,
      SANDBOX_APP_ID: '33333333-3333-4333-8333-333333333333',
      SANDBOX_APP_SECRET: 's3',
      SANDBOX_MASTER_SECRET: 'm3',
      SANDBOX_APP_CHANNELS: 'UN_APP, JD',
    });
    expect(apps.map((app) => app.appId)).toEqual([
      '11111111-1111-4111-8111-111111111111',
      '22222222-2222-4222-8222-222222222222',
      '33333333-3333-4333-8333-333333333333',
    ]);
    expect([...apps[0]!.channels]).toEqual([
      'WX_APP',
      'WX_NATIVE',
      'WX_JSAPI',
      'WX_WAP',
      'WX_MINI',
      'WX_SCAN',
      'ALI_APP',
    ]);
    expect(apps[0]!.webhookUrl).toBe('http://127.0.0.1:1/h');
    expect([...apps[2]!.channels]).toEqual(['UN_APP', 'JD_WAP', 'JD_WEB']);
  });

  it('refuses a bad configuration with a message naming the rule', () => {
    expect(() => appsFromEnv({ SANDBOX_APP_ID: 'x' })).toThrow(
      'SANDBOX_APP_ID: app_id must be a UUID, got "x"',
    );
    expect(() => appsFromEnv({ SANDBOX_APP_ID: DEFAULT_DEV_APP.appId, SANDBOX_APP_SECRET: 's' })).toThrow(
      'master_secret must be a non-empty string',
    );
    expect(() => appsFromEnv({ SANDBOX_APP_CHANNELS: 'WX,PIGEON' })).toThrow('unknown channel "PIGEON"');
    expect(() => sandboxOptionsFromEnv({ SANDBOX_WEBHOOK_SPEEDUP: 'fast' })).toThrow(
      'SANDBOX_WEBHOOK_SPEEDUP must be an integer from 1 to 1000000, got "fast"',
    );
  });
});

describe('npm run sandbox', () => {
  it('starts on SANDBOX_PORT, serves requests, logs one line each and never a secret', async () => {
    const port = await freePort();
    const sandbox = runNode('dist/sandbox/main.js', { SANDBOX_PORT: String(port) });
    try {
      await sandbox.waitFor('listening');
      expect(sandbox.output.text).toContain(`BeeCloud sandbox listening on http://127.0.0.1:${port}`);
      const local = new RawClient(`http://127.0.0.1:${port}`);
      await local.paidBill();
      expect((await local.call('bills')).bills).toHaveLength(1);
      await sandbox.waitFor('"path":"/2/rest/bills","status":200');
      // One JSON line per request: method, path, status, result_msg, duration; never a body.
      const created = sandbox.output.text
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((entry) => entry.msg === 'request' && entry.method === 'POST' && entry.path === '/2/rest/bill');
      expect(created).toMatchObject({ level: 'info', status: 200, result_msg: 'OK', ms: expect.any(Number) });
      expect(sandbox.output.text).not.toContain(DEFAULT_DEV_APP.appSecret);
      expect(sandbox.output.text).not.toContain(DEFAULT_DEV_APP.masterSecret);
    } finally {
      expect(await sandbox.stop()).toBe(0);
    }
  });
});
