import { devApp } from '../../src/sandbox/apps.js';
import { ONLINE_CHANNELS, channelSpec, type PayChannel } from '../../src/wire/index.js';
import { RawClient, startTestSandbox, uniqueBillNo, type Json } from '../support/sandbox.js';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let client: RawClient;
let limited: RawClient;
const limitedApp = {
  ...devApp({ channels: ['WX', 'UN_APP'] }),
  appId: 'aaaaaaaa-0000-4000-8000-000000000002',
};
beforeAll(async () => {
  sandbox = await startTestSandbox({ apps: [devApp(), limitedApp] });
  client = new RawClient(sandbox.url);
  limited = new RawClient(sandbox.url, limitedApp);
});
afterAll(() => sandbox.close());

/** The fields each channel needs to be valid. */
const CHANNEL_FIELDS: Partial<Record<PayChannel, Json>> = {
  WX_JSAPI: { openid: 'o3Xx_oJ6pMysIuq-5hUEGdprw6aA' },
  ALI_WEB: { return_url: 'https://shop.example.com/return', show_url: 'https://shop.example.com/item' },
  ALI_QRCODE: { return_url: 'https://shop.example.com/return', qr_pay_mode: '1' },
  UN_WEB: { return_url: 'https://shop.example.com/return' },
  JD_WAP: { return_url: 'https://shop.example.com/return' },
  JD_WEB: { return_url: 'https://shop.example.com/return' },
  YEE_WAP: { identity_id: 'user42' },
  YEE_NOBANKCARD: { cardno: '123456789', cardpwd: '987654321', frqid: 'QQCARD' },
  WX_MINI: { openid: 'o3Xx_oJ6pMysIuq-5hUEGdprw6aA' },
  WX_WAP: { analysis: { ip: '58.110.23.35' } },
  UN_WAP: { return_url: 'https://shop.example.com/return' },
  BC_WX_JSAPI: { openid: 'o3Xx_oJ6pMysIuq-5hUEGdprw6aA' },
  BC_WX_WAP: { analysis: { ip: '58.110.23.35' } },
  BC_GATEWAY: { bank: 'BOC', card_type: '2' },
  // BC_EXPRESS in its plain mode (a card form); the authenticated mode: test/sandbox/final-revision.test.ts.
  BC_EXPRESS: { card_no: '6222000000000000' },
};

const hex32 = /^[0-9a-f]{32}$/;
const ms13 = /^\d{13}$/;
const autoSubmitForm = (sandboxUrl: string) =>
  expect.stringMatching(
    new RegExp(
      `^<form [^>]*action="${sandboxUrl}/_sandbox/checkout/[0-9a-f-]{36}" method="POST">.*<script>document\\.forms\\['bcsubmit'\\]\\.submit\\(\\);</script>$`,
    ),
  );

/** The documented payload of each channel, in realistic formats (by its shape in the channel table). */
function expectedPayload(channel: PayChannel): Json {
  const alipayQr = expect.stringMatching(/^https:\/\/qr\.alipay\.com\/bax0[\w-]{20}$/);
  // BC_ALI_APP and BC_ALI_WAP answer a QR code's URL too, as production did.
  return { ...shapePayload(channel), ...(channelSpec(channel).alsoCodeUrl ? { code_url: alipayQr } : {}) };
}

