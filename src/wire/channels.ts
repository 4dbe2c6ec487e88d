/**
 * BeeCloud's channel vocabulary, as one table: every pay channel of the v2 API (the seed of
 * 2016-05, the additions up to the final revision of 2018-04, and the in-store scan
 * channels), its family, which bill endpoints take it, the fields it requires and its answer
 * shape. The sandbox's checks, the gateway's enums, validation and descriptions all read this
 * table, so a channel added here needs no other list edited.
 */

export const CHANNEL_FAMILIES = [
  'WX',
  'ALI',
  'UN',
  'PAYPAL',
  'JD',
  'YEE',
  'KUAIQIAN',
  'BD',
  'APPLE',
  'BC',
] as const;
export type ChannelFamily = (typeof CHANNEL_FAMILIES)[number];

/**
 * The answer shape of a channel's `POST /2/rest/bill` (see ChannelPayloads in bill.wire.ts):
 * the gateway has one union member per shape.
 */
export type PayloadShape =
  | 'WX_APP'
  | 'CODE_URL'
  | 'WX_JSAPI'
  | 'ALI_APP'
  | 'ALI_FORM'
  | 'ALI_QRCODE'
  | 'QR_CODE'
  | 'UN_APP'
  | 'HTML_FORM'
  | 'REDIRECT'
  | 'BD_APP'
  | 'BC_EXPRESS'
  | 'NONE';

/** A request field a channel requires beyond the common ones (BeeCloud's wire name). */
export type ChannelField =
  | 'return_url'
  | 'openid'
  | 'qr_pay_mode'
  | 'identity_id'
  | 'cardno'
  | 'cardpwd'
  | 'frqid'
  | 'analysis'
  | 'buyer_id'
  | 'auth_code'
  | 'show_url'
  | 'use_app'
  | 'bank'
  | 'card_type'
  | 'card_no';

export interface ChannelSpec {
  family: ChannelFamily;
  /** What the customer does, in a few words (the gateway's enum descriptions). */
  description: string;
  /** The revision that introduced it: the seed (2016-05), the final one (2018-04), or the in-store API. */
  revision: '2016-05' | '2018-04' | 'offline';
  /** Taken by `POST /2/rest/bill`, with this answer shape; absent for scan-only channels. */
  online?: PayloadShape;
  /** Taken by the in-store `POST /2/rest/offline/bill`: a QR to show, or the customer's code scanned. */
  offline?: 'qr' | 'scan';
  /** Fields this channel requires (`4` when missing); checked on whichever endpoint takes it. */
  requires?: readonly ChannelField[];
  /** Channel-specific fields it takes but does not require. */
  accepts?: readonly ChannelField[];
}

const table = <T extends Record<string, ChannelSpec>>(channels: T) => channels;

