import { print } from 'graphql';
import {
  BillDocument,
  BillsDocument,
  ConfirmExpressPaymentDocument,
  CreateBillDocument,
  CreateOfflineRefundDocument,
  CreateRefundDocument,
  CreateScanBillDocument,
  OfflineBillStatusDocument,
  ReconciliationDocument,
  RevertBillDocument,
  SyncRefundStatusDocument,
  type CreateScanBillInput,
} from '../../schema/generated/graphql.js';
import { eventually, startReceiver } from '../support/receiver.js';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { uniqueBillNo, uniqueRefundNo } from '../support/sandbox.js';

/**
 * What the gateway adds for the final revision of v2 and the in-store API, end to end over
 * HTTP against the sandbox.
 */

let t: TestGateway;
let hook: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  hook = await startReceiver();
  t = await startTestGateway({
    server: { limits: { notifyUrlPrefixes: [`http://127.0.0.1:${hook.port}/`] } },
  });
});
afterAll(async () => {
  await t.close();
  await hook.close();
});

const WX_CODE = '134567890123456789';
const scanInput = (fields: Partial<CreateScanBillInput> = {}): CreateScanBillInput => ({
  channel: 'WX_SCAN',
  billNo: uniqueBillNo(),
  totalFeeFen: 880,
  title: '便利店',
  authCode: WX_CODE,
  ...fields,
});
const payer = {
  phoneNo: '13800000000',
  cardNo: '6222000000000000',
  idNo: '110101199001011234',
  customerName: '张三',
};