function shapePayload(channel: PayChannel): Json {
  const checkout = expect.stringMatching(new RegExp(`^${sandbox.url}/_sandbox/checkout/[0-9a-f-]{36}\\?`));
  switch (channelSpec(channel).online) {
    case 'WX_APP':
      return {
        app_id: expect.stringMatching(/^wx[0-9a-f]{16}$/),
        partner_id: expect.stringMatching(/^\d{10}$/),
        package: 'Sign=WXPay',
        nonce_str: expect.stringMatching(hex32),
        timestamp: expect.stringMatching(ms13),
        pay_sign: expect.stringMatching(/^[0-9A-F]{32}$/),
        prepay_id: expect.stringMatching(/^wx\d{14}[0-9a-f]{20}$/),
      };
    case 'CODE_URL':
      return {
        code_url:
          channel === 'BC_ALI_QRCODE'
            ? expect.stringMatching(/^https:\/\/qr\.alipay\.com\/bax0[\w-]{20}$/)
            : expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=[\w-]{7}$/),
      };
    case 'WX_JSAPI':
      return {
        app_id: expect.stringMatching(/^wx[0-9a-f]{16}$/),
        package: expect.stringMatching(/^prepay_id=wx\d{14}[0-9a-f]{20}$/),
        nonce_str: expect.stringMatching(hex32),
        timestamp: expect.stringMatching(ms13),
        pay_sign: expect.stringMatching(/^[0-9A-F]{32}$/),
        sign_type: 'MD5',
      };
    case 'ALI_APP':
      return {
        order_string: expect.stringMatching(
          /^app_id=2016\d+&biz_content=.+&method=alipay\.trade\.app\.pay&.*&sign=.+$/,
        ),
      };
    case 'ALI_FORM':
    case 'ALI_QRCODE':
      return { html: autoSubmitForm(sandbox.url), url: checkout };
    case 'QR_CODE':
      return { qr_code: expect.stringMatching(/^https:\/\/qr\.alipay\.com\/bax0[\w-]{20}$/) };
    case 'UN_APP':
      return { tn: expect.stringMatching(/^\d{21}$/) };
    case 'HTML_FORM':
      return { html: autoSubmitForm(sandbox.url) };
    case 'REDIRECT':
      return { url: checkout };
    case 'BD_APP':
      return { orderInfo: expect.stringMatching(/^currency=1&.*order_no=\w+&.*sign=[0-9a-f]{32}$/) };
    case 'BC_EXPRESS':
      return { token: expect.stringMatching(/^[0-9a-f]{24}$/) };
    case 'NONE':
    case undefined:
      return {};
  }
}

