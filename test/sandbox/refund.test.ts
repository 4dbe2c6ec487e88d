import { chinaDate } from '../../src/wire/index.js';
import { useTestSandbox, uniqueRefundNo, type Json } from '../support/sandbox.js';

const ctx = useTestSandbox();

const refund = (billNo: string, fields: Json = {}) =>
  ctx.client.call('createRefund', {
    refund_no: uniqueRefundNo(),
    bill_no: billNo,
    refund_fee: 100,
    ...fields,
  });
const refundById = async (id: string) => (await ctx.client.call('refundById', {}, { id })).refund;
const billById = async (id: string) => (await ctx.client.call('billById', {}, { id })).pay;

describe('POST /2/rest/refund', () => {
  it.each([
    ['refund_no', { refund_no: '' }],
    ['bill_no', { bill_no: undefined }],
    ['refund_fee', { refund_fee: null }],
  ])('answers 4 when %s is missing', async (name, override) => {
    expect(await refund('somebill1', override)).toEqual({
      result_code: 4,
      result_msg: 'MISS_PARAM',
      err_detail: `${name} is required`,
    });
  });

  it.each([
    ['refund_no', { refund_no: '2020010100' }],
    ['refund_no', { refund_no: '20200101001' }],
    ['refund_no', { refund_no: `${chinaDate(Date.now())}000` }],
    ['refund_fee', { refund_fee: 0 }],
    ['refund_fee', { refund_fee: 1.5 }],
    ['refund_fee', { refund_fee: '100' }],
    ['need_approval', { need_approval: '' }],
    ['need_approval', { need_approval: 'true' }],
    ['optional', { optional: 'x' }],
    ['channel', { channel: 'wx' }],
  ])('answers 5 naming %s for %j', async (name, override) => {
    const answer = await refund('somebill1', override);
    expect(answer).toMatchObject({ result_code: 5 });
    expect(answer.err_detail).toMatch(new RegExp(`^${name} `));
  });

  it.each(['PAYPAL', 'APPLE', 'WX_APP', 'BC_TRANSFER'])(
    'answers 3 for the channel %s, which refunds do not take',
    async (channel) => {
      expect(await refund('somebill1', { channel })).toMatchObject({
        result_code: 3,
        result_msg: 'CHANNEL_INVALID',
      });
    },
  );

  it('answers 8 for an unknown bill and 9 for an unpaid one', async () => {
    expect(await refund('unknown0bill')).toMatchObject({ result_code: 8, result_msg: 'NO_SUCH_BILL' });
    const { billNo } = await ctx.client.bill();
    expect(await refund(billNo)).toMatchObject({ result_code: 9, result_msg: 'BILL_UNSUCCESS' });
  });

  it("answers 5 when channel is not the bill's family", async () => {
    const { billNo } = await ctx.client.paidBill({ channel: 'WX_APP' });
    expect(await refund(billNo, { channel: 'ALI' })).toMatchObject({
      result_code: 5,
      err_detail: "channel must be the bill's channel family WX, got ALI",
    });
  });

  it('completes a UN refund at once, marking the bill refunded', async () => {
    const { billNo, id: billId } = await ctx.client.paidBill({ channel: 'UN_APP', total_fee: 1000 });
    const answer = await refund(billNo, { refund_fee: 400, channel: 'UN' });
    expect(answer).toEqual({ result_code: 0, result_msg: 'OK', err_detail: '', id: expect.any(String) });
    expect(await refundById(answer.id)).toMatchObject({
      finish: true,
      result: true,
      refund_fee: 400,
      total_fee: 1000,
      channel: 'UN',
      sub_channel: 'UN_APP',
    });
    expect(await billById(billId)).toMatchObject({ refund_result: true });
  });

  it('answers 12 for more than the bill, and for anything after one successful refund', async () => {
    const { billNo } = await ctx.client.paidBill({ total_fee: 1000 });
    expect(await refund(billNo, { refund_fee: 1001 })).toMatchObject({
      result_code: 12,
      result_msg: 'REFUND_AMOUNT_TOO_LARGE',
    });
    expect((await refund(billNo, { refund_fee: 1000 })).result_code).toBe(0);
    expect(await refund(billNo, { refund_fee: 1 })).toMatchObject({ result_code: 12 });
  });

  it('answers a repeated refund_no with the original id, and 5 when its values differ', async () => {
    const { billNo } = await ctx.client.paidBill();
    const refundNo = uniqueRefundNo();
    const first = await refund(billNo, { refund_no: refundNo });
    expect(await refund(billNo, { refund_no: refundNo })).toMatchObject({ result_code: 0, id: first.id });
    expect(await refund(billNo, { refund_no: refundNo, refund_fee: 99 })).toMatchObject({
      result_code: 5,
      err_detail: expect.stringMatching(/^refund_no .* already used/),
    });
  });

  it('answers 10 for a bill past the refund window (virtual clock)', async () => {
    const { billNo } = await ctx.client.paidBill();
    const { now } = await ctx.client.control('POST', 'clock/advance', { ms: 366 * 86_400_000 });
    expect(await refund(billNo, { refund_no: uniqueRefundNo(now) })).toMatchObject({
      result_code: 10,
      result_msg: 'REFUND_EXCEED_TIME',
    });
    await ctx.client.control('POST', 'clock/reset');
  });
});

