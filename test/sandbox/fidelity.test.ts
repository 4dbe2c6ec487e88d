import { devApp } from '../../src/sandbox/apps.js';
import { BC_BANK_CODES } from '../../src/wire/index.js';
import { RawClient, startTestSandbox, uniqueBillNo, uniqueRefundNo, type Json } from '../support/sandbox.js';

/**
 * The four rules of decisions.md ("Later revisions of v2", "The offline (in-store) API") that
 * BeeCloud's production servers kept and clients written against them catch: BC_GATEWAY's bank,
 * BC_EXPRESS's two modes, the `code_url` of BC_ALI_APP and BC_ALI_WAP, and `SCAN`.
 */
let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let client: RawClient;
beforeAll(async () => {
  const app = devApp();
  sandbox = await startTestSandbox({ apps: [app] });
  client = new RawClient(sandbox.url, app);
});
afterAll(() => sandbox.close());

const bill = (fields: Json) =>
  client.call('createBill', { total_fee: 100, bill_no: uniqueBillNo(), title: 'fidelity', ...fields });
const payer = {
  phone_no: '13800000000',
  card_no: '6222000000000000',
  id_no: '110101199001011234',
  customer_name: '张三',
};
const form = expect.stringMatching(/^<form [^>]*method="POST">.*submit\(\);<\/script>$/);

describe('BC_GATEWAY needs a bank', () => {
  it.each([
    ['missing', {}],
    ['empty', { bank: '' }],
    ['the string "null"', { bank: 'null' }],
  ])('is 4 MISS_PARAM with the bank %s', async (_case, fields) => {
    expect(await bill({ channel: 'BC_GATEWAY', ...fields })).toMatchObject({
      result_code: 4,
      err_detail: 'bank is required',
    });
  });

  it.each([
    ['lower case', 'boc'],
    ['a name', '中国银行'],
    ['an unknown code', 'HSBC'],
    ['padded', ' BOC'],
    ['a number', 42],
  ])('is 5 PARAM_INVALID for %s', async (_case, bank) => {
    const answer = await bill({ channel: 'BC_GATEWAY', bank });
    expect(answer).toMatchObject({ result_code: 5 });
    expect(answer.err_detail).toMatch(/^bank must be/);
  });

  it.each(BC_BANK_CODES)('accepts %s and answers the bank form', async (bank) => {
    expect(await bill({ channel: 'BC_GATEWAY', bank })).toMatchObject({ result_code: 0, html: form });
  });
});

describe('BC_EXPRESS has a plain and an authenticated mode', () => {
  it('is plain without the payer named: no buyer_id needed, an html card form', async () => {
    for (const fields of [
      {},
      { card_no: '6222000000000000' },
      { buyer_id: 'b1' },
      { buyer_id: 'b1', optional: { note: 'x' } },
    ]) {
      const answer = await bill({ channel: 'BC_EXPRESS', ...fields });
      expect(answer).toMatchObject({ result_code: 0, html: form });
      expect(answer).not.toHaveProperty('token');
    }
  });

  it('is authenticated when optional names the payer: buyer_id required, a token answered', async () => {
    expect(await bill({ channel: 'BC_EXPRESS', optional: payer })).toMatchObject({
      result_code: 4,
      err_detail: 'buyer_id is required',
    });
    const answer = await bill({ channel: 'BC_EXPRESS', buyer_id: 'b1', optional: payer });
    expect(answer).toMatchObject({ result_code: 0, token: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(answer).not.toHaveProperty('html');
    // A token from an earlier payment names the payer alone.
    expect(
      await bill({ channel: 'BC_EXPRESS', buyer_id: 'b1', optional: { token: answer.token } }),
    ).toMatchObject({ result_code: 0, token: answer.token });
  });

  it('names the first missing element of a partial set (4)', async () => {
    const { phone_no, id_no } = payer;
    expect(
      await bill({ channel: 'BC_EXPRESS', buyer_id: 'b1', optional: { phone_no, id_no } }),
    ).toMatchObject({
      result_code: 4,
      err_detail: 'optional.card_no is required',
    });
  });

  it('cannot confirm a plain bill by SMS (it has no token)', async () => {
    const plain = await bill({ channel: 'BC_EXPRESS' });
    expect(
      await client.call('confirmBill', {
        token: 'x'.repeat(24),
        bc_bill_id: plain.id,
        verify_code: '123456',
      }),
    ).toMatchObject({ result_code: 5, err_detail: 'token is not the token this bill answered' });
  });
});

describe('BC_ALI_APP and BC_ALI_WAP answer code_url', () => {
  const alipayQr = expect.stringMatching(/^https:\/\/qr\.alipay\.com\/bax0[\w-]{20}$/);

  it('beside their ALI twins’ fields', async () => {
    expect(await bill({ channel: 'BC_ALI_APP' })).toMatchObject({
      result_code: 0,
      order_string: expect.any(String),
      code_url: alipayQr,
    });
    expect(await bill({ channel: 'BC_ALI_WAP' })).toMatchObject({
      result_code: 0,
      html: expect.any(String),
      url: expect.any(String),
      code_url: alipayQr,
    });
    expect(await bill({ channel: 'ALI_APP' })).not.toHaveProperty('code_url');
  });
});

describe('in-store channel names', () => {
  it.each(['SCAN', 'WX_SCAN', 'ALI_SCAN', 'BC_WX_SCAN', 'BC_ALI_SCAN', 'BC_SCAN'])(
    'answer %s 3 CHANNEL_INVALID on the online endpoint',
    async (channel) => {
      expect(await bill({ channel, auth_code: '134567890123456789' })).toMatchObject({ result_code: 3 });
    },
  );

  const scan = (fields: Json) =>
    client.call('offlineBill', {
      channel: 'SCAN',
      total_fee: 880,
      bill_no: uniqueBillNo(),
      title: '便利店',
      ...fields,
    });

  it.each([
    ['a WeChat Pay code', '134567890123456789', 'WX_SCAN', 'WX'],
    ['an Alipay code', '286512345678901234', 'ALI_SCAN', 'ALI'],
  ])('SCAN with %s pays as %s, and the bill is that channel’s', async (_case, authCode, wallet, family) => {
    const billNo = uniqueBillNo();
    expect(await scan({ bill_no: billNo, auth_code: authCode })).toMatchObject({
      result_code: 0,
      pay_result: true,
      channel_type: wallet,
    });
    const { bills } = await client.call('bills', { bill_no: billNo });
    expect(bills).toEqual([
      expect.objectContaining({ channel: family, sub_channel: wallet, spay_result: true }),
    ]);
    // Its status and refunds are that channel's.
    expect(await client.call('offlineBillStatus', { bill_no: billNo, channel: wallet })).toMatchObject({
      pay_result: true,
    });
    expect(
      await client.call('offlineRefund', {
        bill_no: billNo,
        refund_no: uniqueRefundNo(),
        refund_fee: 880,
        channel: family,
      }),
    ).toMatchObject({ result_code: 0, refund_result: true });
  });

  it('SCAN with a code of neither wallet is 5, without one 4', async () => {
    const neither = await scan({ auth_code: '912345678901234567' });
    expect(neither).toMatchObject({ result_code: 5 });
    expect(neither.err_detail).toMatch(/^auth_code is neither a WeChat Pay code/);
    expect(await scan({})).toMatchObject({ result_code: 4, err_detail: 'auth_code is required' });
  });
});
