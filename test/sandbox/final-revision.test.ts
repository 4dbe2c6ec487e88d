import { devApp } from '../../src/sandbox/apps.js';
import { PAY_CHANNELS, channelSpec, familyOf, type PayChannel } from '../../src/wire/index.js';
import { documentedAppSign } from '../support/signatures.js';
import { eventually, startReceiver } from '../support/receiver.js';
import { RawClient, startTestSandbox, uniqueBillNo, uniqueRefundNo, type Json } from '../support/sandbox.js';

/**
 * What the final revision of v2 (2018-04) adds to the seed, and the real server's rules
 * decisions.md records ("null", timestamp 0).
 */

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let appHook: Awaited<ReturnType<typeof startReceiver>>;
let otherHook: Awaited<ReturnType<typeof startReceiver>>;
let client: RawClient;
beforeAll(async () => {
  appHook = await startReceiver();
  otherHook = await startReceiver();
  const app = devApp({ webhookUrl: appHook.url });
  sandbox = await startTestSandbox({ apps: [app], webhookSpeedup: 100_000 });
  client = new RawClient(sandbox.url, app);
});
afterAll(async () => {
  await sandbox.close();
  await appHook.close();
  await otherHook.close();
});

const openid = 'o3Xx_oJ6pMysIuq-5hUEGdprw6aA';
const payer = {
  phone_no: '13800000000',
  card_no: '6222000000000000',
  id_no: '110101199001011234',
  customer_name: '张三',
};
const NEW_CHANNEL_FIELDS: Partial<Record<PayChannel, Json>> = {
  WX_MINI: { openid },
  WX_WAP: { analysis: { ip: '58.110.23.35' } },
  UN_WAP: { return_url: 'https://shop.example.com/return' },
  BC_WX_JSAPI: { openid },
  BC_WX_WAP: { analysis: { ip: '58.110.23.35' } },
  BC_GATEWAY: { bank: 'CMB' },
  BC_EXPRESS: { buyer_id: 'buyer42', optional: payer },
};
const NEW_CHANNELS = PAY_CHANNELS.filter((channel) => channelSpec(channel).revision === '2018-04');

/** Pays a bill the way its channel is paid: BC_EXPRESS by the SMS code, the rest at the channel. */
async function pay(channel: PayChannel, billNo: string, answer: Json): Promise<void> {
  if (channel !== 'BC_EXPRESS') return void (await client.control('POST', `bills/${billNo}/pay`));
  const { sms_code } = await client.control('GET', `bills/${billNo}`);
  const confirmed = await client.call('confirmBill', {
    token: answer.token,
    bc_bill_id: answer.id,
    verify_code: sms_code,
  });
  expect(confirmed).toEqual({ result_code: 0, result_msg: 'OK', err_detail: '' });
}

