import { CreateBillDocument } from '../../schema/generated/graphql.js';
import { KEYS, testAuthenticator } from '../support/auth.js';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/receiver.js';
import { uniqueBillNo, uniqueRefundNo, type Json } from '../support/sandbox.js';
import { subscribe } from '../support/subscriber.js';

/** The conventions frontends expect of a GraphQL API: Node, look-ups by number, Money, status. */

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ server: { authenticator: testAuthenticator() } });
});
afterAll(() => t.close());

const post = (query: string, variables: Json = {}, key = KEYS.everything.key) =>
  t.post(query, variables, { authorization: `Bearer ${key}` });

describe('node(id:)', () => {
  it('finds a bill or a refund by its BeeCloud id, as far as the caller may read', async () => {
    const { billNo, id } = await t.rest.paidBill({ channel: 'UN_APP', total_fee: 300 });
    const refund = await t.rest.call('createRefund', {
      refund_no: uniqueRefundNo(),
      bill_no: billNo,
      refund_fee: 300,
    });
    const query =
      'query($id: ID!) { node(id: $id) { __typename id ... on Bill { billNo } ... on Refund { refundNo } } }';
    expect((await post(query, { id })).data!.node).toEqual({ __typename: 'Bill', id, billNo });
    expect((await post(query, { id: refund.id })).data!.node).toMatchObject({
      __typename: 'Refund',
      id: refund.id,
    });
    // A key that may read bills only finds no refund, exactly as if there were none.
    expect((await post(query, { id: refund.id }, KEYS.readOnlyBills.key)).data!.node).toBeNull();
    expect((await post(query, { id }, KEYS.readOnlyRefunds.key)).data!.node).toBeNull();
    const creator = await post(query, { id }, KEYS.creator.key);
    expect(creator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await post(query, { id: '00000000-0000-4000-8000-000000000000' })).data!.node).toBeNull();
    const malformed = await post(query, { id: 'bad' });
    expect(malformed.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
      requestId: expect.any(String),
    });
    expect(malformed.errors?.[0]?.message).toMatch(/^id "bad" is not a BeeCloud id: ids are UUIDs like /);
  });
});

describe('look-ups by your own numbers', () => {
  it('bill(billNo:) and refund(refundNo:), exactly one argument each', async () => {
    const { billNo, id } = await t.rest.paidBill();
    const refundNo = uniqueRefundNo();
    await t.rest.call('createRefund', { refund_no: refundNo, bill_no: billNo, refund_fee: 1 });
    expect((await post('query($n: String) { bill(billNo: $n) { id } }', { n: billNo })).data!.bill).toEqual({
      id,
    });
    expect(
      (await post('query($n: String) { refund(refundNo: $n) { billNo } }', { n: refundNo })).data!.refund,
    ).toEqual({
      billNo,
    });
    expect((await post('{ bill(billNo: "nosuchbill1") { id } }')).data!.bill).toBeNull();
    for (const query of [
      '{ bill { id } }',
      `{ bill(id: "${id}", billNo: "${billNo}") { id } }`,
      '{ refund { id } }',
    ]) {
      const answer = await post(query);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toMatch(/^give exactly one of id and (billNo|refundNo)$/);
    }
  });
});

describe('Bill', () => {
  it('says its status, its pay channel and family, and its amounts as Money (USD for PayPal)', async () => {
    const open = await t.rest.bill({ channel: 'PAYPAL_LIVE', total_fee: 1999 });
    const query =
      'query($id: ID!) { bill(id: $id) { status channel family subChannel total { amount currency formatted } } }';
    expect((await post(query, { id: open.id })).data!.bill).toEqual({
      status: 'OPEN',
      channel: 'PAYPAL_LIVE',
      family: 'PAYPAL',
      subChannel: 'PAYPAL_LIVE',
      total: { amount: 1999, currency: 'USD', formatted: 'US$19.99' },
    });
    await t.rest.control('POST', `bills/${open.billNo}/pay`);
    expect((await post(query, { id: open.id })).data!.bill.status).toBe('PAID');
    await t.rest.call('createRefund', {
      refund_no: uniqueRefundNo(),
      bill_no: open.billNo,
      refund_fee: 1999,
    });
    expect((await post(query, { id: open.id })).data!.bill.status).toBe('REFUNDED');
  });

  it('createBill returns the bill itself when selected (bills:read), and nothing without that scope', async () => {
    const mutation = `mutation($input: CreateBillInput!) { createBill(input: $input) { bill { billNo status total { formatted } } } }`;
    const input = { channel: 'WX_NATIVE', billNo: uniqueBillNo(), totalFeeFen: 1234, title: 't' };
    expect((await post(mutation, { input })).data!.createBill.bill).toEqual({
      billNo: input.billNo,
      status: 'OPEN',
      total: { formatted: '¥12.34' },
    });
    const creatorOnly = await post(
      mutation,
      { input: { ...input, billNo: uniqueBillNo() } },
      KEYS.creator.key,
    );
    expect(creatorOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('WxJsapiPayload.jsapiParams', () => {
  it("is exactly the object WeChat's getBrandWCPayRequest takes, with the values BeeCloud signed", async () => {
    const everything = await startTestGateway();
    try {
      const { createBill } = dataOf(
        await everything.run(CreateBillDocument, {
          input: { channel: 'WX_JSAPI', billNo: uniqueBillNo(), totalFeeFen: 1, title: 't', openid: 'o-1' },
        }),
      );
      const payload = createBill.payload as Json;
      expect(payload.jsapiParams).toEqual({
        appId: payload.appId,
        timeStamp: payload.timestamp,
        nonceStr: payload.nonceStr,
        package: payload.package,
        signType: 'MD5',
        paySign: payload.paySign,
      });
      expect(Object.keys(payload.jsapiParams as object).sort()).toEqual([
        'appId',
        'nonceStr',
        'package',
        'paySign',
        'signType',
        'timeStamp',
      ]);
    } finally {
      await everything.close();
    }
  });
});

describe('billUpdated', () => {
  it('is NOT_FOUND at once for an unknown bill, instead of waiting forever', async () => {
    const params = { authorization: `Bearer ${KEYS.readOnly.key}` };
    const unknown = await subscribe(
      t.graphqlUrl,
      'subscription { billUpdated(billNo: "nosuchbill7") { type } }',
      {},
      params,
    );
    try {
      await eventually(() => unknown.errors.length > 0);
      expect(JSON.stringify(unknown.errors)).toContain('NOT_FOUND');
      expect(JSON.stringify(unknown.errors)).toContain('no bill with billNo nosuchbill7');
    } finally {
      await unknown.close();
    }
  });
});