export const CHANNELS = table({
  WX_APP: { family: 'WX', description: 'WeChat Pay in a native app', revision: '2016-05', online: 'WX_APP' },
  WX_NATIVE: {
    family: 'WX',
    description: 'a WeChat QR code shown to the customer',
    revision: '2016-05',
    online: 'CODE_URL',
    offline: 'qr',
  },
  WX_JSAPI: {
    family: 'WX',
    description: 'WeChat Pay inside a WeChat official account page',
    revision: '2016-05',
    online: 'WX_JSAPI',
    requires: ['openid'],
  },
  WX_WAP: {
    family: 'WX',
    description: 'WeChat Pay from a mobile web page (H5)',
    revision: '2018-04',
    online: 'REDIRECT',
    requires: ['analysis'],
  },
  WX_MINI: {
    family: 'WX',
    description: 'WeChat Pay inside a WeChat mini program',
    revision: '2018-04',
    online: 'WX_JSAPI',
    requires: ['openid'],
  },
  WX_SCAN: {
    family: 'WX',
    description: "the cashier scans the customer's WeChat pay code",
    revision: 'offline',
    offline: 'scan',
    requires: ['auth_code'],
  },
  ALI_APP: { family: 'ALI', description: 'Alipay in a native app', revision: '2016-05', online: 'ALI_APP' },
  ALI_WEB: {
    family: 'ALI',
    description: 'Alipay on a desktop web page',
    revision: '2016-05',
    online: 'ALI_FORM',
    requires: ['return_url'],
    accepts: ['show_url'],
  },
  ALI_QRCODE: {
    family: 'ALI',
    description: 'an Alipay QR code embedded in a web page',
    revision: '2016-05',
    online: 'ALI_QRCODE',
    requires: ['return_url', 'qr_pay_mode'],
  },
  ALI_OFFLINE_QRCODE: {
    family: 'ALI',
    description: 'an Alipay QR code shown at a till',
    revision: '2016-05',
    online: 'QR_CODE',
    offline: 'qr',
  },
  ALI_WAP: {
    family: 'ALI',
    description: 'Alipay on a mobile web page',
    revision: '2016-05',
    online: 'ALI_FORM',
    accepts: ['use_app'],
  },
  ALI_SCAN: {
    family: 'ALI',
    description: "the cashier scans the customer's Alipay pay code",
    revision: 'offline',
    offline: 'scan',
    requires: ['auth_code'],
  },
  UN_APP: { family: 'UN', description: 'UnionPay in a native app', revision: '2016-05', online: 'UN_APP' },
  UN_WEB: {
    family: 'UN',
    description: 'UnionPay on a desktop web page',
    revision: '2016-05',
    online: 'HTML_FORM',
    requires: ['return_url'],
  },
  UN_WAP: {
    family: 'UN',
    description: 'UnionPay on a mobile web page',
    revision: '2018-04',
    online: 'HTML_FORM',
    requires: ['return_url'],
  },
  PAYPAL_SANDBOX: {
    family: 'PAYPAL',
    description: "PayPal's test environment",
    revision: '2016-05',
    online: 'NONE',
  },
  PAYPAL_LIVE: { family: 'PAYPAL', description: 'PayPal', revision: '2016-05', online: 'NONE' },
  JD_WAP: {
    family: 'JD',
    description: 'JD Pay on a mobile web page',
    revision: '2016-05',
    online: 'HTML_FORM',
    requires: ['return_url'],
  },
  JD_WEB: {
    family: 'JD',
    description: 'JD Pay on a desktop web page',
    revision: '2016-05',
    online: 'HTML_FORM',
    requires: ['return_url'],
  },
  YEE_WAP: {
    family: 'YEE',
    description: 'Yeepay one-click on a mobile web page',
    revision: '2016-05',
    online: 'REDIRECT',
    requires: ['identity_id'],
  },
  YEE_WEB: {
    family: 'YEE',
    description: 'Yeepay on a desktop web page',
    revision: '2016-05',
    online: 'REDIRECT',
  },
  YEE_NOBANKCARD: {
    family: 'YEE',
    description: 'a Yeepay prepaid card (the fee must equal the card value)',
    revision: '2016-05',
    online: 'NONE',
    requires: ['cardno', 'cardpwd', 'frqid'],
  },
  KUAIQIAN_WAP: {
    family: 'KUAIQIAN',
    description: 'Kuaiqian on a mobile web page',
    revision: '2016-05',
    online: 'HTML_FORM',
  },
  KUAIQIAN_WEB: {
    family: 'KUAIQIAN',
    description: 'Kuaiqian on a desktop web page',
    revision: '2016-05',
    online: 'HTML_FORM',
  },
  BD_APP: {
    family: 'BD',
    description: 'Baidu Wallet in a native app',
    revision: '2016-05',
    online: 'BD_APP',
  },
  BD_WEB: {
    family: 'BD',
    description: 'Baidu Wallet on a desktop web page',
    revision: '2016-05',
    online: 'REDIRECT',
  },
  BD_WAP: {
    family: 'BD',
    description: 'Baidu Wallet on a mobile web page',
    revision: '2016-05',
    online: 'REDIRECT',
  },
  APPLE: { family: 'APPLE', description: 'Apple in-app purchase', revision: '2018-04', online: 'NONE' },
  APPLE_TEST: {
    family: 'APPLE',
    description: "Apple in-app purchase, Apple's test environment",
    revision: '2018-04',
    online: 'NONE',
  },
  BC_GATEWAY: {
    family: 'BC',
    description: "BeeCloud's bank gateway (online banking)",
    revision: '2018-04',
    online: 'HTML_FORM',
    accepts: ['bank', 'card_type'],
  },
  BC_EXPRESS: {
    family: 'BC',
    description: "BeeCloud's card payment confirmed by an SMS code (authenticated payment)",
    revision: '2018-04',
    online: 'BC_EXPRESS',
    requires: ['buyer_id'],
    accepts: ['card_no'],
  },
  BC_APP: {
    family: 'BC',
    description: "BeeCloud's app payment (its SDK takes the bill id)",
    revision: '2018-04',
    online: 'NONE',
  },
  BC_NATIVE: {
    family: 'BC',
    description: "BeeCloud's WeChat QR code",
    revision: '2018-04',
    online: 'CODE_URL',
  },
  BC_WX_WAP: {
    family: 'BC',
    description: "BeeCloud's WeChat Pay from a mobile web page",
    revision: '2018-04',
    online: 'REDIRECT',
    requires: ['analysis'],
  },
  BC_WX_JSAPI: {
    family: 'BC',
    description: "BeeCloud's WeChat Pay inside an official account page",
    revision: '2018-04',
    online: 'WX_JSAPI',
    requires: ['openid'],
  },
  BC_WX_APP: {
    family: 'BC',
    description: "BeeCloud's WeChat Pay in a native app",
    revision: '2018-04',
    online: 'WX_APP',
  },
  BC_WX_MINI: {
    family: 'BC',
    description: "BeeCloud's WeChat Pay inside a mini program",
    revision: '2018-04',
    online: 'WX_JSAPI',
    accepts: ['openid'],
  },
  BC_ALI_QRCODE: {
    family: 'BC',
    description: "BeeCloud's Alipay QR code",
    revision: '2018-04',
    online: 'CODE_URL',
    offline: 'qr',
  },
  BC_ALI_APP: {
    family: 'BC',
    description: "BeeCloud's Alipay in a native app",
    revision: '2018-04',
    online: 'ALI_APP',
  },
  BC_ALI_WAP: {
    family: 'BC',
    description: "BeeCloud's Alipay on a mobile web page",
    revision: '2018-04',
    online: 'ALI_FORM',
  },
  BC_ALI_WEB: {
    family: 'BC',
    description: "BeeCloud's Alipay on a desktop web page",
    revision: '2018-04',
    online: 'ALI_FORM',
  },
  BC_ALI_JSAPI: {
    family: 'BC',
    description: "BeeCloud's Alipay inside the Alipay app (service window)",
    revision: '2018-04',
    online: 'ALI_FORM',
  },
  BC_WX_SCAN: {
    family: 'BC',
    description: "the cashier scans the customer's WeChat pay code (BeeCloud's account)",
    revision: 'offline',
    offline: 'scan',
    requires: ['auth_code'],
  },
  BC_ALI_SCAN: {
    family: 'BC',
    description: "the cashier scans the customer's Alipay pay code (BeeCloud's account)",
    revision: 'offline',
    offline: 'scan',
    requires: ['auth_code'],
  },
  BC_SCAN: {
    family: 'BC',
    description: "the cashier scans a WeChat or Alipay pay code; BeeCloud tells which (BeeCloud's account)",
    revision: 'offline',
    offline: 'scan',
    requires: ['auth_code'],
  },
});

