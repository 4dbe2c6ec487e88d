import { devApp } from '../../src/sandbox/apps.js';
import { BeeCloudClient } from '../../src/upstream/beecloud-client.js';
import { UpstreamError, parseEnvelope } from '../../src/upstream/upstream-error.js';
import { startTestSandbox, uniqueBillNo, uniqueRefundNo } from '../support/sandbox.js';
import { fixedServer, refusedUrl, resettingServer } from '../support/servers.js';

const app = devApp();
const credentials = { appId: app.appId, appSecret: app.appSecret, masterSecret: app.masterSecret };
const fastRetry = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const upstreamRequests = (path: string) =>
  sandbox.logEntries().filter((entry) => entry.msg === 'request' && entry.path === path).length;
const client = (baseUrls: string[], extra: Partial<ConstructorParameters<typeof BeeCloudClient>[0]> = {}) =>
  new BeeCloudClient({ credentials, baseUrls, retry: fastRetry, ...extra });

describe('BeeCloudClient', () => {
  it('signs every endpoint with the right secret and decodes the answers', async () => {
    const api = client([sandbox.url]);
    const billNo = uniqueBillNo();
    const bill = await api.createBill({ channel: 'WX_NATIVE', total_fee: 10, bill_no: billNo, title: 't' });
    expect(bill.code_url).toMatch(/^weixin:/);
    expect((await api.billById(bill.id)).pay?.bill_no).toBe(billNo);
    expect((await api.bills({ bill_no: billNo })).bills).toHaveLength(1);
    expect((await api.billsCount({ bill_no: billNo })).count).toBe(1);
    await fetch(`${sandbox.url}/_sandbox/bills/${billNo}/pay`, { method: 'POST' });
    const refundNo = uniqueRefundNo();
    const refund = await api.createRefund({
      refund_no: refundNo,
      bill_no: billNo,
      refund_fee: 10,
      need_approval: true,
    });
    expect((await api.refundById(refund.id!)).refund?.refund_no).toBe(refundNo);
    expect((await api.reviewRefunds({ channel: 'WX', ids: [refund.id!], agree: true })).result_map).toEqual({
      [refund.id!]: 'OK',
    });
    expect((await api.refundStatus({ channel: 'WX', refund_no: refundNo })).refund_status).toBe('PROCESSING');
    expect((await api.refunds({ refund_no: refundNo })).refunds).toHaveLength(1);
    expect((await api.refundsCount({})).count).toBeGreaterThanOrEqual(1);
  });

  it('turns a result_code into a typed error carrying the code and err_detail', async () => {
    const error = await client([sandbox.url])
      .billById('missing')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'NO_SUCH_BILL', resultCode: 8, detail: 'no bill with id missing' });
    const wrong = new BeeCloudClient({
      credentials: { ...credentials, appSecret: 'wrong' },
      baseUrls: [sandbox.url],
    });
    await expect(wrong.bills({})).rejects.toMatchObject({ code: 'APP_INVALID' });
  });

  it('fails a read over to the next server when the first refuses connections', async () => {
    const before = upstreamRequests('/2/rest/bills');
    const api = client([await refusedUrl(), sandbox.url]);
    expect((await api.bills({})).result_code).toBe(0);
    expect(upstreamRequests('/2/rest/bills')).toBe(before + 1);
    // The server that answered is tried first from now on: no second refused attempt.
    expect((await api.bills({})).result_code).toBe(0);
  });

  it('fails a read over on a 5xx and on a reset, but not a write that may have arrived', async () => {
    const failing = await fixedServer(502, 'bad gateway');
    const resetting = await resettingServer();
    try {
      expect((await client([failing.url, sandbox.url]).bills({})).result_code).toBe(0);
      expect((await client([resetting.url, sandbox.url]).bills({})).result_code).toBe(0);
      const billNo = uniqueBillNo();
      const write = client([resetting.url, sandbox.url]).createBill({
        channel: 'UN_APP',
        total_fee: 1,
        bill_no: billNo,
        title: 't',
      });
      await expect(write).rejects.toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        detail: 'the payment service could not be reached (ECONNRESET)',
      });
      expect(resetting.requests()).toBe(2);
      const writeTo502 = client([failing.url, sandbox.url]).createBill({
        channel: 'UN_APP',
        total_fee: 1,
        bill_no: billNo,
        title: 't',
      });
      await expect(writeTo502).rejects.toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        detail: 'the payment service failed (HTTP 502)',
      });
      expect((await client([sandbox.url]).billsCount({ bill_no: billNo })).count).toBe(0);
    } finally {
      await failing.close();
      await resetting.close();
    }
  });

  it('retries a write on the next server when the first refused the connection, creating one bill', async () => {
    const billNo = uniqueBillNo();
    const api = client([await refusedUrl(), sandbox.url]);
    expect(
      (await api.createBill({ channel: 'UN_APP', total_fee: 1, bill_no: billNo, title: 't' })).result_code,
    ).toBe(0);
    expect((await api.billsCount({ bill_no: billNo })).count).toBe(1);
  });

  it('retries by endpoint, not method: a POST that reads is tried again after a 500, a POST that writes is not', async () => {
    const arrived = () => sandbox.runtime.stats.restRequests;
    const fail = (path_prefix: string) =>
      fetch(`${sandbox.url}/_sandbox/faults`, {
        method: 'POST',
        body: JSON.stringify({ kind: 'http_500', times: 1, path_prefix }),
      });
    const api = client([sandbox.url]);
    const { id } = await api.createBill({
      channel: 'UN_APP',
      total_fee: 1,
      bill_no: uniqueBillNo(),
      title: 't',
    });
    try {
      await fail('/2/rest/reconciliation');
      let before = arrived();
      expect((await api.reconciliation({ bill_id: id })).pay_status).toBe('false');
      expect(arrived() - before).toBe(2);

      await fail('/2/rest/offline/bill');
      before = arrived();
      await expect(
        api.offlineBill({
          channel: 'WX_SCAN',
          total_fee: 1,
          bill_no: uniqueBillNo(),
          title: 't',
          auth_code: '134567890123456789',
        }),
      ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      expect(arrived() - before).toBe(1);
    } finally {
      await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    }
  });

  it('gives up with UPSTREAM_TIMEOUT within the deadline when the upstream stalls', async () => {
    await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'stall', times: 10, delay_ms: 5000 }),
    });
    // Counted in requests that reached the sandbox, not in wall-clock time: a read is retried
    // only while the deadline leaves room for another attempt (500 / 200 → at most 3).
    const arrived = () => sandbox.runtime.stats.restRequests;
    try {
      const before = arrived();
      const api = client([sandbox.url], { attemptTimeoutMs: 200, deadlineMs: 500 });
      await expect(api.bills({})).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
      expect(arrived() - before).toBeGreaterThanOrEqual(2);
      expect(arrived() - before).toBeLessThanOrEqual(3);
      // A timed-out write is never repeated: the first attempt may have created the bill.
      const write = client([sandbox.url], { attemptTimeoutMs: 200, deadlineMs: 2000 });
      const beforeWrite = arrived();
      await expect(
        write.createBill({ channel: 'UN_APP', total_fee: 1, bill_no: uniqueBillNo(), title: 't' }),
      ).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
      expect(arrived() - beforeWrite).toBe(1);
    } finally {
      await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    }
  });

  it('checks every success answer against the contract: a missing or mistyped field is UPSTREAM_BAD_RESPONSE', async () => {
    const ok = '"result_code":0,"result_msg":"OK","err_detail":""';
    const bill = {
      id: 'b1',
      bill_no: 'bill0001',
      total_fee: 1,
      trade_no: '',
      channel: 'WX',
      sub_channel: 'WX_APP',
      title: 't',
      spay_result: false,
      create_time: 1764300000000,
      optional: '{}',
      revert_result: false,
      refund_result: false,
    };
    const answers: Array<[string, (api: BeeCloudClient) => Promise<unknown>, string]> = [
      [`{${ok}}`, (api) => api.billsCount({}), 'count: missing'],
      [`{${ok},"count":"3"}`, (api) => api.billsCount({}), 'count: expected number'],
      [`{${ok}}`, (api) => api.bills({}), 'bills: missing'],
      [
        `{${ok},"bills":[${JSON.stringify({ ...bill, total_fee: '1' })}]}`,
        (api) => api.bills({}),
        'bills[0].total_fee',
      ],
      [
        `{${ok},"bills":[${JSON.stringify({ ...bill, sub_channel: 'WX_PIGEON' })}]}`,
        (api) => api.bills({}),
        'bills[0].sub_channel',
      ],
      [`{${ok},"pay":null}`, (api) => api.billById('b1'), 'pay: expected Object'],
      [`{${ok}}`, (api) => api.createRefund({ refund_no: 'r', bill_no: 'b', refund_fee: 1 }), 'id: missing'],
    ];
    for (const [body, call, problem] of answers) {
      const server = await fixedServer(200, body);
      try {
        const error = await call(client([server.url])).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
        expect((error as UpstreamError).detail).toContain(problem);
      } finally {
        await server.close();
      }
    }
    const server = await fixedServer(200, `{${ok},"bills":[${JSON.stringify({ ...bill, extra: 1 })}]}`);
    try {
      expect((await client([server.url]).bills({})).bills).toEqual([bill]); // unknown fields dropped
    } finally {
      await server.close();
    }
  });

  it('reports a non-JSON or envelope-less answer as UPSTREAM_BAD_RESPONSE', () => {
    expect(() => parseEnvelope('<html>')).toThrow(expect.objectContaining({ code: 'UPSTREAM_BAD_RESPONSE' }));
    expect(() => parseEnvelope('{"ok":true}')).toThrow(
      expect.objectContaining({ code: 'UPSTREAM_BAD_RESPONSE' }),
    );
    expect(() => parseEnvelope('{"result_code":99,"result_msg":"X","err_detail":""}')).toThrow(
      'unknown result_code 99',
    );
  });
});
