import { devApp } from '../../src/sandbox/apps.js';
import { RawClient, startTestSandbox, uniqueRefundNo } from '../support/sandbox.js';

/** `GET /_sandbox/`: where a person starts in the sandbox, over real HTTP. */
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let client: RawClient;
const app = devApp();
beforeAll(async () => {
  sandbox = await startTestSandbox({ apps: [app] });
  client = new RawClient(sandbox.url, app);
});
afterAll(() => sandbox.close());

const page = async () => {
  const response = await fetch(`${sandbox.url}/_sandbox/`);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  return response.text();
};
const post = async (fields: Record<string, string>) =>
  (
    await fetch(`${sandbox.url}/_sandbox/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    })
  ).text();

describe('the sandbox index page', () => {
  it('shows its apps with the secrets masked, and every control route', async () => {
    const html = await page();
    expect(html).toContain(app.appId);
    expect(html).not.toContain(app.appSecret);
    expect(html).not.toContain(app.masterSecret);
    expect(html).toContain(`${app.appSecret.slice(0, 4)}…`);
    for (const route of [
      'POST /_sandbox/bills/:no/pay',
      'POST /_sandbox/refunds/:no/settle',
      'GET /_sandbox/webhooks',
    ])
      expect(html).toContain(route);
  });

  it('lists the newest bills and refunds, and pays, fails and settles them from its forms', async () => {
    const open = await client.bill({ channel: 'WX_NATIVE', total_fee: 1234 });
    const other = await client.bill({ channel: 'UN_APP' });
    let html = await page();
    expect(html).toMatch(new RegExp(`data-bill="${open.billNo}">.*¥12\\.34.*open.*value="pay">Pay`));
    html = await post({ bill: open.billNo, action: 'pay' });
    expect(html).toContain(`Done: pay ${open.billNo}.`);
    expect((await client.control('GET', `bills/${open.billNo}`)).status).toBe('paid');
    await post({ bill: other.billNo, action: 'fail' });
    expect((await client.control('GET', `bills/${other.billNo}`)).status).toBe('failed');
    // A WeChat refund waits for its channel: the page settles it.
    const refundNo = uniqueRefundNo();
    expect(
      (await client.call('createRefund', { bill_no: open.billNo, refund_no: refundNo, refund_fee: 1234 }))
        .result_code,
    ).toBe(0);
    expect(await page()).toMatch(new RegExp(`data-refund="${refundNo}">.*processing.*value="settle">Settle`));
    html = await post({ refund: refundNo, action: 'settle' });
    // WeChat settles at the channel; BeeCloud completes it when asked (GET /refund/status).
    expect(html).toMatch(
      new RegExp(
        `data-refund="${refundNo}">.*processing \\(channel: SUCCESS, completed by the next status query\\)`,
      ),
    );
    expect(html).not.toMatch(new RegExp(`data-refund="${refundNo}">.*value="settle"`));
    // A bill that is no longer open offers nothing, and a wrong action says why.
    expect(await post({ bill: open.billNo, action: 'pay' })).toContain('can no longer be paid or failed');
    expect(await post({ bill: open.billNo, action: 'explode' })).toContain('action must be pay or fail');
  });

  it('is refused to another site, like every control route', async () => {
    const response = await fetch(`${sandbox.url}/_sandbox/`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(403);
  });
});