describe('POST /2/rest/bill', () => {
  it.each(ONLINE_CHANNELS)('creates a %s bill with exactly its documented payload', async (channel) => {
    const answer = await client.call('createBill', {
      channel,
      total_fee: 1,
      bill_no: uniqueBillNo(),
      title: '白开水',
      ...CHANNEL_FIELDS[channel],
    });
    expect(answer).toEqual({
      result_code: 0,
      result_msg: 'OK',
      err_detail: '',
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      ...expectedPayload(channel),
    });
  });

  const valid = () => ({ channel: 'UN_APP', total_fee: 100, bill_no: uniqueBillNo(), title: 'water' });

  it.each([
    ['channel', { channel: undefined }],
    ['total_fee', { total_fee: '' }],
    ['bill_no', { bill_no: '' }],
    ['title', { title: null }],
    ['openid', { channel: 'WX_JSAPI' }],
    ['return_url', { channel: 'ALI_WEB', return_url: '' }],
    ['return_url', { channel: 'UN_WEB' }],
    ['return_url', { channel: 'JD_WAP' }],
    ['qr_pay_mode', { channel: 'ALI_QRCODE', return_url: 'https://a.example/r' }],
    ['identity_id', { channel: 'YEE_WAP' }],
    ['cardno', { channel: 'YEE_NOBANKCARD', cardpwd: 'x', frqid: 'SZX' }],
    ['cardpwd', { channel: 'YEE_NOBANKCARD', cardno: '1', frqid: 'SZX' }],
    ['frqid', { channel: 'YEE_NOBANKCARD', cardno: '1', cardpwd: 'x' }],
  ])('answers 4 naming %s when it is missing', async (name, override) => {
    expect(await client.call('createBill', { ...valid(), ...override })).toEqual({
      result_code: 4,
      result_msg: 'MISS_PARAM',
      err_detail: `${name} is required`,
    });
  });

  it.each([
    ['channel', { channel: 'wx_app' }],
    ['channel', { channel: 'WX_NATIVE ' }],
    ['channel', { channel: 7 }],
    ['total_fee', { total_fee: 0 }],
    ['total_fee', { total_fee: -1 }],
    ['total_fee', { total_fee: 1.5 }],
    ['total_fee', { total_fee: '100' }],
    ['total_fee', { total_fee: 2 ** 31 }],
    ['bill_no', { bill_no: 'short7' }],
    ['bill_no', { bill_no: 'x'.repeat(33) }],
    ['bill_no', { bill_no: 'has-dash-123' }],
    ['bill_no', { bill_no: 12345678 }],
    ['title', { title: 'x'.repeat(33) }],
    ['title', { title: '一二三四五六七八九十一二三四五六七' }],
    ['title', { title: ['list'] }],
    ['optional', { optional: '' }],
    ['optional', { optional: '{"a":1}' }],
    ['optional', { optional: [1] }],
    ['analysis', { analysis: 'x' }],
    ['bill_timeout', { bill_timeout: 0 }],
    ['bill_timeout', { bill_timeout: '' }],
    ['bill_timeout', { channel: 'JD_WEB', return_url: 'https://a.example/r', bill_timeout: 360 }],
    ['return_url', { channel: 'ALI_WEB', return_url: 'https://a.example/r?x=1' }],
    ['return_url', { channel: 'ALI_WEB', return_url: 'https://a.example/r#top' }],
    ['show_url', { channel: 'ALI_WEB', return_url: 'https://a.example/r', show_url: 'ftp://x' }],
    ['qr_pay_mode', { channel: 'ALI_QRCODE', return_url: 'https://a.example/r', qr_pay_mode: '2' }],
    ['qr_pay_mode', { channel: 'ALI_QRCODE', return_url: 'https://a.example/r', qr_pay_mode: 1 }],
    ['identity_id', { channel: 'YEE_WAP', identity_id: 'x'.repeat(51) }],
    ['frqid', { channel: 'YEE_NOBANKCARD', cardno: '1', cardpwd: 'x', frqid: 'VISA' }],
    ['openid', { channel: 'WX_JSAPI', openid: 42 }],
  ])('answers 5 naming %s for %j', async (name, override) => {
    const answer = await client.call('createBill', { ...valid(), ...override });
    expect(answer).toMatchObject({ result_code: 5, result_msg: 'PARAM_INVALID' });
    expect(answer.err_detail).toMatch(new RegExp(`^${name} `));
  });

  it('accepts a 32-byte title: 16 Chinese characters, or 32 ASCII', async () => {
    expect(
      (await client.call('createBill', { ...valid(), title: '一二三四五六七八九十一二三四五六' }))
        .result_code,
    ).toBe(0);
    expect((await client.call('createBill', { ...valid(), title: 'x'.repeat(32) })).result_code).toBe(0);
  });

  it('treats "" as absent for optional strings, as the SDKs send them', async () => {
    const answer = await client.call('createBill', { ...valid(), return_url: '', openid: '', show_url: '' });
    expect(answer.result_code).toBe(0);
  });

  it.each(['WX', 'WX_SCAN', 'ALI_SCAN', 'ALI', 'BC_TRANSFER'])(
    'answers 3 for the known channel %s, which bills do not take',
    async (channel) => {
      expect(await client.call('createBill', { ...valid(), channel })).toMatchObject({
        result_code: 3,
        result_msg: 'CHANNEL_INVALID',
      });
    },
  );

  it('answers 2 when the app has not configured the channel', async () => {
    expect(await limited.call('createBill', { ...valid(), channel: 'ALI_APP' })).toMatchObject({
      result_code: 2,
      result_msg: 'PAY_FACTOR_NOT_SET',
      err_detail: 'channel ALI_APP is not configured for this app',
    });
    expect((await limited.call('createBill', { ...valid(), channel: 'WX_NATIVE' })).result_code).toBe(0);
  });

  it('answers a repeated request for an open bill with the same id (a safe retry)', async () => {
    const request = valid();
    const first = await client.call('createBill', request);
    const again = await client.call('createBill', request);
    expect(again).toMatchObject({ result_code: 0, id: first.id });
    expect(again.tn).toMatch(/^\d{21}$/);
  });

  it('answers 17 for a bill_no reused with other values, or once the bill is paid', async () => {
    const request = valid();
    await client.call('createBill', request);
    expect(await client.call('createBill', { ...request, total_fee: 101 })).toMatchObject({
      result_code: 17,
      result_msg: 'BILL_NO_DUPLICATE',
    });
    expect(await client.call('createBill', { ...request, channel: 'WX_NATIVE' })).toMatchObject({
      result_code: 17,
    });
    await client.control('POST', `bills/${request.bill_no}/pay`);
    expect(await client.call('createBill', request)).toMatchObject({ result_code: 17 });
  });

  it('keeps bill numbers per app: another app may use the same bill_no', async () => {
    const request = valid();
    const mine = await client.call('createBill', request);
    const theirs = await limited.call('createBill', request);
    expect(theirs.result_code).toBe(0);
    expect(theirs.id).not.toBe(mine.id);
    expect(await client.controlRaw('POST', `bills/${request.bill_no}/pay`)).toMatchObject({
      result_code: 5,
      err_detail: expect.stringMatching(/^app_id is needed/),
    });
    expect(
      await client.control('POST', `bills/${request.bill_no}/pay`, { app_id: limitedApp.appId }),
    ).toMatchObject({ status: 'paid' });
  });
});

