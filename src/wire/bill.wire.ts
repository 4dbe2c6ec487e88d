import type { AppAuth } from './auth.wire.js';
import type { ChannelFamily, PayloadShape } from './channel-spec.js';
import type { CHANNELS } from './channel-table.js';
import type { PayChannel, YeeCardType } from './channels.js';
import type { Envelope } from './result-codes.js';

/** Fields a bill may carry since the later revisions of v2 (2016-06 .. 2018-04). */
export interface BillExtras {
  /** Overrides the app's webhook URL for this bill; must start with http:// or https://. */
  notify_url?: string;
  store_id?: string;
  buyer_id?: string;
  seller_id?: string;
  coupon_id?: string;
}

/** Body of `POST /2/rest/bill`. Optional strings may be sent as `""`, meaning absent. */
export interface CreateBillRequest extends AppAuth, BillExtras {
  channel: PayChannel;
  /** Fen, 1 .. 2^31-1. */
  total_fee: number;
  /** `^[0-9A-Za-z]{8,32}$`, unique per app. */
  bill_no: string;
  /** At most 32 bytes counting ASCII as 1 and any other character as 2. */
  title: string;
  optional?: Record<string, unknown>;
  /** Required (with the payer's `ip`) by some channels: see `requires` in the channel table. */
  analysis?: Record<string, unknown>;
  /** Required by the web channels that return to the merchant (channel table); no `#` or `?`. */
  return_url?: string;
  /** Seconds, >= 1; JD channels do not take it. */
  bill_timeout?: number;
  /** WeChat's payer id, for the channels that require it (channel table). */
  openid?: string;
  /** ALI_WEB, optional. */
  show_url?: string;
  /** ALI_WAP, optional: try to open the Alipay app. */
  use_app?: boolean;
  /** ALI_QRCODE. */
  qr_pay_mode?: '0' | '1' | '3';
  /** YEE_WAP. */
  identity_id?: string;
  /** YEE_NOBANKCARD. */
  cardno?: string;
  cardpwd?: string;
  frqid?: YeeCardType;
  /** BC_EXPRESS, optional: the bank card. */
  card_no?: string;
  /** Refuse credit cards. */
  limit_credit?: boolean;
  /** BC_GATEWAY, optional: the bank's name, and `"1"` credit or `"2"` debit. */
  bank?: string;
  card_type?: '1' | '2';
}

/**
 * BC_EXPRESS (authenticated payment) puts the payer in `optional`: the four elements the
 * first time, or the `token` a previous payment answered.
 */
export const EXPRESS_PAYER_FIELDS = ['phone_no', 'card_no', 'id_no', 'customer_name'] as const;

/** What the client needs for the next step of a payment, by answer shape (PayloadShape). */
export interface WxAppPayload {
  app_id: string;
  partner_id: string;
  package: string;
  nonce_str: string;
  /** 13 digits, as a string. */
  timestamp: string;
  pay_sign: string;
  prepay_id: string;
}
/** WX_NATIVE, BC_NATIVE, BC_ALI_QRCODE: a URL to render as a QR code. */
export interface CodeUrlPayload {
  code_url: string;
}
/** WX_JSAPI, WX_MINI, BC_WX_JSAPI, BC_WX_MINI: getBrandWCPayRequest / wx.requestPayment. */
export interface WxJsapiPayload {
  app_id: string;
  package: string;
  nonce_str: string;
  timestamp: string;
  pay_sign: string;
  sign_type: 'MD5';
}
export interface AliAppPayload {
  order_string: string;
  /** BC_ALI_APP (channel table's alsoCodeUrl): a URL to render as a QR code, as production answered. */
  code_url?: string;
}
/** ALI_WEB, ALI_WAP and ALI_QRCODE: an auto-submitting form and the URL it posts to. */
export interface AliFormPayload {
  html: string;
  url: string;
  /** BC_ALI_WAP (channel table's alsoCodeUrl): a URL to render as a QR code, as production answered. */
  code_url?: string;
}
export interface AliOfflineQrcodePayload {
  qr_code: string;
}
export interface UnAppPayload {
  tn: string;
}
/** UN_WEB, UN_WAP, JD_*, KUAIQIAN_*, BC_GATEWAY, plain BC_EXPRESS. */
export interface HtmlFormPayload {
  html: string;
}
/** YEE_WAP, YEE_WEB, BD_WAP, BD_WEB, WX_WAP, BC_WX_WAP. */
export interface RedirectPayload {
  url: string;
}
export interface BdAppPayload {
  orderInfo: string;
}
/** BC_EXPRESS, authenticated: the authorization token; an SMS code goes to the payer, then `POST /bill/confirm`. */
export interface BcExpressPayload {
  token: string;
}
/** PAYPAL_*, APPLE*, BC_APP, YEE_NOBANKCARD: nothing beyond the id. */
export type NoPayload = Record<string, never>;