describe('the channels of the final revision', () => {
  it('are 18, each in the family the document gives', () => {
    expect(NEW_CHANNELS).toHaveLength(18);
    expect(NEW_CHANNELS.map(familyOf)).toEqual([
      'WX',
      'WX',
      'UN',
      'APPLE',
      'APPLE',
      ...Array<string>(13).fill('BC'),
    ]);
  });

  it.each(NEW_CHANNELS)('%s: create, pay, query, refund to the end', async (channel) => {
    const { billNo, id, answer } = await client.bill({
      channel,
      total_fee: 500,
      ...NEW_CHANNEL_FIELDS[channel],
    });
    await pay(channel, billNo, answer);
    const { pay: bill } = await client.call('billById', {}, { id });
    expect(bill).toMatchObject({ sub_channel: channel, channel: familyOf(channel), spay_result: true });

    const refundNo = uniqueRefundNo();
    const refund = await client.call('createRefund', {
      refund_no: refundNo,
      bill_no: billNo,
      refund_fee: 500,
    });
    expect(refund).toMatchObject({ result_code: 0 });
    if (familyOf(channel) === 'WX' || familyOf(channel) === 'BC') {
      // These send no refund webhook: the channel settles, /refund/status finds it.
      await client.control('POST', `refunds/${refundNo}/settle`);
      const status = await client.call('refundStatus', {
        channel: familyOf(channel),
        refund_no: refundNo,
        bill_update_flag: '1',
      });
      expect(status).toMatchObject({ result_code: 0, refund_status: 'SUCCESS' });
    }
    const { refund: record } = await client.call('refundById', {}, { id: refund.id });
    expect(record).toMatchObject({ sub_channel: channel, finish: true, result: true });
    expect((await client.call('billById', {}, { id })).pay.refund_result).toBe(true);
  });

  it('requires what each takes (4), and checks its formats (5)', async () => {
    const valid = (fields: Json) => ({ total_fee: 1, bill_no: uniqueBillNo(), title: 't', ...fields });
    const expectCode = async (fields: Json, code: number, detail: RegExp) => {
      const answer = await client.call('createBill', valid(fields));
      expect(answer).toMatchObject({ result_code: code });
      expect(answer.err_detail).toMatch(detail);
    };
    await expectCode({ channel: 'WX_MINI' }, 4, /^openid is required/);
    await expectCode({ channel: 'BC_WX_JSAPI' }, 4, /^openid is required/);
    await expectCode({ channel: 'UN_WAP' }, 4, /^return_url is required/);
    await expectCode({ channel: 'WX_WAP' }, 4, /^analysis is required/);
    await expectCode({ channel: 'BC_EXPRESS', optional: payer }, 4, /^buyer_id is required/);
    await expectCode(
      { channel: 'BC_EXPRESS', buyer_id: 'b1', optional: { ...payer, id_no: '' } },
      4,
      /^optional\.id_no is required/,
    );
    await expectCode(
      { channel: 'BC_GATEWAY', bank: 'BOC', card_type: '3' },
      5,
      /^card_type must be "1" \(credit\) or "2" \(debit\)/,
    );
    await expectCode({ channel: 'BC_GATEWAY', bank: 42 }, 5, /^bank must be a string/);
    await expectCode(
      { channel: 'UN_APP', notify_url: 'ftp://x.example/n' },
      5,
      /^notify_url must be an http/,
    );
    await expectCode({ channel: 'UN_APP', limit_credit: 'yes' }, 5, /^limit_credit must be a JSON boolean/);
    // Where the document is silent, accept: BC_GATEWAY's card type is optional.
    expect(await client.call('createBill', valid({ channel: 'BC_GATEWAY', bank: 'ICBC' }))).toMatchObject({
      result_code: 0,
    });
  });
});

