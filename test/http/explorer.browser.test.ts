import { chromium, type Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { CHROMIUM_ARGS, chromiumPath } from '../support/services.js';

/**
 * The explorer in a real browser: headless Chromium (Debian's, or the one an npm package
 * ships; see services.ts), with every network request recorded.
 */
describe('the explorer in headless Chromium', () => {
  let t: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestGateway();
    await t.rest.paidBill({ bill_no: 'explorer0001', title: 'Explorer tea' });
    browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('loads from the gateway alone and runs a query', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(t.graphqlUrl);
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ timeout: 20_000 });
    await run.click();
    const result = page.locator('.result-window');
    await result.getByText('explorer0001').waitFor({ timeout: 20_000 });
    const text = await result.innerText();
    expect(text).toContain('"totalCount": 1');
    expect(text).toContain('Explorer tea');
    await page.screenshot({ path: 'test/http/explorer.png' }).catch(() => undefined);
    const origin = new URL(t.graphqlUrl).origin;
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    expect(requested.some((url) => url.endsWith('/graphql/explorer/graphiql.min.js'))).toBe(true);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
