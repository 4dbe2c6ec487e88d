import { devApp } from '../../src/sandbox/apps.js';
import { RawClient, startTestSandbox, uniqueRefundNo, type Json } from '../support/sandbox.js';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let client: RawClient;
let other: RawClient;
const otherApp = { ...devApp(), appId: 'bbbbbbbb-0000-4000-8000-000000000003' };
/** bill_no -> id of the fixture bills, created oldest first. */
const ids: Record<string, string> = {};
let firstCreated = 0;
let lastCreated = 0;

beforeAll(async () => {
  sandbox = await startTestSandbox({ apps: [devApp(), otherApp] });
  client = new RawClient(sandbox.url);
  other = new RawClient(sandbox.url, otherApp);
  const fixtures: Array<[string, Json]> = [
    ['q0wxapp01', { channel: 'WX_APP' }],
    ['q0wxnat02', { channel: 'WX_NATIVE' }],
    ['q0aliapp3', { channel: 'ALI_APP' }],
    ['q0unapp04', { channel: 'UN_APP' }],
    ['q0unapp05', { channel: 'UN_APP' }],
  ];
  for (const [billNo, fields] of fixtures) {
    const { id, answer } = await client.bill({ bill_no: billNo, ...fields });
    ids[billNo] = id;
    const { pay } = await client.call('billById', {}, { id: answer.id });
    firstCreated ||= pay.create_time;
    lastCreated = pay.create_time;
    await new Promise((resolve) => setTimeout(resolve, 3)); // distinct create_times
  }
  for (const billNo of ['q0wxapp01', 'q0aliapp3', 'q0unapp04'])
    await client.control('POST', `bills/${billNo}/pay`);
  await client.call('createRefund', { refund_no: uniqueRefundNo(), bill_no: 'q0unapp04', refund_fee: 10 });
  await client.call('createRefund', {
    refund_no: uniqueRefundNo(),
    bill_no: 'q0wxapp01',
    refund_fee: 10,
    need_approval: true,
  });
  await other.bill({ bill_no: 'q0wxapp01', channel: 'WX_APP' });
});
afterAll(() => sandbox.close());

const billNos = async (params: Json) => {
  const answer = await client.call('bills', params);
  expect(answer.result_code).toBe(0);
  return (answer.bills as Json[]).map((bill) => bill.bill_no);
};

describe('GET /2/rest/bills and /bills/count', () => {
  it('lists newest first, 10 by default, without message_detail', async () => {
    const { bills } = await client.call('bills');
    expect(bills.map((b: Json) => b.bill_no)).toEqual([
      'q0unapp05',
      'q0unapp04',
      'q0aliapp3',
      'q0wxnat02',
      'q0wxapp01',
    ]);
    expect(bills[0]).not.toHaveProperty('message_detail');
    expect(bills[0]).toEqual({
      id: ids.q0unapp05,
      bill_no: 'q0unapp05',
      total_fee: 1000,
      trade_no: '',
      channel: 'UN',
      sub_channel: 'UN_APP',
      title: 'test',
      spay_result: false,
      create_time: expect.any(Number),
      optional: '{}',
      revert_result: false,
      refund_result: false,
      bill_fee: 1000,
      discount: 0,
      coupon_id: null,
      buyer_id: null,
      seller_id: null,
      store_id: null,
      operator_id: null,
    });
    expect(String(bills[0].create_time)).toMatch(/^\d{13}$/);
  });

  it('matches a family to all its sub-channels, and a sub-channel exactly', async () => {
    expect(await billNos({ channel: 'WX' })).toEqual(['q0wxnat02', 'q0wxapp01']);
    expect(await billNos({ channel: 'WX_APP' })).toEqual(['q0wxapp01']);
    expect(await billNos({ channel: 'JD' })).toEqual([]);
  });

  it('filters by bill_no, spay_result, refund_result and an inclusive time range, combined with AND', async () => {
    expect(await billNos({ bill_no: 'q0aliapp3' })).toEqual(['q0aliapp3']);
    expect(await billNos({ spay_result: true })).toEqual(['q0unapp04', 'q0aliapp3', 'q0wxapp01']);
    expect(await billNos({ spay_result: false })).toEqual(['q0unapp05', 'q0wxnat02']);
    expect(await billNos({ refund_result: true })).toEqual(['q0unapp04']);
    expect(await billNos({ spay_result: true, channel: 'UN' })).toEqual(['q0unapp04']);
    expect(await billNos({ start_time: firstCreated, end_time: firstCreated })).toEqual(['q0wxapp01']);
    expect(await billNos({ start_time: lastCreated })).toEqual(['q0unapp05']);
    expect(await billNos({ end_time: firstCreated - 1 })).toEqual([]);
  });

  it('pages with skip and limit (0..50)', async () => {
    expect(await billNos({ skip: 1, limit: 2 })).toEqual(['q0unapp04', 'q0aliapp3']);
    expect(await billNos({ skip: 4, limit: 50 })).toEqual(['q0wxapp01']);
    expect(await billNos({ limit: 0 })).toEqual([]);
    expect(await client.call('bills', { limit: 51 })).toMatchObject({
      result_code: 5,
      err_detail: 'limit must be between 0 and 50, got 51',
    });
    expect(await client.call('bills', { skip: -1 })).toMatchObject({ result_code: 5 });
    expect(await client.call('bills', { limit: '10' })).toMatchObject({ result_code: 5 });
  });

  it('adds message_detail with need_detail', async () => {
    const { bills } = await client.call('bills', { need_detail: true, bill_no: 'q0aliapp3' });
    expect(JSON.parse(bills[0].message_detail)).toMatchObject({
      out_trade_no: 'q0aliapp3',
      trade_status: 'TRADE_SUCCESS',
      total_fee: '10.00',
    });
  });

  it('validates filters: 5 for wrong types and unknown channels, 3 for channels no query takes', async () => {
    expect(await client.call('bills', { spay_result: 'true' })).toMatchObject({
      result_code: 5,
      err_detail: 'spay_result must be a JSON boolean',
    });
    expect(await client.call('bills', { spay_result: '' })).toMatchObject({ result_code: 5 });
    expect(await client.call('bills', { start_time: 1.5 })).toMatchObject({ result_code: 5 });
    expect(await client.call('bills', { channel: 'wx' })).toMatchObject({ result_code: 5 });
    expect(await client.call('bills', { channel: 'ALI_TRANSFER' })).toMatchObject({ result_code: 3 });
    expect(await billNos({ channel: '', bill_no: '' })).toHaveLength(5);
  });

  it('counts with the same filters, ignoring skip and limit', async () => {
    expect(await client.call('billsCount')).toEqual({
      result_code: 0,
      result_msg: 'OK',
      err_detail: '',
      count: 5,
    });
    expect((await client.call('billsCount', { channel: 'WX', skip: 1, limit: 1 })).count).toBe(2);
    expect((await client.call('billsCount', { spay_result: true, refund_result: false })).count).toBe(2);
    expect((await other.call('billsCount')).count).toBe(1);
  });

  it('answers a by-id look-up with message_detail, and 8 for an unknown id or another app’s bill', async () => {
    const { pay } = await client.call('billById', {}, { id: ids.q0wxapp01 });
    expect(pay).toMatchObject({
      bill_no: 'q0wxapp01',
      spay_result: true,
      message_detail: expect.stringContaining('transaction_id'),
    });
    expect(await client.call('billById', {}, { id: 'nope' })).toEqual({
      result_code: 8,
      result_msg: 'NO_SUCH_BILL',
      err_detail: 'no bill with id nope',
    });
    expect(await other.call('billById', {}, { id: ids.q0wxapp01! })).toMatchObject({ result_code: 8 });
  });
});