describe('the later bill fields', () => {
  it('round-trip through the by-id and list answers, and filter the lists', async () => {
    const extras = { store_id: 'NJ001', buyer_id: 'demo@beecloud.cn', seller_id: 'S42', coupon_id: 'C7' };
    const { id, billNo } = await client.bill({ ...extras, limit_credit: true, notify_url: otherHook.url });
    const expected = { ...extras, bill_fee: 1000, discount: 0, total_fee: 1000, operator_id: null };
    expect((await client.call('billById', {}, { id })).pay).toMatchObject(expected);
    const { bills } = await client.call('bills', { buyer_id: 'demo@beecloud.cn', store_id: 'NJ001' });
    expect(bills).toEqual([expect.objectContaining({ bill_no: billNo, ...expected })]);
    expect((await client.call('billsCount', { seller_id: 'S42' })).count).toBe(1);
    expect((await client.call('bills', { seller_id: 'nobody' })).bills).toEqual([]);
    const plain = await client.bill();
    expect((await client.call('billById', {}, { id: plain.id })).pay).toMatchObject({
      coupon_id: null,
      buyer_id: null,
      store_id: null,
    });
  });

  it('notify_url takes the webhooks of its bill and of its refund from the app URL', async () => {
    const { billNo } = await client.paidBill({ channel: 'UN_APP', notify_url: otherHook.url });
    const refundNo = uniqueRefundNo();
    expect(
      await client.call('createRefund', {
        refund_no: refundNo,
        bill_no: billNo,
        refund_fee: 1000,
        notify_url: otherHook.url,
        refund_account: 1,
      }),
    ).toMatchObject({ result_code: 0 });
    const bodies = await eventually(() => {
      const found = otherHook.received
        .map((r) => JSON.parse(r.body) as Json)
        .filter((b) => [billNo, refundNo].includes(b.transaction_id));
      return found.length === 2 ? found : undefined;
    });
    expect(bodies.map((b) => b.transaction_type).sort()).toEqual(['PAY', 'REFUND']);
    // A marker through the app URL, sent after: once it arrives, nothing of the two went there.
    const marker = await client.paidBill();
    await eventually(() => appHook.received.some((r) => r.body.includes(marker.billNo)));
    expect(appHook.received.some((r) => r.body.includes(billNo) || r.body.includes(refundNo))).toBe(false);
  });

  it('refund_account is 0 or 1', async () => {
    const { billNo } = await client.paidBill();
    const answer = await client.call('createRefund', {
      refund_no: uniqueRefundNo(),
      bill_no: billNo,
      refund_fee: 1,
      refund_account: 2,
    });
    expect(answer).toMatchObject({
      result_code: 5,
      err_detail: 'refund_account must be between 0 and 1, got 2',
    });
  });

  it('a BC refund records itself on its bill only with bill_update_flag "1"', async () => {
    const { billNo, id } = await client.paidBill({ channel: 'BC_APP' });
    const refundNo = uniqueRefundNo();
    await client.call('createRefund', { refund_no: refundNo, bill_no: billNo, refund_fee: 1000 });
    await client.control('POST', `refunds/${refundNo}/settle`);
    expect(await client.call('refundStatus', { channel: 'BC', refund_no: refundNo })).toMatchObject({
      refund_status: 'SUCCESS',
    });
    expect((await client.call('billById', {}, { id })).pay.refund_result).toBe(false);
    // Still nothing left to refund: the refund succeeded, recorded on the bill or not.
    expect(
      await client.call('createRefund', { refund_no: uniqueRefundNo(), bill_no: billNo, refund_fee: 1 }),
    ).toMatchObject({ result_code: 12 });
    await client.call('refundStatus', { channel: 'BC', refund_no: refundNo, bill_update_flag: '1' });
    expect((await client.call('billById', {}, { id })).pay.refund_result).toBe(true);
  });

  it('refuses a pre-refund of a BC or APPLE bill, which PUT /refund could never review (3)', async () => {
    for (const channel of ['BC_APP', 'APPLE'] as const) {
      const { billNo } = await client.paidBill({ channel });
      expect(
        await client.call('createRefund', {
          refund_no: uniqueRefundNo(),
          bill_no: billNo,
          refund_fee: 1,
          need_approval: true,
        }),
      ).toMatchObject({ result_code: 3 });
    }
  });
});