describe('refunds that wait: ALI confirmation, channel settlement and review', () => {
  it('gives ALI refunds a confirmation url and completes them on confirmation, with 11 meanwhile', async () => {
    const { billNo, id: billId } = await ctx.client.paidBill({ channel: 'ALI_APP', total_fee: 500 });
    const started = await refund(billNo, { refund_fee: 500 });
    expect(started.url).toBe(`${ctx.sandbox.url}/_sandbox/alipay/refund-confirm?ids=${started.id}`);
    expect(await refundById(started.id)).toMatchObject({ finish: false, result: false });
    expect(await refund(billNo, { refund_fee: 1 })).toMatchObject({
      result_code: 11,
      result_msg: 'ALREADY_REFUNDING',
    });
    const page = await fetch(started.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=confirm',
    });
    expect(await page.text()).toContain('Refunds confirmed.');
    expect(await refundById(started.id)).toMatchObject({ finish: true, result: true });
    expect(await billById(billId)).toMatchObject({ refund_result: true });
  });

  it('settles WX refunds only when /refund/status finds them settled, and fails them likewise', async () => {
    const { billNo, id: billId } = await ctx.client.paidBill({ channel: 'WX_APP' });
    const refundNo = uniqueRefundNo();
    const started = await refund(billNo, { refund_no: refundNo });
    expect(started).not.toHaveProperty('url');
    const status = () => ctx.client.call('refundStatus', { channel: 'WX', refund_no: refundNo });
    expect(await status()).toEqual({
      result_code: 0,
      result_msg: 'OK',
      err_detail: '',
      refund_status: 'PROCESSING',
    });
    await ctx.client.control('POST', `refunds/${refundNo}/settle`);
    expect(await refundById(started.id)).toMatchObject({ finish: false });
    expect((await status()).refund_status).toBe('SUCCESS');
    expect(await refundById(started.id)).toMatchObject({ finish: true, result: true });
    expect(await billById(billId)).toMatchObject({ refund_result: true });

    const other = await ctx.client.paidBill({ channel: 'BD_APP' });
    const failingNo = uniqueRefundNo();
    await refund(other.billNo, { refund_no: failingNo });
    await ctx.client.control('POST', `refunds/${failingNo}/fail`, { status: 'CHANGE' });
    expect(
      (await ctx.client.call('refundStatus', { channel: 'BD', refund_no: failingNo })).refund_status,
    ).toBe('CHANGE');
    expect(await billById(other.id)).toMatchObject({ refund_result: false });
    expect((await refund(other.billNo)).result_code).toBe(0);
  });

  it('checks /refund/status input: 4, 3, 5 and 13', async () => {
    expect(await ctx.client.call('refundStatus', { channel: 'WX' })).toMatchObject({
      result_code: 4,
      err_detail: 'refund_no is required',
    });
    expect(await ctx.client.call('refundStatus', { channel: 'ALI', refund_no: 'x' })).toMatchObject({
      result_code: 3,
    });
    expect(await ctx.client.call('refundStatus', { channel: 'wechat', refund_no: 'x' })).toMatchObject({
      result_code: 5,
    });
    expect(
      await ctx.client.call('refundStatus', { channel: 'WX', refund_no: uniqueRefundNo() }),
    ).toMatchObject({
      result_code: 13,
      result_msg: 'NO_SUCH_REFUND',
    });
    const { billNo } = await ctx.client.paidBill({ channel: 'YEE_WEB' });
    const refundNo = uniqueRefundNo();
    await refund(billNo, { refund_no: refundNo });
    expect(await ctx.client.call('refundStatus', { channel: 'WX', refund_no: refundNo })).toMatchObject({
      result_code: 5,
    });
  });

  it('keeps a pre-refund awaiting review, answering 16 for a second one and 11 for a direct one', async () => {
    const { billNo, id: billId } = await ctx.client.paidBill({
      channel: 'JD_WEB',
      return_url: 'https://shop.example.com/r',
    });
    const pre = await refund(billNo, { need_approval: true });
    expect(pre).toEqual({ result_code: 0, result_msg: 'OK', err_detail: '', id: expect.any(String) });
    expect(await refundById(pre.id)).toMatchObject({ finish: false, result: false });
    expect(await refund(billNo, { need_approval: true })).toMatchObject({
      result_code: 16,
      result_msg: 'PREREFUND_DUPLICATE',
    });
    expect(await refund(billNo)).toMatchObject({ result_code: 11 });
    expect(await billById(billId)).toMatchObject({ refund_result: false });
  });

  it('approves pre-refunds per id, with an ALI url, and reports each failure alone', async () => {
    const ali = await ctx.client.paidBill({ channel: 'ALI_WAP' });
    const pre = await refund(ali.billNo, { need_approval: true, refund_fee: 50 });
    const un = await ctx.client.paidBill({ channel: 'UN_WEB', return_url: 'https://shop.example.com/r' });
    const unPre = await refund(un.billNo, { need_approval: true });
    const answer = await ctx.client.call('reviewRefunds', {
      channel: 'ALI',
      ids: [pre.id, ` ${unPre.id}`, 'no-such-id'],
      agree: true,
    });
    expect(answer).toEqual({
      result_code: 0,
      result_msg: 'OK',
      err_detail: '',
      result_map: { [pre.id]: 'OK', [unPre.id]: 'refund is of channel UN', 'no-such-id': 'NO_SUCH_REFUND' },
      url: `${ctx.sandbox.url}/_sandbox/alipay/refund-confirm?ids=${pre.id}`,
    });
    expect(await refundById(pre.id)).toMatchObject({ finish: false });
    await ctx.client.control('POST', `refunds/${(await refundById(pre.id)).refund_no}/confirm`);
    expect(await refundById(pre.id)).toMatchObject({ finish: true, result: true });
    const again = await ctx.client.call('reviewRefunds', { channel: 'ALI', ids: [pre.id], agree: true });
    expect(again.result_map).toEqual({ [pre.id]: 'refund is not awaiting review' });

    const unApproved = await ctx.client.call('reviewRefunds', {
      channel: 'UN',
      ids: [unPre.id],
      agree: true,
    });
    expect(unApproved).toMatchObject({ result_map: { [unPre.id]: 'OK' } });
    expect(unApproved).not.toHaveProperty('url');
    expect(await refundById(unPre.id)).toMatchObject({ finish: true, result: true });
  });

  it('denies pre-refunds, closing them so the bill can be refunded again', async () => {
    const { billNo } = await ctx.client.paidBill({ channel: 'KUAIQIAN_WEB' });
    const pre = await refund(billNo, { need_approval: true });
    const answer = await ctx.client.call('reviewRefunds', {
      channel: 'KUAIQIAN',
      ids: [pre.id],
      agree: false,
      deny_reason: '审核不通过',
    });
    expect(answer.result_map).toEqual({ [pre.id]: 'OK' });
    expect(await refundById(pre.id)).toMatchObject({ finish: true, result: false });
    expect((await refund(billNo, { need_approval: true })).result_code).toBe(0);
  });

  it('checks review input: 4 for missing or empty ids, 5 for bad types, 3 for a channel it does not take', async () => {
    expect(await ctx.client.call('reviewRefunds', { channel: 'WX', agree: true })).toMatchObject({
      result_code: 4,
      err_detail: 'ids is required',
    });
    expect(await ctx.client.call('reviewRefunds', { channel: 'WX', ids: [], agree: true })).toMatchObject({
      result_code: 4,
      err_detail: 'ids is required',
    });
    expect(await ctx.client.call('reviewRefunds', { channel: 'WX', ids: 'a', agree: true })).toMatchObject({
      result_code: 5,
    });
    expect(await ctx.client.call('reviewRefunds', { channel: 'WX', ids: ['a'], agree: 'yes' })).toMatchObject(
      {
        result_code: 5,
        err_detail: 'agree must be a JSON boolean',
      },
    );
    expect(
      await ctx.client.call('reviewRefunds', { channel: 'PAYPAL', ids: ['a'], agree: true }),
    ).toMatchObject({
      result_code: 3,
    });
  });
});