export type PayChannel = keyof typeof CHANNELS;
export const PAY_CHANNELS = Object.keys(CHANNELS) as PayChannel[];
/** The spec of a channel, typed wide (the table's own type is each entry's literal). */
export const channelSpec = (channel: PayChannel): ChannelSpec => CHANNELS[channel];

/** Channels `POST /2/rest/bill` takes, and the in-store `POST /2/rest/offline/bill`. */
export const ONLINE_CHANNELS = PAY_CHANNELS.filter((c) => channelSpec(c).online !== undefined);
export const OFFLINE_CHANNELS = PAY_CHANNELS.filter((c) => channelSpec(c).offline !== undefined);
export const SCAN_CHANNELS = PAY_CHANNELS.filter((c) => channelSpec(c).offline === 'scan');

/** Names BeeCloud uses elsewhere (transfers): known, but taken by none of our endpoints. */
export const OTHER_KNOWN_CHANNELS = ['BC_TRANSFER', 'ALI_TRANSFER', 'WX_REDPACK', 'WX_TRANSFER'] as const;

export const REFUND_FAMILIES = ['WX', 'ALI', 'UN', 'KUAIQIAN', 'BD', 'JD', 'YEE'] as const;
export type RefundFamily = (typeof REFUND_FAMILIES)[number];
/** The families `PUT /refund` can name: the only ones a pre-refund may be created for. */
export const isReviewable = (family: ChannelFamily): family is RefundFamily =>
  (REFUND_FAMILIES as readonly string[]).includes(family);

/**
 * Families whose refunds send no webhook and settle only when `GET /refund/status` finds
 * them settled. BC is the reason that endpoint exists (final revision, section 9).
 */
