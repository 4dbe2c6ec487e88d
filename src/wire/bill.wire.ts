import type { AppAuth } from './auth.wire.js';
import type { PayChannel, ChannelFamily, YeeCardType } from './channels.js';
import type { Envelope } from './result-codes.js';

/** Body of `POST /2/rest/bill`. Optional strings may be sent as `""`, meaning absent. */
export interface CreateBillRequest extends AppAuth {
  channel: PayChannel;
  /** Fen, 1 .. 2^31-1. */
  total_fee: number;
  /** `^[0-9A-Za-z]{8,32}$`, unique per app. */
  bill_no: string;
  /** At most 32 bytes counting ASCII as 1 and any other character as 2. */
  title: string;
  optional?: Record<string, unknown>;
  analysis?: Record<string, unknown>;
  /** Required for ALI_WEB, ALI_QRCODE, UN_WEB, JD_WAP, JD_WEB; no `#` or `?`. */
  return_url?: string;
  /** Seconds, >= 1; JD channels do not take it. */
  bill_timeout?: number;
  /** WX_JSAPI. */
  openid?: string;
  /** ALI_WEB, optional. */
  show_url?: string;
  /** ALI_QRCODE. */
  qr_pay_mode?: '0' | '1' | '3';
  /** YEE_WAP. */
  identity_id?: string;
  /** YEE_NOBANKCARD. */
  cardno?: string;
  cardpwd?: string;
  frqid?: YeeCardType;
}

/** What the client needs for the next step of a payment, by channel. */
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
export interface WxNativePayload {
  code_url: string;
}
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
}
/** ALI_WEB, ALI_WAP and ALI_QRCODE: an auto-submitting form and the URL it posts to. */
export interface AliFormPayload {
  html: string;
  url: string;
}
export interface AliOfflineQrcodePayload {
  qr_code: string;
}
export interface UnAppPayload {
  tn: string;
}
/** UN_WEB, JD_WAP, JD_WEB, KUAIQIAN_WAP, KUAIQIAN_WEB. */
export interface HtmlFormPayload {
  html: string;
}
/** YEE_WAP, YEE_WEB, BD_WAP, BD_WEB. */
export interface RedirectPayload {
  url: string;
}
export interface BdAppPayload {
  orderInfo: string;
}
/** PAYPAL_* and YEE_NOBANKCARD: nothing beyond the id. */
export type NoPayload = Record<string, never>;

export interface ChannelPayloads {
  WX_APP: WxAppPayload;
  WX_NATIVE: WxNativePayload;
  WX_JSAPI: WxJsapiPayload;
  ALI_APP: AliAppPayload;
  ALI_WEB: AliFormPayload;
  ALI_WAP: AliFormPayload;
  ALI_QRCODE: AliFormPayload;
  ALI_OFFLINE_QRCODE: AliOfflineQrcodePayload;
  UN_APP: UnAppPayload;
  UN_WEB: HtmlFormPayload;
  JD_WAP: HtmlFormPayload;
  JD_WEB: HtmlFormPayload;
  KUAIQIAN_WAP: HtmlFormPayload;
  KUAIQIAN_WEB: HtmlFormPayload;
  YEE_WAP: RedirectPayload;
  YEE_WEB: RedirectPayload;
  BD_WAP: RedirectPayload;
  BD_WEB: RedirectPayload;
  BD_APP: BdAppPayload;
  PAYPAL_SANDBOX: NoPayload;
  PAYPAL_LIVE: NoPayload;
  YEE_NOBANKCARD: NoPayload;
}
export type ChannelPayload = ChannelPayloads[PayChannel];

/** Success answer of `POST /2/rest/bill`: the envelope, the bill id and the channel's fields. */
export type CreateBillResponse = Envelope & { id: string } & Partial<
    WxAppPayload &
      WxNativePayload &
      WxJsapiPayload &
      AliAppPayload &
      AliFormPayload &
      AliOfflineQrcodePayload &
      UnAppPayload &
      BdAppPayload
  >;

/** A bill as the queries return it. */
export interface BillRecord {
  id: string;
  bill_no: string;
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
}

export interface BillByIdResponse extends Envelope {
  pay: BillRecord;
}
