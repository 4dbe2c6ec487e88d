import { ONLINE_CHANNELS, channelSpec, type PayChannel, type PayloadShape } from '../../src/wire/index.js';
import {
  BillDocument,
  BillsCountDocument,
  BillsDocument,
  CreateBillDocument,
  type CreateBillInput,
} from '../../schema/generated/graphql.js';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway.js';
import { uniqueBillNo } from '../support/sandbox.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

const RETURN_URL = 'https://shop.example.com/return';
const CHANNEL_INPUT: Partial<Record<PayChannel, Partial<CreateBillInput>>> = {
  WX_JSAPI: { openid: 'o-user-1' },
  ALI_WEB: { returnUrl: RETURN_URL },
  ALI_QRCODE: { returnUrl: RETURN_URL, qrPayMode: 'FRONT' },
  UN_WEB: { returnUrl: RETURN_URL },
  JD_WAP: { returnUrl: RETURN_URL },
  JD_WEB: { returnUrl: RETURN_URL },
  YEE_WAP: { identityId: 'user42' },
  YEE_NOBANKCARD: { cardNo: '123456789', cardPassword: 'secret-pin', cardType: 'QQCARD' },
  WX_MINI: { openid: 'o-user-1' },
  WX_WAP: { analysis: { ip: '58.110.23.35' } },
  UN_WAP: { returnUrl: RETURN_URL },
  BC_WX_JSAPI: { openid: 'o-user-1' },
  BC_WX_WAP: { analysis: { ip: '58.110.23.35' } },
  BC_GATEWAY: { bank: 'BOC', bankCardType: 'DEBIT' },
  // Plain quick pay (an HTML card form); the authenticated mode: test/graphql/instore.test.ts.
  BC_EXPRESS: { bankCardNo: '6222000000000000' },
};