export const STATUS_QUERY_FAMILIES = ['WX', 'YEE', 'KUAIQIAN', 'BD', 'BC'] as const;
export type StatusQueryFamily = (typeof STATUS_QUERY_FAMILIES)[number];
export const settlesByStatusQuery = (family: ChannelFamily): family is StatusQueryFamily =>
  (STATUS_QUERY_FAMILIES as readonly string[]).includes(family);

/** The families the in-store refund names ("ALI and WX for now"). */
export const OFFLINE_REFUND_FAMILIES = ['WX', 'ALI'] as const;

/** A name that a query filter accepts: a family matches all its sub-channels. */
export type ChannelFilter = PayChannel | ChannelFamily;

const familySet: ReadonlySet<string> = new Set(CHANNEL_FAMILIES);
const knownSet: ReadonlySet<string> = new Set([
  ...PAY_CHANNELS,
  ...CHANNEL_FAMILIES,
  ...OTHER_KNOWN_CHANNELS,
]);

export const isPayChannel = (name: string): name is PayChannel => Object.hasOwn(CHANNELS, name);
export const isChannelFamily = (name: string): name is ChannelFamily => familySet.has(name);
/** True for any name BeeCloud knows, whether or not a given endpoint takes it. */
export const isKnownChannelName = (name: string): boolean => knownSet.has(name);

/**
 * The currency of a channel's amounts (ISO 4217). BeeCloud counts every amount in minor
 * units and names no currency; PayPal charges in US dollars (cents), the rest in yuan (fen).
 */
export const currencyOf = (channel: PayChannel): 'CNY' | 'USD' =>
  channelSpec(channel).family === 'PAYPAL' ? 'USD' : 'CNY';

/** `WX_APP` -> `WX`; `APPLE_TEST` -> `APPLE`; `BC_WX_SCAN` -> `BC`. */
export const familyOf = (channel: PayChannel): ChannelFamily => channelSpec(channel).family;

/** Whether `channel` is matched by the query filter `filter` (a family or the exact channel). */
export function channelMatches(channel: PayChannel, filter: ChannelFilter): boolean {
  return filter === channel || filter === familyOf(channel);
}

/** The sub-channels of a family, in table order. */
export function channelsOfFamily(family: ChannelFamily): PayChannel[] {
  return PAY_CHANNELS.filter((channel) => familyOf(channel) === family);
}

/** The channels that require `field`, in table order ("ALI_WEB, ALI_QRCODE, …" in descriptions). */
export const channelsRequiring = (field: ChannelField): PayChannel[] =>
  PAY_CHANNELS.filter((channel) => channelRequires(channel, field));

/** Whether `channel` takes `field` at all (requires or accepts it). */
export const channelTakes = (channel: PayChannel, field: ChannelField): boolean =>
  channelRequires(channel, field) || (channelSpec(channel).accepts?.includes(field) ?? false);

/** Whether `channel` requires `field` (`4 MISS_PARAM` when it is missing). */
export const channelRequires = (channel: PayChannel, field: ChannelField): boolean =>
  channelSpec(channel).requires?.includes(field) ?? false;

/** Which channel names each endpoint takes in its `channel` field. */
export const ACCEPTED_CHANNELS = {
  createBill: ONLINE_CHANNELS,
  offlineBill: OFFLINE_CHANNELS,
  queries: [...CHANNEL_FAMILIES, ...PAY_CHANNELS],
  createRefund: [...REFUND_FAMILIES, 'BC'],
  offlineRefund: OFFLINE_REFUND_FAMILIES,
  reviewRefunds: REFUND_FAMILIES,
  refundStatus: STATUS_QUERY_FAMILIES,
} as const satisfies Record<string, readonly string[]>;
export type ChannelEndpoint = keyof typeof ACCEPTED_CHANNELS;

export function isAcceptedBy(endpoint: ChannelEndpoint, name: string): boolean {
  return (ACCEPTED_CHANNELS[endpoint] as readonly string[]).includes(name);
}

/** The 16 prepaid-card codes YEE_NOBANKCARD takes in `frqid`. */
export const YEE_CARD_TYPES = [
  'JUNNET',
  'SNDACARD',
  'SZX',
  'ZHENGTU',
  'QQCARD',
  'UNICOM',
  'JIUYOU',
  'YICHONGCARD',
  'NETEASE',
  'WANMEI',
  'SOHU',
  'TELECOM',
  'ZONGYOU',
  'TIANXIA',
  'TIANHONG',
  'THIRTYTWOCARD',
] as const;
export type YeeCardType = (typeof YEE_CARD_TYPES)[number];
