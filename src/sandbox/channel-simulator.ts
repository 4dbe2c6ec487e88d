import { randomBytes, randomInt } from 'node:crypto';
import {
  chinaDateTime,
  chinaStamp,
  familyOf,
  md5Hex,
  yuan,
  answerShape,
  channelSpec,
  type PayloadShape,
  type PayloadShapes,
  type PayChannel,
} from '../wire/index.js';
import { escapeHtml } from '../node-http/respond.js';
import type { BillRow, RefundRow } from './store-rows.js';

/**
 * What each payment channel would hand back, in its real formats: app SDK parameters,
 * QR strings, auto-submitting forms and redirect URLs. Web channels' forms and URLs point
 * at the sandbox's checkout page, where a person presses "pay" or "fail".
 */

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');

// Merchant-side ids a channel would show; stable per app so a client sees one merchant.
const wxAppIdOf = (appId: string) => `wx${md5Hex(`wx${appId}`).slice(0, 16)}`;
const wxMchIdOf = (appId: string) =>
  `1${parseInt(md5Hex(`mch${appId}`).slice(0, 8), 16)
    .toString()
    .padStart(9, '0')
    .slice(0, 9)}`;
const aliPartnerOf = (appId: string) =>
  `2088${parseInt(md5Hex(`ali${appId}`).slice(0, 10), 16)
    .toString()
    .padStart(12, '0')
    .slice(0, 12)}`;

export interface CheckoutLinks {
  /** The sandbox checkout page for this bill (absolute). */
  checkoutUrl: string;
}

/** An auto-submitting form, the way Alipay, UnionPay, JD and Kuaiqian hand them out. */
function autoSubmitForm(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}"/>`)
    .join('');
  return (
    `<form id="bcsubmit" name="bcsubmit" action="${escapeHtml(action)}" method="POST">${inputs}` +
    `<input type="submit" value="submit" style="display:none"/></form>` +
    `<script>document.forms['bcsubmit'].submit();</script>`
  );
}

function wxSignedParams(bill: BillRow, now: number) {
  const prepayId = `wx${chinaStamp(now)}${hex(10)}`;
  const nonceStr = hex(16);
  const timestamp = String(now);
  const paySign = md5Hex(
    `appid=${wxAppIdOf(bill.app_id)}&noncestr=${nonceStr}&prepayid=${prepayId}&timestamp=${timestamp}`,
  ).toUpperCase();
  return { prepayId, nonceStr, timestamp, paySign };
}

/** What a payload builder knows: the bill, its merchant extras, the checkout page, the time. */
interface PayloadInput {
  channel: PayChannel;
  bill: BillRow;
  /** The channel-specific request fields the bill was created with (return_url, openid, …). */
  extra: Record<string, string>;
  checkoutUrl: string;
  now: number;
}

function wxApp({ bill, now }: PayloadInput): PayloadShapes['WX_APP'] {
  const wx = wxSignedParams(bill, now);
  return {
    app_id: wxAppIdOf(bill.app_id),
    partner_id: wxMchIdOf(bill.app_id),
    package: 'Sign=WXPay',
    nonce_str: wx.nonceStr,
    timestamp: wx.timestamp,
    pay_sign: wx.paySign,
    prepay_id: wx.prepayId,
  };
}

function wxJsapi({ bill, now }: PayloadInput): PayloadShapes['WX_JSAPI'] {
  const wx = wxSignedParams(bill, now);
  return {
    app_id: wxAppIdOf(bill.app_id),
    package: `prepay_id=${wx.prepayId}`,
    nonce_str: wx.nonceStr,
    timestamp: wx.timestamp,
    pay_sign: wx.paySign,
    sign_type: 'MD5',
  };
}

function aliApp({ bill, now }: PayloadInput): PayloadShapes['ALI_APP'] {
  const params = new URLSearchParams({
    app_id: aliPartnerOf(bill.app_id).replace(/^2088/, '2016'),
    biz_content: JSON.stringify({
      out_trade_no: bill.bill_no,
      total_amount: yuan(bill.total_fee),
      subject: bill.title,
      product_code: 'QUICK_MSECURITY_PAY',
    }),
    charset: 'utf-8',
    method: 'alipay.trade.app.pay',
    sign_type: 'RSA2',
    timestamp: chinaDateTime(now),
    version: '1.0',
  });
  params.set('sign', randomBytes(256).toString('base64'));
  return { order_string: params.toString() };
}