export interface PayloadShapes {
  WX_APP: WxAppPayload;
  CODE_URL: CodeUrlPayload;
  WX_JSAPI: WxJsapiPayload;
  ALI_APP: AliAppPayload;
  ALI_FORM: AliFormPayload;
  ALI_QRCODE: AliFormPayload;
  QR_CODE: AliOfflineQrcodePayload;
  UN_APP: UnAppPayload;
  HTML_FORM: HtmlFormPayload;
  REDIRECT: RedirectPayload;
  BD_APP: BdAppPayload;
  BC_EXPRESS: BcExpressPayload;
  NONE: NoPayload;
}
/** Checked: every shape the channel table names has a payload type. */
const shapesComplete: Record<PayloadShape, unknown> = {} as PayloadShapes;
void shapesComplete;

export type OnlineChannel = {
  [C in PayChannel]: (typeof CHANNELS)[C] extends { online: PayloadShape } ? C : never;
}[PayChannel];
export type ShapeOf<C extends OnlineChannel> = (typeof CHANNELS)[C] extends {
  online: infer S extends PayloadShape;
}
  ? S
  : never;
export type ChannelPayloads = { [C in OnlineChannel]: PayloadShapes[ShapeOf<C>] };
export type ChannelPayload = PayloadShapes[PayloadShape];

/** Success answer of `POST /2/rest/bill`: the envelope, the bill id and the channel's fields. */
export type CreateBillResponse = Envelope & { id: string } & Partial<
    WxAppPayload &
      CodeUrlPayload &
      WxJsapiPayload &
      AliAppPayload &
      AliFormPayload &
      AliOfflineQrcodePayload &
      UnAppPayload &
      BdAppPayload &
      BcExpressPayload
  >;

/** Body of `POST /2/rest/bill/confirm` (section 12): the SMS code confirms a BC_EXPRESS bill. */
export interface ConfirmBillRequest extends AppAuth {
  token: string;
  bc_bill_id: string;
  verify_code: string;
}

/** Body of `POST /2/rest/reconciliation` (section 13), a read despite the method. */
export interface ReconciliationRequest extends AppAuth {
  bill_id: string;
}
export interface ReconciliationResponse extends Envelope {
  /** `"true"` paid, `"false"` not: a string, as the document gives it. */
  pay_status: 'true' | 'false';
}

/** A bill as the queries return it. */
export interface BillRecord {
  id: string;
  bill_no: string;
  /** What was paid, in fen: `bill_fee` less `discount`. */
  total_fee: number;
  /** The channel's transaction number once paid, `""` before. */
  trade_no: string;
  channel: ChannelFamily;
  sub_channel: PayChannel;
  title: string;
  spay_result: boolean;
  /** 13-digit milliseconds. */
  create_time: number;
  /** The merchant's `optional` map, JSON-encoded. */
  optional: string;
  /** The channel's notification, JSON-encoded; in lists only with `need_detail`. */
  message_detail?: string;
  revert_result: boolean;
  refund_result: boolean;
  /**
   * Since the later revisions: the order amount and the discount (fen), the coupon, and
   * who sold and bought where. Optional here: a server of the seed's time does not send them.
   */
  bill_fee?: number;
  discount?: number;
  coupon_id?: string | null;
  buyer_id?: string | null;
  seller_id?: string | null;
  store_id?: string | null;
  operator_id?: string | null;
}

export interface BillByIdResponse extends Envelope {
  pay: BillRecord;
}
