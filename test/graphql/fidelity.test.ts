import {
  BillDocument,
  CreateBillDocument,
  CreateScanBillDocument,
  type CreateBillInput,
} from '../../schema/generated/graphql.js';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { uniqueBillNo } from '../support/sandbox.js';

/**
 * The fidelity rules (decisions.md) as the gateway checks and answers them, over HTTP:
 * BC_GATEWAY's bank enum, BC_EXPRESS's plain mode, `codeUrl` on BC_ALI_APP and BC_ALI_WAP,
 * and SCAN on the in-store mutation. (Every sandbox row: test/sandbox/fidelity.test.ts.)
 */
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

const bill = (fields: Partial<CreateBillInput>) =>
  t.run(CreateBillDocument, {
    input: { channel: 'UN_APP', billNo: uniqueBillNo(), totalFeeFen: 100, title: 't', ...fields },
  });

describe('BC_GATEWAY', () => {
  it('without a bank is MISS_PARAM on input.bank, before any upstream call', async () => {
    const before = t.upstreamRequests();
    const { createBill } = dataOf(await bill({ channel: 'BC_GATEWAY' }));
    expect(createBill.userErrors).toEqual([
      { code: 'MISS_PARAM', field: 'input.bank', message: 'bank is required for BC_GATEWAY' },
    ]);
    expect(t.upstreamRequests()).toBe(before);
  });

  it('takes a bank of the BcBank enum and answers the bank form; other spellings are refused by the enum', async () => {
    const { createBill } = dataOf(await bill({ channel: 'BC_GATEWAY', bank: 'ICBC' }));
    expect(createBill.payload).toMatchObject({
      __typename: 'HtmlFormPayload',
      html: expect.stringMatching(/^<form /),
    });
    for (const bank of ['icbc', '', 'null', 42]) {
      const answer = await t.post(
        'mutation($input: CreateBillInput!) { createBill(input: $input) { billId } }',
        { input: { channel: 'BC_GATEWAY', billNo: uniqueBillNo(), totalFeeFen: 1, title: 't', bank } },
      );
      expect([bank, answer.errors?.[0]?.extensions?.code]).toEqual([bank, 'BAD_USER_INPUT']);
    }
  });
});

describe('BC_EXPRESS', () => {
  it('without expressPayer is plain quick pay: an HtmlFormPayload', async () => {
    const { createBill } = dataOf(await bill({ channel: 'BC_EXPRESS', bankCardNo: '6222000000000000' }));
    expect(createBill.userErrors).toEqual([]);
    expect(createBill.payload).toMatchObject({ __typename: 'HtmlFormPayload', channel: 'BC_EXPRESS' });
  });

  it('with expressPayer is authenticated: a BcExpressPayload with its token', async () => {
    const { createBill } = dataOf(
      await bill({
        channel: 'BC_EXPRESS',
        buyerId: 'b1',
        expressPayer: {
          phoneNo: '13800000000',
          cardNo: '6222000000000000',
          idNo: '110101199001011234',
          customerName: '张三',
        },
      }),
    );
    expect(createBill.payload).toMatchObject({
      __typename: 'BcExpressPayload',
      token: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
  });
});

describe('codeUrl on the Alipay payloads', () => {
  it('is a QR URL for BC_ALI_APP and BC_ALI_WAP, and null for their ALI twins', async () => {
    const qr = expect.stringMatching(/^https:\/\/qr\.alipay\.com\//);
    expect(dataOf(await bill({ channel: 'BC_ALI_APP' })).createBill.payload).toMatchObject({
      __typename: 'AliAppPayload',
      alipayCodeUrl: qr,
    });
    expect(dataOf(await bill({ channel: 'BC_ALI_WAP' })).createBill.payload).toMatchObject({
      __typename: 'AliWebPayload',
      alipayCodeUrl: qr,
    });
    expect(dataOf(await bill({ channel: 'ALI_APP' })).createBill.payload).toMatchObject({
      alipayCodeUrl: null,
    });
    expect(dataOf(await bill({ channel: 'ALI_WAP' })).createBill.payload).toMatchObject({
      alipayCodeUrl: null,
    });
  });
});

describe('SCAN on createScanBill', () => {
  const scan = (authCode: string | null, billNo = uniqueBillNo()) =>
    t.run(CreateScanBillDocument, {
      input: { channel: 'SCAN', billNo, totalFeeFen: 880, title: '便利店', authCode },
    });

  it.each([
    ['a WeChat Pay code', '134567890123456789', 'WX_SCAN', 'WX'],
    ['an Alipay code', '286512345678901234', 'ALI_SCAN', 'ALI'],
  ])(
    'with %s answers the wallet it chose, and the bill is that channel’s',
    async (_case, code, wallet, family) => {
      const billNo = uniqueBillNo();
      const { createScanBill } = dataOf(await scan(code, billNo));
      expect(createScanBill).toMatchObject({ paid: true, scannedChannel: wallet, userErrors: [] });
      const { bill: stored } = dataOf(await t.run(BillDocument, { id: createScanBill.billId! }));
      expect(stored).toMatchObject({ billNo, channel: wallet, family, paid: true });
    },
  );

  it('with a code of neither wallet, or none, is refused before any upstream call', async () => {
    const before = t.upstreamRequests();
    expect(dataOf(await scan('912345678901234567')).createScanBill.userErrors).toEqual([
      {
        code: 'PARAM_INVALID',
        field: 'input.authCode',
        message: 'authCode is neither a WeChat Pay code (10-15…) nor an Alipay code (25-30…)',
      },
    ]);
    expect(dataOf(await scan(null)).createScanBill.userErrors).toEqual([
      { code: 'MISS_PARAM', field: 'input.authCode', message: 'authCode is required for SCAN' },
    ]);
    expect(t.upstreamRequests()).toBe(before);
  });

  it('is no online channel: createBill refuses SCAN by its enum', async () => {
    const answer = await t.post(
      'mutation { createBill(input: { channel: SCAN, billNo: "abcdefgh1", totalFeeFen: 1, title: "t" }) { billId } }',
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