/** ALI_WEB, ALI_WAP, ALI_QRCODE: Alipay's direct-pay form, and the URL it posts to. */
function aliForm({ channel, bill, extra, checkoutUrl }: PayloadInput): PayloadShapes['ALI_FORM'] {
  const fields: Record<string, string> = {
    _input_charset: 'utf-8',
    out_trade_no: bill.bill_no,
    partner: aliPartnerOf(bill.app_id),
    payment_type: '1',
    service: channel === 'ALI_WAP' ? 'alipay.wap.create.direct.pay.by.user' : 'create_direct_pay_by_user',
    subject: bill.title,
    total_fee: yuan(bill.total_fee),
    sign_type: 'MD5',
    sign: hex(16),
  };
  for (const name of ['return_url', 'show_url', 'qr_pay_mode'] as const)
    if (extra[name]) fields[name] = extra[name];
  return { html: autoSubmitForm(checkoutUrl, fields), url: `${checkoutUrl}?${new URLSearchParams(fields)}` };
}

const unWeb = ({ bill, extra, checkoutUrl, now }: PayloadInput): PayloadShapes['HTML_FORM'] => ({
  html: autoSubmitForm(checkoutUrl, {
    version: '5.0.0',
    encoding: 'UTF-8',
    txnType: '01',
    merId: `777290058${digits(6)}`,
    orderId: bill.bill_no,
    txnTime: chinaStamp(now),
    txnAmt: String(bill.total_fee),
    currencyCode: '156',
    frontUrl: extra.return_url ?? '',
    signature: randomBytes(128).toString('base64'),
  }),
});

const jdForm = ({ bill, extra, checkoutUrl, now }: PayloadInput): PayloadShapes['HTML_FORM'] => ({
  html: autoSubmitForm(checkoutUrl, {
    version: 'V2.0',
    merchant: digits(9),
    tradeNum: bill.bill_no,
    tradeName: bill.title,
    tradeTime: chinaStamp(now),
    amount: String(bill.total_fee),
    currency: 'CNY',
    callbackUrl: extra.return_url ?? '',
    sign: randomBytes(128).toString('base64'),
  }),
});

const kuaiqianForm = ({ channel, bill, checkoutUrl, now }: PayloadInput): PayloadShapes['HTML_FORM'] => ({
  html: autoSubmitForm(checkoutUrl, {
    inputCharset: '1',
    version: channel === 'KUAIQIAN_WAP' ? 'mobile1.0' : 'v2.0',
    merchantAcctId: `1001${digits(9)}01`,
    orderId: bill.bill_no,
    orderAmount: String(bill.total_fee),
    orderTime: chinaStamp(now),
    productName: bill.title,
    signType: '4',
    signMsg: randomBytes(128).toString('base64'),
  }),
});

/** YEE_WAP, YEE_WEB, BD_WAP, BD_WEB: a redirect to the channel's page (here, the checkout page). */
const redirect = ({ bill, checkoutUrl }: PayloadInput): PayloadShapes['REDIRECT'] => ({
  url: `${checkoutUrl}?${new URLSearchParams({ order_no: bill.bill_no, amount: String(bill.total_fee), sign: hex(16) })}`,
});

const bdApp = ({ bill, now }: PayloadInput): PayloadShapes['BD_APP'] => ({
  orderInfo: new URLSearchParams({
    currency: '1',
    extra: '',
    goods_name: bill.title,
    input_charset: '1',
    order_create_time: chinaStamp(now),
    order_no: bill.bill_no,
    pay_type: '2',
    service_code: '1',
    sign_method: '1',
    sp_no: digits(10),
    total_amount: String(bill.total_fee),
    version: '2',
    sign: hex(16),
  }).toString(),
});

const nothing = (): PayloadShapes['NONE'] => ({});

/** HTML_FORM: each family's own gateway form (BC_GATEWAY: BeeCloud's bank gateway, UnionPay's format). */
function htmlForm(input: PayloadInput): PayloadShapes['HTML_FORM'] {
  switch (familyOf(input.channel)) {
    case 'JD':
      return jdForm(input);
    case 'KUAIQIAN':
      return kuaiqianForm(input);
    default:
      return unWeb(input);
  }
}

/** A QR string in the channel's own format (WeChat's `weixin://`, Alipay's `qr.alipay.com`). */
export function scanCodeUrl(channel: PayChannel): string {
  return familyOf(channel) === 'ALI' || channel === 'BC_ALI_QRCODE' || channelSpec(channel).alsoCodeUrl
    ? `https://qr.alipay.com/bax0${randomBytes(15).toString('base64url').slice(0, 20).toLowerCase()}`
    : `weixin://wxpay/bizpayurl?pr=${randomBytes(6).toString('base64url').slice(0, 7)}`;
}

/**
 * One builder per answer shape of src/wire's channel table, typed against PayloadShapes:
 * a shape added there without a builder here, or a builder whose answer lacks a field,
 * does not compile.
 */