/** The union member each answer shape maps to, and a field it must carry. */
const MEMBER: Record<PayloadShape, [string, RegExp | null]> = {
  WX_APP: ['WxAppPayload', /"prepayId":"wx\d{14}[0-9a-f]{20}"/],
  CODE_URL: ['WxNativePayload', /"codeUrl":"(weixin:\/\/wxpay\/bizpayurl\?pr=|https:\/\/qr\.alipay\.com\/)/],
  WX_JSAPI: ['WxJsapiPayload', /"signType":"MD5"/],
  ALI_APP: ['AliAppPayload', /"orderString":"app_id=/],
  ALI_FORM: ['AliWebPayload', /"url":"http:\/\/127\.0\.0\.1:\d+\/_sandbox\/checkout\//],
  ALI_QRCODE: ['AliQrcodePayload', /qr_pay_mode=1/],
  QR_CODE: ['AliOfflineQrcodePayload', /"qrCode":"https:\/\/qr\.alipay\.com\//],
  UN_APP: ['UnAppPayload', /"tn":"\d{21}"/],
  HTML_FORM: ['HtmlFormPayload', /"html":"<form /],
  REDIRECT: ['RedirectPayload', /"url":"http/],
  BD_APP: ['BdAppPayload', /"orderInfo":"currency=1&/],
  BC_EXPRESS: ['BcExpressPayload', /"token":"[0-9a-f]{24}"/],
  NONE: ['NoClientStepPayload', null],
};

const input = (fields: Partial<CreateBillInput> = {}): CreateBillInput => ({
  channel: 'UN_APP',
  billNo: uniqueBillNo(),
  totalFeeFen: 1000,
  title: '白开水',
  ...fields,
});

describe('createBill', () => {
  it.each(ONLINE_CHANNELS)('answers %s with its union member', async (channel) => {
    const { createBill } = dataOf(
      await t.run(CreateBillDocument, { input: input({ channel, ...CHANNEL_INPUT[channel] }) }),
    );
    const [typename, field] = MEMBER[channelSpec(channel).online!];
    expect(createBill.userErrors).toEqual([]);
    expect(createBill.billId).toMatch(/^[0-9a-f-]{36}$/);
    expect(createBill.payload).toMatchObject({ __typename: typename, channel });
    if (field) expect(JSON.stringify(createBill.payload)).toMatch(field);
  });

  it('is idempotent: the same input returns the same bill', async () => {
    const request = input({ optional: { order: 7 } });
    const first = dataOf(await t.run(CreateBillDocument, { input: request })).createBill;
    const again = dataOf(await t.run(CreateBillDocument, { input: request })).createBill;
    expect(again.billId).toBe(first.billId);
    expect(dataOf(await t.run(BillsCountDocument, { filter: { billNo: request.billNo } })).billsCount).toBe(
      1,
    );
  });

  it.each<[string, Partial<CreateBillInput>, { code: string; field: string; message: RegExp }]>([
    [
      'a bad billNo',
      { billNo: 'short' },
      { code: 'PARAM_INVALID', field: 'input.billNo', message: /8-32 letters or digits/ },
    ],
    [
      'a zero amount',
      { totalFeeFen: 0 },
      { code: 'PARAM_INVALID', field: 'input.totalFeeFen', message: /between 1 and/ },
    ],
    [
      'a negative amount',
      { totalFeeFen: -5 },
      { code: 'PARAM_INVALID', field: 'input.totalFeeFen', message: /got -5/ },
    ],
    [
      'a long title',
      { title: '一二三四五六七八九十一二三四五六七' },
      { code: 'PARAM_INVALID', field: 'input.title', message: /at most 32 bytes/ },
    ],
    ['an empty title', { title: '' }, { code: 'MISS_PARAM', field: 'input.title', message: /required/ }],
    [
      'an openid on WX_NATIVE, which takes none',
      { channel: 'WX_NATIVE', openid: 'o-user-1' },
      { code: 'NOT_APPLICABLE', field: 'input.openid', message: /openid does not apply to WX_NATIVE/ },
    ],
    [
      'a bank on UN_APP (BC_GATEWAY only)',
      { channel: 'UN_APP', bank: 'BOC' },
      { code: 'NOT_APPLICABLE', field: 'input.bank', message: /bank does not apply to UN_APP/ },
    ],
    [
      'an expressPayer on WX_NATIVE (BC_EXPRESS only)',
      { channel: 'WX_NATIVE', expressPayer: { token: 'abc' } },
      { code: 'NOT_APPLICABLE', field: 'input.expressPayer', message: /expressPayer does not apply/ },
    ],
    [
      'WX_JSAPI without openid',
      { channel: 'WX_JSAPI' },
      { code: 'MISS_PARAM', field: 'input.openid', message: /openid is required for WX_JSAPI/ },
    ],
    [
      'ALI_WEB without returnUrl',
      { channel: 'ALI_WEB' },
      { code: 'MISS_PARAM', field: 'input.returnUrl', message: /returnUrl/ },
    ],
    [
      'ALI_QRCODE without qrPayMode',
      { channel: 'ALI_QRCODE', returnUrl: RETURN_URL },
      { code: 'MISS_PARAM', field: 'input.qrPayMode', message: /qrPayMode/ },
    ],
    [
      'a returnUrl with ?',
      { channel: 'UN_WEB', returnUrl: `${RETURN_URL}?a=1` },
      { code: 'PARAM_INVALID', field: 'input.returnUrl', message: /without # or \?/ },
    ],
    [
      'YEE_WAP without identityId',
      { channel: 'YEE_WAP' },
      { code: 'MISS_PARAM', field: 'input.identityId', message: /identityId/ },
    ],
    [
      'a bad identityId',
      { channel: 'YEE_WAP', identityId: 'a-b' },
      { code: 'PARAM_INVALID', field: 'input.identityId', message: /letters or digits/ },
    ],
    [
      'YEE_NOBANKCARD without card',
      { channel: 'YEE_NOBANKCARD' },
      { code: 'MISS_PARAM', field: 'input.cardNo', message: /cardNo/ },
    ],
    [
      'a JD timeout',
      { channel: 'JD_WEB', returnUrl: RETURN_URL, billTimeoutSeconds: 600 },
      { code: 'PARAM_INVALID', field: 'input.billTimeoutSeconds', message: /JD/ },
    ],
  ])('refuses %s locally, without an upstream call', async (_, fields, expected) => {
    const before = t.upstreamRequests();
    const { createBill } = dataOf(await t.run(CreateBillDocument, { input: input(fields) }));
    expect(createBill.billId).toBeNull();
    expect(createBill.payload).toBeNull();
    expect(createBill.userErrors[0]).toEqual({
      ...expected,
      message: expect.stringMatching(expected.message),
    });
    expect(t.upstreamRequests()).toBe(before);
  });

  it('reports BILL_NO_DUPLICATE from BeeCloud as a userError on billNo', async () => {
    const request = input();
    await t.run(CreateBillDocument, { input: request });
    const { createBill } = dataOf(
      await t.run(CreateBillDocument, { input: { ...request, totalFeeFen: 999 } }),
    );
    expect(createBill.userErrors).toEqual([
      { code: 'BILL_NO_DUPLICATE', field: 'input.billNo', message: expect.stringContaining('already used') },
    ]);
  });
});

describe('bill queries', () => {
  let ids: string[] = [];
  const prefix = `qq${Date.now()}`;
  beforeAll(async () => {
    for (let i = 0; i < 7; i++) {
      const { createBill } = dataOf(
        await t.run(CreateBillDocument, {
          input: input({
            billNo: `${prefix}${i}`,
            channel: i % 2 ? 'WX_NATIVE' : 'ALI_APP',
            totalFeeFen: 100 + i,
          }),
        }),
      );
      ids.push(createBill.billId!);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    ids = ids.reverse(); // newest first
    await t.rest.control('POST', `bills/${prefix}0/pay`);
    await t.rest.control('POST', `bills/${prefix}3/pay`);
  });

  it('pages by cursor, with totalCount, hasNextPage and hasPreviousPage', async () => {
    // Only this describe's bills, whatever other tests create before or after them.
    const createdAt = async (id: string) => dataOf(await t.run(BillDocument, { id })).bill!.createdAt;
    const filter = { createdFrom: await createdAt(ids.at(-1)!), createdTo: await createdAt(ids[0]!) };
    const first = dataOf(await t.run(BillsDocument, { first: 3, withTotal: true, filter })).bills;
    expect(first.nodes.map((bill) => bill.id)).toEqual(ids.slice(0, 3));
    expect(first.totalCount).toBe(7);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = dataOf(
      await t.run(BillsDocument, { first: 3, after: first.pageInfo.endCursor, filter }),
    ).bills;
    expect(second.nodes.map((bill) => bill.id)).toEqual(ids.slice(3, 6));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const last = dataOf(
      await t.run(BillsDocument, { first: 3, after: second.pageInfo.endCursor, filter }),
    ).bills;
    expect(last.nodes.map((bill) => bill.id)).toEqual(ids.slice(6));
    expect(last.pageInfo.hasNextPage).toBe(false);
    // Edges carry the same cursors: continuing after the second edge of page 1 starts at the third bill.
    const edges = await t.post<{ bills: { edges: Array<{ cursor: string; node: { id: string } }> } }>(
      'query($f: BillFilter) { bills(first: 2, filter: $f) { edges { cursor node { id } } } }',
      { f: filter },
    );
    const [, second2] = dataOf(edges).bills.edges;
    expect(second2!.node.id).toBe(ids[1]);
    const fromEdge = dataOf(await t.run(BillsDocument, { first: 1, after: second2!.cursor, filter })).bills;
    expect(fromEdge.nodes.map((bill) => bill.id)).toEqual([ids[2]]);
  });

  it('keeps its cursors when bills are created between pages: no repeat, no gap', async () => {
    const since = dataOf(await t.run(BillDocument, { id: ids.at(-1)! })).bill!.createdAt;
    const filter = { createdFrom: since };
    const page1 = dataOf(await t.run(BillsDocument, { first: 4, filter })).bills;
    const newer = await t.rest.bill({ bill_no: `${prefix}new` });
    const page2 = dataOf(
      await t.run(BillsDocument, { first: 4, after: page1.pageInfo.endCursor, filter }),
    ).bills;
    const seen = [...page1.nodes, ...page2.nodes].map((bill) => bill.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(newer.id);
    const all = dataOf(await t.run(BillsDocument, { first: 50, filter })).bills.nodes.map((bill) => bill.id);
    expect(all[0]).toBe(newer.id); // the new bill is on a fresh first page
    expect(seen).toEqual(all.slice(1, 1 + seen.length));
  });

  it('first: 0 still says whether bills exist (one upstream call)', async () => {
    const before = t.upstreamRequests();
    const empty = dataOf(await t.run(BillsDocument, { first: 0 })).bills;
    expect(empty.nodes).toEqual([]);
    expect(empty.pageInfo).toMatchObject({ hasNextPage: true, startCursor: null, endCursor: null });
    expect(t.upstreamRequests() - before).toBe(1); // the probe alone: an empty page asks for nothing
  });

  it('maps every filter: family, channel, paid, billNo and a DateTime range', async () => {
    const paid = dataOf(await t.run(BillsDocument, { filter: { paid: true } })).bills.nodes;
    expect(paid.map((bill) => bill.billNo)).toEqual(expect.arrayContaining([`${prefix}0`, `${prefix}3`]));
    expect(paid.every((bill) => bill.paid && bill.tradeNo)).toBe(true);
    const wx = dataOf(await t.run(BillsDocument, { filter: { family: 'WX', billNo: `${prefix}3` } })).bills
      .nodes;
    expect(wx).toHaveLength(1);
    expect(wx[0]).toMatchObject({
      channel: 'WX_NATIVE',
      family: 'WX',
      total: { amount: 103, currency: 'CNY', formatted: '¥1.03' },
      status: 'PAID',
      paid: true,
    });
    expect(
      dataOf(await t.run(BillsDocument, { filter: { channel: 'ALI_APP', billNo: `${prefix}3` } })).bills
        .nodes,
    ).toHaveLength(0);
    const { bill } = dataOf(await t.run(BillDocument, { id: ids[0]! }));
    const at = bill!.createdAt;
    const exact = dataOf(await t.run(BillsDocument, { filter: { createdFrom: at, createdTo: at } })).bills
      .nodes;
    expect(exact.map((b) => b.id)).toContain(ids[0]);
    expect(
      dataOf(await t.run(BillsCountDocument, { filter: { billNo: `${prefix}0`, paid: true } })).billsCount,
    ).toBe(1);
  });

  it('returns messageDetail with needDetail, always by id, and null for an unknown id', async () => {
    const withDetail = dataOf(
      await t.run(BillsDocument, { filter: { billNo: `${prefix}0`, needDetail: true } }),
    ).bills.nodes[0]!;
    expect(withDetail.messageDetail).toMatchObject({
      out_trade_no: `${prefix}0`,
      trade_status: 'TRADE_SUCCESS',
    });
    const without = dataOf(await t.run(BillsDocument, { filter: { billNo: `${prefix}0` } })).bills.nodes[0]!;
    expect(without.messageDetail).toBeNull();
    expect(dataOf(await t.run(BillDocument, { id: ids[6]! })).bill).toMatchObject({
      billNo: `${prefix}0`,
      paid: true,
      messageDetail: expect.any(Object),
      refunds: [],
    });
    // A well-formed id with no record is null; an id that is no BeeCloud id is the caller's mistake.
    expect(dataOf(await t.run(BillDocument, { id: '00000000-0000-4000-8000-000000000000' })).bill).toBeNull();
    const malformed = await t.run(BillDocument, { id: '12345' });
    expect(malformed.errors?.[0]).toMatchObject({
      message: 'id "12345" is not a BeeCloud id: ids are UUIDs like 3f1c2b7e-8a4d-4c6e-9b1a-2d5f7e9c0a1b',
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
  });

  it('serves a page of 200 as four parallel upstream pages of 50', async () => {
    for (let i = 0; i < 200; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, j) => t.rest.bill({ bill_no: `${prefix}big${i + j}` })),
      );
    }
    const before = t.upstreamRequests();
    // Lean fields: the full BillFields fragment on 200 bills costs more than LIMIT_MAX_COST.
    const page = dataOf(
      await t.post<{ bills: { nodes: Array<{ id: string }> } }>(
        '{ bills(first: 200) { nodes { id } pageInfo { hasNextPage } } }',
      ),
    ).bills;
    expect(page.nodes).toHaveLength(200);
    expect(new Set(page.nodes.map((b) => b.id)).size).toBe(200);
    // 4 pages of 50, plus 1 probe for hasNextPage.
    expect(t.upstreamRequests() - before).toBe(5);
  });

  it('rejects bad paging arguments with BAD_USER_INPUT before any upstream call', async () => {
    const before = t.upstreamRequests();
    for (const args of [
      'first: 201',
      'first: -1',
      'offset: -1',
      'offset: 1, after: "YmM6MA"',
      'after: "not-a-cursor"',
    ]) {
      const answer = await t.post(`{ bills(${args}) { nodes { id } } }`);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const both = await t.run(BillsDocument, { filter: { family: 'WX', channel: 'WX_APP' } });
    expect(both.errors?.[0]).toMatchObject({
      message: 'give family or channel, not both',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(t.upstreamRequests()).toBe(before);
  });
});
