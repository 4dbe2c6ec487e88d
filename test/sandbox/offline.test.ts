import { devApp } from '../../src/sandbox/apps.js';
import { eventually, startReceiver } from '../support/receiver.js';
import { RawClient, startTestSandbox, uniqueBillNo, uniqueRefundNo, type Json } from '../support/sandbox.js';

/** The in-store API (`/2/rest/offline/...`): scan and QR bills, their status, revert and refund. */

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;
let client: RawClient;
beforeAll(async () => {
  hook = await startReceiver();
  const app = devApp({ webhookUrl: hook.url });
  sandbox = await startTestSandbox({ apps: [app], webhookSpeedup: 100_000 });
  client = new RawClient(sandbox.url, app);
});
afterAll(async () => {
  await sandbox.close();
  await hook.close();
});

const WX_CODE = '134567890123456789';
const ALI_CODE = '286512345678901234';
const scan = (fields: Json = {}) =>
  client.call('offlineBill', {
    channel: 'WX_SCAN',
    total_fee: 880,
    bill_no: uniqueBillNo(),
    title: '便利店',
    auth_code: WX_CODE,
    ...fields,
  });
const status = (billNo: string, fields: Json = {}) =>
  client.call('offlineBillStatus', { bill_no: billNo, ...fields });
const revert = (billNo: string, fields: Json = { method: 'REVERT' }) =>
  client.call('offlineRevert', fields, { id: billNo });