const PAYLOAD_BUILDERS: { [S in PayloadShape]: (input: PayloadInput) => PayloadShapes[S] } = {
  WX_APP: wxApp,
  CODE_URL: ({ channel }) => ({ code_url: scanCodeUrl(channel) }),
  WX_JSAPI: wxJsapi,
  ALI_APP: aliApp,
  ALI_FORM: aliForm,
  ALI_QRCODE: aliForm,
  QR_CODE: ({ channel }) => ({ qr_code: scanCodeUrl(channel) }),
  UN_APP: ({ now }) => ({ tn: `${chinaStamp(now)}${digits(7)}` }),
  HTML_FORM: htmlForm,
  REDIRECT: redirect,
  BD_APP: bdApp,
  // The token was made with the bill (Lifecycle.createBill); the SMS code goes to the payer.
  BC_EXPRESS: ({ extra }) => ({ token: extra.token! }),
  NONE: nothing,
};

/** The channel fields of a successful `POST /bill` answer (none for a channel only the in-store API takes). */
export function channelPayload(channel: PayChannel, bill: BillRow, links: CheckoutLinks, now: number) {
  const extra = JSON.parse(bill.extra) as Record<string, string>;
  // BC_EXPRESS's authenticated mode made a token with the bill (BillLifecycle.createBill).
  const shape = answerShape(channel, extra.token !== undefined);
  if (shape === undefined) return {};
  const payload = PAYLOAD_BUILDERS[shape]({ channel, bill, extra, checkoutUrl: links.checkoutUrl, now });
  return channelSpec(channel).alsoCodeUrl ? { ...payload, code_url: scanCodeUrl(channel) } : payload;
}

/** The channel's own transaction number for a paid bill, in that channel's format. */
export function channelTradeNo(channel: PayChannel, now: number): string {
  switch (familyOf(channel)) {
    case 'WX':
      return `4200001${digits(3)}${chinaStamp(now).slice(0, 8)}${digits(10)}`;
    case 'ALI':
      return `${chinaStamp(now).slice(0, 8)}2200141${digits(13)}`;
    case 'UN':
      return `${chinaStamp(now)}${digits(7)}`;
    case 'PAYPAL':
      return `PAY-${hex(12).toUpperCase()}`;
    default:
      return `${chinaStamp(now)}${digits(10)}`;
  }
}

/** The channel's payment notification, as `message_detail` carries it. */
export function payNotification(bill: BillRow, tradeNo: string, now: number): Record<string, unknown> {
  switch (familyOf(bill.channel)) {
    case 'WX':
      return {
        appid: wxAppIdOf(bill.app_id),
        mch_id: wxMchIdOf(bill.app_id),
        transaction_id: tradeNo,
        out_trade_no: bill.bill_no,
        total_fee: bill.total_fee,
        openid:
          (JSON.parse(bill.extra) as Record<string, string>).openid ??
          `o${randomBytes(21).toString('base64url').slice(0, 27)}`,
        result_code: 'SUCCESS',
        trade_type:
          (
            {
              WX_APP: 'APP',
              WX_NATIVE: 'NATIVE',
              WX_JSAPI: 'JSAPI',
              WX_MINI: 'JSAPI',
              WX_WAP: 'MWEB',
              WX_SCAN: 'MICROPAY',
            } as Partial<Record<PayChannel, string>>
          )[bill.channel] ?? 'APP',
        time_end: chinaStamp(now),
        bank_type: 'CFT',
        fee_type: 'CNY',
      };
    case 'ALI':
      return {
        trade_no: tradeNo,
        out_trade_no: bill.bill_no,
        trade_status: 'TRADE_SUCCESS',
        total_fee: yuan(bill.total_fee),
        seller_id: aliPartnerOf(bill.app_id),
        buyer_email: 'sandbox-buyer@example.com',
        gmt_payment: chinaDateTime(now),
      };
    case 'UN':
      return {
        queryId: tradeNo,
        orderId: bill.bill_no,
        txnAmt: String(bill.total_fee),
        respCode: '00',
        respMsg: 'success',
      };
    default:
      return { trade_no: tradeNo, out_trade_no: bill.bill_no, total_fee: bill.total_fee, status: 'SUCCESS' };
  }
}

/** The channel's refund notification. */
export function refundNotification(
  bill: Pick<BillRow, 'bill_no' | 'trade_no'>,
  refund: Pick<RefundRow, 'refund_no' | 'refund_fee'>,
  success: boolean,
) {
  return {
    refund_id: `50000${digits(23)}`,
    out_refund_no: refund.refund_no,
    out_trade_no: bill.bill_no,
    transaction_id: bill.trade_no,
    refund_fee: refund.refund_fee,
    refund_status: success ? 'SUCCESS' : 'FAIL',
  };
}