describe('GET /2/rest/refunds and /refunds/count', () => {
  it('lists refunds newest first with the bill fields', async () => {
    const { refunds } = await client.call('refunds');
    expect(refunds.map((r: Json) => r.bill_no)).toEqual(['q0wxapp01', 'q0unapp04']);
    expect(refunds[1]).toEqual({
      id: expect.any(String),
      bill_no: 'q0unapp04',
      refund_no: expect.stringMatching(/^\d{8}\w+$/),
      total_fee: 1000,
      refund_fee: 10,
      title: 'test',
      channel: 'UN',
      sub_channel: 'UN_APP',
      finish: true,
      result: true,
      optional: '{}',
      create_time: expect.any(Number),
    });
  });

  it('filters by need_approval, channel family, bill_no and refund_no', async () => {
    const byApproval = await client.call('refunds', { need_approval: true });
    expect(byApproval.refunds.map((r: Json) => r.bill_no)).toEqual(['q0wxapp01']);
    expect((await client.call('refunds', { channel: 'UN' })).refunds).toHaveLength(1);
    expect((await client.call('refunds', { channel: 'WX_NATIVE' })).refunds).toHaveLength(0);
    const refundNo = byApproval.refunds[0].refund_no;
    expect(
      (await client.call('refunds', { refund_no: refundNo, bill_no: 'q0wxapp01' })).refunds,
    ).toHaveLength(1);
    expect(
      (await client.call('refunds', { refund_no: refundNo, bill_no: 'q0unapp04' })).refunds,
    ).toHaveLength(0);
    expect((await client.call('refundsCount', { need_approval: false })).count).toBe(1);
    expect((await client.call('refundsCount', { skip: 5 })).count).toBe(2);
  });

  it('adds message_detail with need_detail and always by id; 13 for an unknown id', async () => {
    const { refunds } = await client.call('refunds', { need_detail: true, channel: 'UN' });
    expect(JSON.parse(refunds[0].message_detail)).toMatchObject({
      out_trade_no: 'q0unapp04',
      refund_status: 'SUCCESS',
    });
    const { refund } = await client.call('refundById', {}, { id: refunds[0].id });
    expect(refund).toHaveProperty('message_detail');
    expect(await client.call('refundById', {}, { id: 'nope' })).toMatchObject({
      result_code: 13,
      result_msg: 'NO_SUCH_REFUND',
    });
    expect(await other.call('refundById', {}, { id: refunds[0].id })).toMatchObject({ result_code: 13 });
  });
});