describe('authenticated payment (section 12)', () => {
  it('pays with the SMS code, refuses a wrong one, and takes the token again for the same buyer only', async () => {
    const first = await client.bill({
      channel: 'BC_EXPRESS',
      buyer_id: 'buyer7',
      optional: { ...payer, order: 'A1' },
    });
    const { sms_code } = await client.control('GET', `bills/${first.billNo}`);
    expect(sms_code).toMatch(/^\d{6}$/);
    const confirm = (fields: Json) =>
      client.call('confirmBill', {
        token: first.answer.token,
        bc_bill_id: first.id,
        verify_code: sms_code,
        ...fields,
      });
    expect(await confirm({ verify_code: sms_code === '000000' ? '111111' : '000000' })).toMatchObject({
      result_code: 5,
      err_detail: 'verify_code does not match the SMS code',
    });
    expect(await confirm({ token: 'f'.repeat(24) })).toMatchObject({
      result_code: 5,
      err_detail: expect.stringMatching(/^token /),
    });
    expect(await confirm({ bc_bill_id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      result_code: 8,
    });
    expect(await confirm({ verify_code: '' })).toMatchObject({
      result_code: 4,
      err_detail: 'verify_code is required',
    });
    expect((await client.call('billById', {}, { id: first.id })).pay.spay_result).toBe(false);
    expect(await confirm({})).toMatchObject({ result_code: 0 });
    expect(await confirm({})).toMatchObject({ result_code: 0 }); // a repeat is answered OK
    const paid = (await client.call('billById', {}, { id: first.id })).pay;
    expect(paid.spay_result).toBe(true);
    // The payer's card, id and phone are not kept as merchant data.
    expect(JSON.parse(paid.optional)).toEqual({ order: 'A1' });
    await eventually(() => appHook.received.some((r) => r.body.includes(first.billNo)));

    const again = await client.bill({
      channel: 'BC_EXPRESS',
      buyer_id: 'buyer7',
      optional: { token: first.answer.token },
    });
    expect(again.answer.token).toBe(first.answer.token);
    expect(
      await client.call('createBill', {
        channel: 'BC_EXPRESS',
        total_fee: 1,
        bill_no: uniqueBillNo(),
        title: 't',
        buyer_id: 'someone-else',
        optional: { token: first.answer.token },
      }),
    ).toMatchObject({ result_code: 5, err_detail: 'optional.token was not issued to this buyer_id' });
  });

  it('refuses to confirm a bill of another channel', async () => {
    const { id } = await client.bill();
    expect(
      await client.call('confirmBill', { token: 'a'.repeat(24), bc_bill_id: id, verify_code: '123456' }),
    ).toMatchObject({ result_code: 5, err_detail: 'bc_bill_id is a UN_APP bill, not BC_EXPRESS' });
  });
});

describe('reconciliation (section 13)', () => {
  it('answers pay_status as a string, 8 for an unknown bill and 4 without bill_id', async () => {
    const { id, billNo } = await client.bill();
    expect(await client.call('reconciliation', { bill_id: id })).toEqual({
      result_code: 0,
      result_msg: 'OK',
      err_detail: '',
      pay_status: 'false',
    });
    await client.control('POST', `bills/${billNo}/pay`);
    expect(await client.call('reconciliation', { bill_id: id })).toMatchObject({ pay_status: 'true' });
    expect(
      await client.call('reconciliation', { bill_id: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({
      result_code: 8,
    });
    expect(await client.call('reconciliation', {})).toMatchObject({
      result_code: 4,
      err_detail: 'bill_id is required',
    });
  });
});

describe('the string "null", as BeeCloud production reads it', () => {
  it('GET: absent in an optional filter, missing (4) in an auth field', async () => {
    const { billNo } = await client.bill();
    const all = (await client.call('billsCount', {})).count as number;
    for (const name of ['channel', 'spay_result', 'bill_no', 'start_time', 'buyer_id'])
      expect(await client.call('billsCount', { [name]: 'null' })).toMatchObject({
        result_code: 0,
        count: all,
      });
    expect(await client.call('bills', { skip: 'null', limit: 'null' })).toMatchObject({ result_code: 0 });
    expect((await client.call('bills', { bill_no: billNo, channel: 'null' })).bills).toHaveLength(1);
    for (const name of ['app_id', 'timestamp', 'app_sign'])
      expect(await client.call('bills', { [name]: 'null' })).toMatchObject({
        result_code: 4,
        err_detail: `${name} is required`,
      });
  });

  it('POST: missing (4) in a required field, absent in an optional string, a wrong type (5) in an optional number, boolean or map', async () => {
    const valid = (fields: Json) => ({
      channel: 'UN_APP',
      total_fee: 1,
      bill_no: uniqueBillNo(),
      title: 't',
      ...fields,
    });
    expect(await client.call('createBill', valid({ total_fee: 'null' }))).toMatchObject({
      result_code: 4,
      err_detail: 'total_fee is required',
    });
    expect(await client.call('createBill', valid({ channel: 'WX_JSAPI', openid: 'null' }))).toMatchObject({
      result_code: 4,
      err_detail: 'openid is required',
    });
    expect(await client.call('createBill', valid({ return_url: 'null', store_id: 'null' }))).toMatchObject({
      result_code: 0,
    });
    for (const name of ['bill_timeout', 'optional', 'analysis', 'limit_credit'])
      expect(await client.call('createBill', valid({ [name]: 'null' }))).toMatchObject({
        result_code: 5,
        err_detail: expect.stringMatching(new RegExp(`^${name} must be`)),
      });
    expect(await client.call('createBill', { ...valid({}), app_sign: 'null' }, { auth: true })).toMatchObject(
      {
        result_code: 4,
      },
    );
  });
});

describe('timestamp', () => {
  it('0 is well-formed and stale (1); -1 is malformed (5)', async () => {
    const sign = (timestamp: number) => ({
      app_id: client.app.appId,
      timestamp,
      app_sign: documentedAppSign(client.app.appId, timestamp, client.app.appSecret),
    });
    expect(await client.call('bills', sign(0), { auth: false })).toMatchObject({ result_code: 1 });
    expect(await client.call('bills', sign(-1), { auth: false })).toMatchObject({ result_code: 5 });
  });
});
