import { chromium, type Browser, type Page } from 'playwright-core';

type Node = { textContent: string | null };
import {
  ONLINE_CHANNELS,
  channelSpec,
  familyOf,
  settlesByStatusQuery,
  type PayChannel,
} from '../../src/wire/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { CHROMIUM_ARGS, chromiumPath } from '../support/services.js';

/**
 * The checkout demo end to end in headless Chromium: create a bill, see its QR code, pay it
 * (as a person would in the sandbox, here through the control API from the test), see PAID
 * without reloading, refund it and see the refund settle. Every request the page makes stays
 * on the gateway; nothing is logged as an error.
 */
describe('the checkout demo in headless Chromium', () => {
  let t: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestGateway();
    browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const text = (page: Page, id: string) => page.getByTestId(id).innerText();
  const waitForText = (page: Page, id: string, expected: string) =>
    page.waitForFunction(
      ([testId, value]) => {
        // Runs in the page (this file has no DOM types; the page's CSP allows no string eval).
        const { document } = globalThis as unknown as { document: { querySelector(s: string): Node | null } };
        return document.querySelector(`[data-testid="${testId}"]`)?.textContent === value;
      },
      [id, expected] as const,
      { timeout: 20_000 },
    );

  it('creates, pays, sees PAID live, refunds and sees the refund settle', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${t.gateway.url}/demo`);

    await page.getByTestId('channel').selectOption('WX_NATIVE');
    await page.getByTestId('amount').fill('321');
    await page.getByTestId('create').click();
    await page.getByTestId('qr').waitFor({ state: 'visible', timeout: 20_000 });
    const billNo = await text(page, 'bill-no');
    expect(billNo).toMatch(/^demo\d+$/);
    expect(await page.getByTestId('qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await page.getByTestId('qr').getAttribute('alt')).toContain('weixin://wxpay/bizpayurl?pr=');
    expect(await text(page, 'status')).toBe('OPEN');

    // The shopper pays in the sandbox; the page hears it over graphql-ws, without a reload.
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await t.rest.control('POST', `bills/${billNo}/pay`);
    await waitForText(page, 'status', 'PAID');
    expect(navigations).toEqual([]);

    await page.getByTestId('refund').click();
    await waitForText(page, 'refund-status', 'PENDING');
    const refundNo = await text(page, 'refund-no');
    // WeChat settles the refund at the channel; the page asks (syncRefundStatus) and sees it.
    await t.rest.control('POST', `refunds/${refundNo}/settle`);
    await waitForText(page, 'refund-status', 'SUCCEEDED');
    expect((await t.rest.control('GET', `bills/${billNo}`)).bill).toMatchObject({
      total_fee: 321,
      spay_result: true,
      refund_result: true,
    });

    const origin = new URL(t.gateway.url).origin;
    const wsOrigin = origin.replace(/^http/, 'ws');
    const elsewhere = requested.filter(
      (url) => !url.startsWith(origin) && !url.startsWith(wsOrigin) && !url.startsWith('data:'),
    );
    expect(elsewhere).toEqual([]);
    expect(requested.some((url) => url.includes('/_sandbox/'))).toBe(false);
    expect(problems).toEqual([]);
    expect(await text(page, 'error')).toBe('');
    await page.screenshot({ path: 'test/http/demo.png' }).catch(() => undefined);
  }, 90_000);

  it('takes every channel it lists to PAID and a final refund state, through the sandbox’s own pages and actions', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } }); // a phone
    const requested: string[] = [];
    const problems: string[] = [];
    page.context().on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${t.gateway.url}/demo`);
    const listed = await page
      .getByTestId('channel')
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
    expect(listed).toEqual(ONLINE_CHANNELS);
    const outcomes: string[] = [];
    for (const channel of listed as PayChannel[]) {
      await page.getByTestId('channel').selectOption(channel);
      // Exactly the inputs the channel table says it needs, pre-filled.
      for (const field of channelSpec(channel).requires ?? [])
        expect([channel, await page.getByTestId(`input-${field}`).count()]).toEqual([channel, 1]);
      const before = await text(page, 'bill-no');
      await page.getByTestId('create').click();
      await page.waitForFunction(
        ([previous]) => {
          const { document } = globalThis as unknown as {
            document: { querySelector(s: string): Node | null };
          };
          const shown = document.querySelector('[data-testid="bill-no"]')?.textContent;
          return Boolean(document.querySelector('[data-testid="error"]')?.textContent) || shown !== previous;
        },
        [before] as const,
        { timeout: 20_000 },
      );
      const error = await text(page, 'error');
      if (error) {
        outcomes.push(`${channel}: ${error}`);
        continue;
      }
      // The shopper pays on the sandbox's page, in another tab; this page hears it live.
      const [payPage] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByTestId('pay-in-sandbox').click(),
      ]);
      await payPage.getByRole('button', { name: 'Pay', exact: true }).click();
      await payPage.locator('#status').waitFor();
      await payPage.close();
      await waitForText(page, 'status', 'PAID');
      expect(await page.getByTestId('qr').isVisible()).toBe(false);
      if (await page.getByTestId('no-refund').isVisible()) {
        outcomes.push(`${channel}: PAID; ${await text(page, 'no-refund')}`);
        continue;
      }
      await page.getByTestId('refund').click();
      await page.waitForFunction(
        () => {
          const { document } = globalThis as unknown as {
            document: { querySelector(s: string): Node | null };
          };
          return Boolean(document.querySelector('[data-testid="refund-status"]')?.textContent);
        },
        undefined,
        { timeout: 20_000 },
      );
      const family = familyOf(channel);
      if (family === 'ALI') {
        // The merchant confirms on Alipay's page (the sandbox's stand-in).
        const [confirmPage] = await Promise.all([
          page.context().waitForEvent('page'),
          page.getByTestId('confirm-refund').click(),
        ]);
        await confirmPage.getByRole('button', { name: /Confirm/ }).click();
        await confirmPage.locator('#message').waitFor();
        await confirmPage.close();
      } else if (settlesByStatusQuery(family)) {
        await page.getByTestId('settle-refund').click(); // the provider settles, in the sandbox
      }
      await waitForText(page, 'refund-status', 'SUCCEEDED');
      outcomes.push(`${channel}: PAID, refund SUCCEEDED`);
    }
    const unfinished = outcomes.filter(
      (line) => !/PAID, refund SUCCEEDED$|PAID; .* refunded in .* own console/.test(line),
    );
    expect(unfinished).toEqual([]);
    // Only PayPal and Apple stop at PAID, each with the sentence why.
    expect(outcomes.filter((line) => line.includes('own console')).map((line) => line.split(':')[0])).toEqual(
      listed.filter((channel) => ['PAYPAL', 'APPLE'].includes(familyOf(channel as PayChannel))),
    );
    // Nothing left the host: the gateway, and the sandbox beside it.
    const hosts = new Set([new URL(t.gateway.url).host, new URL(t.sandbox.url).host]);
    expect(requested.filter((url) => !url.startsWith('data:') && !hosts.has(new URL(url).host))).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: 'test/http/demo-phone.png' }).catch(() => undefined);
  }, 300_000);

  it.each([
    ['BC_GATEWAY', 'bank', 'CMB'],
    ['BC_EXPRESS', undefined, undefined],
  ] as const)(
    'takes %s through to PAID and a settled refund (its form, in ¥)',
    async (channel, field, value) => {
      const page = await browser.newPage();
      await page.goto(`${t.gateway.url}/demo`);
      await page.getByTestId('channel').selectOption(channel);
      if (field) await page.getByTestId(`input-${field}`).selectOption(value!);
      await page.getByTestId('amount').fill('1234');
      expect(await text(page, 'amount-yuan')).toBe('¥12.34');
      await page.getByTestId('create').click();
      await page.getByTestId('next-step').locator('form').waitFor({ timeout: 20_000 });
      const billNo = await text(page, 'bill-no');
      expect(await text(page, 'total')).toBe('¥12.34');
      expect((await t.rest.control('GET', `bills/${billNo}`)).bill).toMatchObject({ sub_channel: channel });
      await t.rest.control('POST', `bills/${billNo}/pay`);
      await waitForText(page, 'status', 'PAID');
      expect(await page.getByTestId('next-step').innerHTML()).toBe(''); // nothing left to submit
      await page.getByTestId('refund').click();
      await waitForText(page, 'refund-status', 'PENDING');
      await t.rest.control('POST', `refunds/${await text(page, 'refund-no')}/settle`);
      await waitForText(page, 'refund-status', 'SUCCEEDED');
      expect(await text(page, 'error')).toBe('');
    },
    60_000,
  );

  it('is off when DEMO is off, and refuses another site’s request for the page (it carries the headers)', async () => {
    const off = await startTestGateway({ server: { demo: false } });
    try {
      expect((await fetch(`${off.gateway.url}/demo`)).status).toBe(404);
    } finally {
      await off.close();
    }
    const cross = await fetch(`${t.gateway.url}/demo`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(cross.status).toBe(403);
    const script = await fetch(`${t.gateway.url}/demo/checkout.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