describe('the bill lifecycle', () => {
  it('goes from created to paid, with a channel trade_no and message_detail', async () => {
    const { billNo, id } = await client.bill({ channel: 'WX_NATIVE', total_fee: 250 });
    const before = (await client.call('billById', {}, { id })).pay;
    expect(before).toMatchObject({
      spay_result: false,
      trade_no: '',
      message_detail: '{}',
      refund_result: false,
      revert_result: false,
    });
    await client.control('POST', `bills/${billNo}/pay`);
    const after = (await client.call('billById', {}, { id })).pay;
    expect(after).toMatchObject({ spay_result: true, trade_no: expect.stringMatching(/^4200001\d{21}$/) });
    expect(JSON.parse(after.message_detail)).toMatchObject({
      out_trade_no: billNo,
      total_fee: 250,
      result_code: 'SUCCESS',
      trade_type: 'NATIVE',
    });
  });

  it('fails a bill, which then cannot be paid', async () => {
    const { billNo } = await client.bill();
    expect(await client.control('POST', `bills/${billNo}/fail`)).toMatchObject({
      status: 'failed',
      bill: { spay_result: false },
    });
    expect(await client.controlRaw('POST', `bills/${billNo}/pay`)).toMatchObject({
      result_code: 5,
      err_detail: `bill ${billNo} is failed and can no longer be paid or failed`,
    });
  });

  it('times a bill out after bill_timeout on the virtual clock', async () => {
    const { billNo } = await client.bill({ bill_timeout: 360 });
    await client.control('POST', 'clock/advance', { ms: 361_000 });
    expect(await client.controlRaw('POST', `bills/${billNo}/pay`)).toMatchObject({
      err_detail: `bill ${billNo} is timed out and can no longer be paid or failed`,
    });
    expect(await client.control('GET', `bills/${billNo}`)).toMatchObject({ status: 'timed_out' });
  });

  it('serves a checkout page where a person pays a web-channel bill', async () => {
    const { billNo, answer } = await client.bill({
      channel: 'ALI_WEB',
      return_url: 'https://shop.example.com/done',
      title: '<b>tea</b>',
    });
    const page = await (await fetch(answer.url)).text();
    expect(page).toContain('&#60;b&#62;tea&#60;/b&#62;');
    expect(page).toContain('value="pay"');
    const checkoutUrl = answer.url.split('?')[0];
    const paid = await fetch(checkoutUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=pay',
    });
    const html = await paid.text();
    expect(html).toContain('This bill is <strong>paid</strong>');
    expect(html).toContain('href="https://shop.example.com/done"');
    expect(await client.control('GET', `bills/${billNo}`)).toMatchObject({ status: 'paid' });
  });
});