describe('POST /2/rest/offline/bill', () => {
  it('charges a scanned code at once: paid, a PAY webhook, and a bill the queries show paid', async () => {
    const billNo = uniqueBillNo();
    const answer = await scan({ bill_no: billNo, store_id: 'NJ_001', terminal_id: 'NJ_T_001' });
    expect(answer).toEqual({
      result_code: 0,
      result_msg: 'OK',
      err_detail: '',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      pay_result: true,
    });
    expect(await status(billNo)).toMatchObject({ result_code: 0, pay_result: true });
    const { pay } = await client.call('billById', {}, { id: answer.id });
    expect(pay).toMatchObject({
      sub_channel: 'WX_SCAN',
      channel: 'WX',
      spay_result: true,
      store_id: 'NJ_001',
    });
    const body = await eventually(() =>
      hook.received.map((r) => JSON.parse(r.body) as Json).find((b) => b.transaction_id === billNo),
    );
    expect(body).toMatchObject({
      transaction_type: 'PAY',
      sub_channel_type: 'WX_SCAN',
      transaction_fee: 880,
    });
  });

  it('BC_SCAN says which code it read', async () => {
    expect(await scan({ channel: 'BC_SCAN', auth_code: WX_CODE })).toMatchObject({
      pay_result: true,
      channel_type: 'WX_SCAN',
    });
    expect(await scan({ channel: 'BC_SCAN', auth_code: ALI_CODE })).toMatchObject({
      channel_type: 'ALI_SCAN',
    });
  });

  it('a customer still confirming: pay_result false, then the status turns true once paid', async () => {
    await client.control('POST', 'scans/next', { outcome: 'wait' });
    const billNo = uniqueBillNo();
    expect(await scan({ bill_no: billNo, channel: 'ALI_SCAN', auth_code: ALI_CODE })).toMatchObject({
      result_code: 0,
      pay_result: false,
    });
    expect(await status(billNo)).toMatchObject({ pay_result: false });
    await client.control('POST', `bills/${billNo}/pay`);
    expect(await status(billNo, { channel: 'ALI_SCAN' })).toMatchObject({ pay_result: true });
  });

  it('a declined code: 7 CHANNEL_ERROR and a bill that can no longer be paid', async () => {
    await client.control('POST', 'scans/next', { outcome: 'decline' });
    const billNo = uniqueBillNo();
    expect(await scan({ bill_no: billNo })).toMatchObject({ result_code: 7, result_msg: 'CHANNEL_ERROR' });
    expect(await status(billNo)).toMatchObject({ pay_result: false });
    expect((await client.control('GET', `bills/${billNo}`)).status).toBe('failed');
  });

  it('a QR channel answers the code to show, and the bill waits for the customer', async () => {
    const billNo = uniqueBillNo();
    const answer = await scan({ bill_no: billNo, channel: 'ALI_OFFLINE_QRCODE', auth_code: undefined });
    expect(answer).toMatchObject({
      result_code: 0,
      code_url: expect.stringMatching(/^https:\/\/qr\.alipay\.com\//),
    });
    expect(answer).not.toHaveProperty('pay_result');
    expect(await status(billNo)).toMatchObject({ pay_result: false });
    expect(await scan({ channel: 'WX_NATIVE' })).toMatchObject({
      code_url: expect.stringMatching(/^weixin:\/\//),
    });
  });

  it('checks in the online order: 4 without auth_code, 5 for no channel, 3 for an online-only channel', async () => {
    expect(await scan({ auth_code: '' })).toMatchObject({
      result_code: 4,
      err_detail: 'auth_code is required',
    });
    expect(await scan({ channel: 'WX_SCANNER' })).toMatchObject({ result_code: 5 });
    expect(await scan({ channel: 'WX_APP' })).toMatchObject({ result_code: 3 });
    expect(await scan({ total_fee: 0 })).toMatchObject({ result_code: 5 });
    expect(await client.call('offlineBill', { channel: 'WX_SCAN' }, { auth: false })).toMatchObject({
      result_code: 4,
    });
  });

  it('the status needs bill_no (4), knows the bill (8) and its channel (5)', async () => {
    const { result_code } = await status('');
    expect(result_code).toBe(4);
    expect(await status('nosuchbill1')).toMatchObject({ result_code: 8 });
    const billNo = uniqueBillNo();
    await scan({ bill_no: billNo });
    expect(await status(billNo, { channel: 'ALI_SCAN' })).toMatchObject({ result_code: 5 });
  });
});

describe('POST /2/rest/offline/bill/{bill_no} (REVERT)', () => {
  it('revokes a bill that is not paid, which then cannot be paid; a paid one stays paid', async () => {
    await client.control('POST', 'scans/next', { outcome: 'wait' });
    const waiting = uniqueBillNo();
    await scan({ bill_no: waiting });
    expect(await revert(waiting)).toEqual({
      result_code: 0,
      result_msg: 'OK',
      err_detail: '',
      revert_status: true,
    });
    expect(await revert(waiting)).toMatchObject({ revert_status: true });
    const view = await client.control('GET', `bills/${waiting}`);
    expect(view).toMatchObject({ status: 'revoked', bill: { revert_result: true, spay_result: false } });
    expect(await client.controlRaw('POST', `bills/${waiting}/pay`)).toMatchObject({ result_code: 5 });

    const paid = uniqueBillNo();
    await scan({ bill_no: paid });
    expect(await revert(paid)).toMatchObject({ result_code: 0, revert_status: false });
    expect(await status(paid)).toMatchObject({ pay_result: true });
  });

  it('needs method REVERT (4, then 5) and a bill of this app (8)', async () => {
    const billNo = uniqueBillNo();
    await scan({ bill_no: billNo });
    expect(await revert(billNo, {})).toMatchObject({ result_code: 4, err_detail: 'method is required' });
    expect(await revert(billNo, { method: 'CANCEL' })).toMatchObject({ result_code: 5 });
    expect(await revert('nosuchbill2')).toMatchObject({ result_code: 8 });
  });
});

describe('POST /2/rest/offline/refund', () => {
  it('refunds at once with the master secret, and the bill is refunded', async () => {
    const billNo = uniqueBillNo();
    const { id } = await scan({ bill_no: billNo, channel: 'ALI_SCAN', auth_code: ALI_CODE });
    const refundNo = uniqueRefundNo();
    const answer = await client.call('offlineRefund', {
      refund_no: refundNo,
      bill_no: billNo,
      refund_fee: 880,
      channel: 'ALI',
      refund_reason: '正常退款',
      operator_id: 'OP001',
    });
    expect(answer).toEqual({
      result_code: 0,
      result_msg: 'OK',
      err_detail: '',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      refund_result: true,
    });
    expect((await client.call('refundById', {}, { id: answer.id })).refund).toMatchObject({
      finish: true,
      result: true,
    });
    expect((await client.call('billById', {}, { id })).pay.refund_result).toBe(true);
    await eventually(() => hook.received.some((r) => r.body.includes(refundNo)));
  });

  it('takes ALI and WX only (3), the bill family (5), and the money rules of any refund', async () => {
    const billNo = uniqueBillNo();
    await scan({ bill_no: billNo });
    const refund = (fields: Json) =>
      client.call('offlineRefund', {
        refund_no: uniqueRefundNo(),
        bill_no: billNo,
        refund_fee: 880,
        ...fields,
      });
    expect(await refund({ channel: 'UN' })).toMatchObject({ result_code: 3 });
    expect(await refund({ channel: 'ALI' })).toMatchObject({ result_code: 5 });
    expect(await refund({ refund_fee: 881 })).toMatchObject({ result_code: 12 });
    expect(await refund({ bill_no: 'nosuchbill3' })).toMatchObject({ result_code: 8 });
    expect(await refund({})).toMatchObject({ result_code: 0, refund_result: true });
    expect(await refund({})).toMatchObject({ result_code: 12 });
    // Signed with the app secret instead of the master secret: 1.
    const wrong = {
      ...client.auth('offlineBill'),
      refund_no: uniqueRefundNo(),
      bill_no: billNo,
      refund_fee: 1,
    };
    expect(await client.call('offlineRefund', wrong, { auth: false })).toMatchObject({ result_code: 1 });
  });
});