describe('createScanBill', () => {
  it('charges a scanned code: paid, and the bill reads paid with its store', async () => {
    const input = scanInput({ storeId: 'NJ_001', terminalId: 'NJ_T_001' });
    const { createScanBill } = dataOf(await t.run(CreateScanBillDocument, { input }));
    expect(createScanBill).toEqual({
      billId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      paid: true,
      scannedChannel: null,
      codeUrl: null,
      userErrors: [],
    });
    const { bill } = dataOf(await t.run(BillDocument, { id: createScanBill.billId! }));
    expect(bill).toMatchObject({ paid: true, channel: 'WX_SCAN', family: 'WX', storeId: 'NJ_001' });
    const { offlineBillStatus } = dataOf(await t.run(OfflineBillStatusDocument, { billNo: input.billNo }));
    expect(offlineBillStatus).toEqual({ billNo: input.billNo, paid: true });
  });

  it('BC_SCAN says which code it read; a QR channel answers the code to show', async () => {
    const bc = dataOf(await t.run(CreateScanBillDocument, { input: scanInput({ channel: 'BC_SCAN' }) }));
    expect(bc.createScanBill).toMatchObject({ paid: true, scannedChannel: 'WX_SCAN' });
    const qr = scanInput({ channel: 'ALI_OFFLINE_QRCODE', authCode: null });
    const { createScanBill } = dataOf(await t.run(CreateScanBillDocument, { input: qr }));
    expect(createScanBill).toMatchObject({
      paid: null,
      codeUrl: expect.stringMatching(/^https:\/\/qr\.alipay\.com\//),
    });
    expect(dataOf(await t.run(OfflineBillStatusDocument, { billNo: qr.billNo })).offlineBillStatus).toEqual({
      billNo: qr.billNo,
      paid: false,
    });
  });

  it('refuses before any upstream call: an online channel, a missing authCode', async () => {
    const before = t.upstreamRequests();
    // An online channel is no InStoreChannel: refused by the enum before anything runs.
    const online = await t.post(print(CreateScanBillDocument), {
      input: scanInput({ channel: 'WX_APP' as never }),
    });
    expect(online.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(online.errors?.[0]?.message).toMatch(/"WX_APP" does not exist in "InStoreChannel" enum/);
    const noCode = dataOf(await t.run(CreateScanBillDocument, { input: scanInput({ authCode: '' }) }));
    expect(noCode.createScanBill.userErrors).toEqual([
      { code: 'MISS_PARAM', field: 'input.authCode', message: 'authCode is required for WX_SCAN' },
    ]);
    const scanOnline = dataOf(
      await t.run(CreateBillDocument, {
        input: { channel: 'ALI_SCAN', billNo: uniqueBillNo(), totalFeeFen: 1, title: 't' },
      }),
    );
    expect(scanOnline.createBill.userErrors[0]).toMatchObject({
      code: 'CHANNEL_INVALID',
      field: 'input.channel',
    });
    expect(t.upstreamRequests()).toBe(before);
  });

  it('a declined code is a userError on authCode, and the bill cannot be paid', async () => {
    await t.rest.control('POST', 'scans/next', { outcome: 'decline' });
    const input = scanInput();
    const { createScanBill } = dataOf(await t.run(CreateScanBillDocument, { input }));
    expect(createScanBill).toMatchObject({ billId: null, paid: null });
    expect(createScanBill.userErrors).toEqual([
      {
        code: 'CHANNEL_ERROR',
        field: 'input.authCode',
        message: "the customer's pay code was declined by the channel",
      },
    ]);
    expect(
      dataOf(await t.run(OfflineBillStatusDocument, { billNo: input.billNo })).offlineBillStatus?.paid,
    ).toBe(false);
  });

  it('offlineBillStatus is null for an unknown bill and refuses a malformed billNo', async () => {
    expect(
      dataOf(await t.run(OfflineBillStatusDocument, { billNo: 'nosuchbill9' })).offlineBillStatus,
    ).toBeNull();
    const bad = await t.run(OfflineBillStatusDocument, { billNo: 'x' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('revertBill', () => {
  it('revokes a bill the customer never paid; a paid one stays paid; an unknown one is a userError', async () => {
    await t.rest.control('POST', 'scans/next', { outcome: 'wait' });
    const waiting = scanInput();
    expect(dataOf(await t.run(CreateScanBillDocument, { input: waiting })).createScanBill.paid).toBe(false);
    expect(dataOf(await t.run(RevertBillDocument, { billNo: waiting.billNo })).revertBill).toEqual({
      revoked: true,
      userErrors: [],
    });
    const [bill] = dataOf(await t.run(BillsDocument, { filter: { billNo: waiting.billNo } })).bills.nodes;
    expect(bill).toMatchObject({ revoked: true, paid: false });

    const paid = scanInput();
    await t.run(CreateScanBillDocument, { input: paid });
    expect(dataOf(await t.run(RevertBillDocument, { billNo: paid.billNo })).revertBill.revoked).toBe(false);

    const unknown = dataOf(await t.run(RevertBillDocument, { billNo: 'nosuchbill8' })).revertBill;
    expect(unknown).toMatchObject({ revoked: null, userErrors: [{ code: 'NO_SUCH_BILL', field: 'billNo' }] });
  });
});

describe('createOfflineRefund', () => {
  it('refunds at once; the bill reads refunded', async () => {
    const input = scanInput();
    const { billId } = dataOf(await t.run(CreateScanBillDocument, { input })).createScanBill;
    const refund = {
      billNo: input.billNo,
      refundNo: uniqueRefundNo(),
      refundFeeFen: 880,
      channel: 'WX' as const,
      reason: '正常退款',
      operatorId: 'OP001',
      refundAccount: 'AVAILABLE_BALANCE' as const,
    };
    const { createOfflineRefund } = dataOf(await t.run(CreateOfflineRefundDocument, { input: refund }));
    expect(createOfflineRefund).toEqual({
      refundId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      succeeded: true,
      userErrors: [],
    });
    expect(dataOf(await t.run(BillDocument, { id: billId! })).bill?.refunded).toBe(true);
    const again = dataOf(
      await t.run(CreateOfflineRefundDocument, { input: { ...refund, refundNo: uniqueRefundNo() } }),
    );
    expect(again.createOfflineRefund.userErrors[0]).toMatchObject({
      code: 'REFUND_AMOUNT_TOO_LARGE',
      field: 'input.refundFeeFen',
    });
  });
});

describe('authenticated payment', () => {
  it('createBill answers the token; the SMS code pays the bill; a wrong code is a userError', async () => {
    const billNo = uniqueBillNo();
    const input = {
      channel: 'BC_EXPRESS' as const,
      billNo,
      totalFeeFen: 500,
      title: 't',
      buyerId: 'buyer1',
      expressPayer: payer,
    };
    const { createBill } = dataOf(await t.run(CreateBillDocument, { input }));
    expect(createBill.userErrors).toEqual([]);
    const payload = createBill.payload as { __typename: string; token: string };
    expect(payload).toMatchObject({
      __typename: 'BcExpressPayload',
      token: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    const { sms_code } = await t.rest.control('GET', `bills/${billNo}`);
    const confirm = (verifyCode: string) =>
      t.run(ConfirmExpressPaymentDocument, {
        input: { billId: createBill.billId!, token: payload.token, verifyCode },
      });
    const wrong = dataOf(await confirm(sms_code === '000000' ? '111111' : '000000')).confirmExpressPayment;
    expect(wrong).toEqual({
      billId: null,
      userErrors: [
        {
          code: 'PARAM_INVALID',
          field: 'input.verifyCode',
          message: 'verify_code does not match the SMS code',
        },
      ],
    });
    expect(dataOf(await confirm(sms_code)).confirmExpressPayment).toEqual({
      billId: createBill.billId,
      userErrors: [],
    });
    expect(dataOf(await t.run(BillDocument, { id: createBill.billId! })).bill?.paid).toBe(true);
  });

  it('needs buyerId and the whole payer once a payer is named, before any upstream call', async () => {
    const before = t.upstreamRequests();
    const base = { channel: 'BC_EXPRESS' as const, totalFeeFen: 1, title: 't' };
    const noBuyer = dataOf(
      await t.run(CreateBillDocument, { input: { ...base, billNo: uniqueBillNo(), expressPayer: payer } }),
    ).createBill;
    expect(noBuyer.userErrors).toEqual([
      expect.objectContaining({
        code: 'MISS_PARAM',
        field: 'input.buyerId',
        message: 'buyerId is required for BC_EXPRESS with expressPayer (authenticated)',
      }),
    ]);
    const partial = dataOf(
      await t.run(CreateBillDocument, {
        input: { ...base, billNo: uniqueBillNo(), buyerId: 'b1', expressPayer: { phoneNo: payer.phoneNo } },
      }),
    ).createBill;
    expect(partial.userErrors.map((e) => e.field)).toEqual(['input.expressPayer']);
    expect(t.upstreamRequests()).toBe(before);
  });
});

describe('reconciliation', () => {
  it('says whether BeeCloud has the bill paid; null for an unknown bill', async () => {
    const { id, billNo } = await t.rest.bill();
    expect(dataOf(await t.run(ReconciliationDocument, { billId: id })).reconciliation).toEqual({
      billId: id,
      paid: false,
    });
    await t.rest.control('POST', `bills/${billNo}/pay`);
    expect(dataOf(await t.run(ReconciliationDocument, { billId: id })).reconciliation?.paid).toBe(true);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(dataOf(await t.run(ReconciliationDocument, { billId: unknown })).reconciliation).toBeNull();
  });
});

describe('the later bill and refund fields', () => {
  it('round-trip through createBill, bill(id) and the bill filters', async () => {
    const extras = { storeId: 'S1', buyerId: `b${Date.now()}`, sellerId: 'seller', couponId: 'C9' };
    const input = {
      channel: 'BC_GATEWAY' as const,
      billNo: uniqueBillNo(),
      totalFeeFen: 300,
      title: 't',
      bank: 'BOC' as const,
      bankCardType: 'CREDIT' as const,
      limitCredit: true,
      ...extras,
    };
    const { createBill } = dataOf(await t.run(CreateBillDocument, { input }));
    expect(createBill.userErrors).toEqual([]);
    const expected = {
      ...extras,
      billFeeFen: 300,
      discountFen: 0,
      operatorId: null,
      channel: 'BC_GATEWAY',
      family: 'BC',
    };
    expect(dataOf(await t.run(BillDocument, { id: createBill.billId! })).bill).toMatchObject(expected);
    const { bills } = dataOf(
      await t.run(BillsDocument, { filter: { buyerId: extras.buyerId, storeId: 'S1' } }),
    );
    expect(bills.nodes).toEqual([expect.objectContaining({ billNo: input.billNo, ...expected })]);
  });

  it('notifyUrl: refused outside NOTIFY_URL_PREFIXES, and the webhooks of its bill and refund go there', async () => {
    const billNo = uniqueBillNo();
    const outside = dataOf(
      await t.run(CreateBillDocument, {
        input: {
          channel: 'UN_APP',
          billNo,
          totalFeeFen: 5,
          title: 't',
          notifyUrl: 'https://elsewhere.example/hook',
        },
      }),
    );
    expect(outside.createBill.userErrors).toEqual([
      {
        code: 'PARAM_INVALID',
        field: 'input.notifyUrl',
        message: "notifyUrl is not under this gateway's NOTIFY_URL_PREFIXES",
      },
    ]);
    const created = dataOf(
      await t.run(CreateBillDocument, {
        input: { channel: 'UN_APP', billNo, totalFeeFen: 5, title: 't', notifyUrl: hook.url },
      }),
    );
    expect(created.createBill.userErrors).toEqual([]);
    await t.rest.control('POST', `bills/${billNo}/pay`);
    const refundNo = uniqueRefundNo();
    const refund = dataOf(
      await t.run(CreateRefundDocument, {
        input: { billNo, refundNo, refundFeeFen: 5, notifyUrl: hook.url, refundAccount: 'UNSETTLED_FUNDS' },
      }),
    );
    expect(refund.createRefund.userErrors).toEqual([]);
    await eventually(() => {
      const ids = hook.received.map((r) => (JSON.parse(r.body) as { transaction_id: string }).transaction_id);
      return ids.includes(billNo) && ids.includes(refundNo);
    });
  });

  it('syncRefundStatus settles a BC refund and records it on its bill', async () => {
    const { billNo, id } = await t.rest.paidBill({ channel: 'BC_APP' });
    const refundNo = uniqueRefundNo();
    dataOf(await t.run(CreateRefundDocument, { input: { billNo, refundNo, refundFeeFen: 1000 } }));
    await t.rest.control('POST', `refunds/${refundNo}/settle`);
    const { syncRefundStatus } = dataOf(await t.run(SyncRefundStatusDocument, { channel: 'BC', refundNo }));
    expect(syncRefundStatus).toMatchObject({
      status: 'SUCCESS',
      refund: { succeeded: true },
      userErrors: [],
    });
    expect(dataOf(await t.run(BillDocument, { id })).bill?.refunded).toBe(true);
  });
});
