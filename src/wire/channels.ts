/**
 * BeeCloud's channel vocabulary: the 22 pay channels a bill can be created on, the
 * families they belong to, the names that exist but no endpoint here takes, and which
 * names each endpoint accepts.
 */

export const PAY_CHANNELS = [
  'WX_APP',
  'WX_NATIVE',
  'WX_JSAPI',
  'ALI_APP',
  'ALI_WEB',
  'ALI_QRCODE',
  'ALI_OFFLINE_QRCODE',
  'ALI_WAP',
  'UN_APP',
  'UN_WEB',
  'PAYPAL_SANDBOX',
  'PAYPAL_LIVE',
  'JD_WAP',
  'JD_WEB',
  'YEE_WAP',
  'YEE_WEB',
  'YEE_NOBANKCARD',
  'KUAIQIAN_WAP',
  'KUAIQIAN_WEB',
  'BD_APP',
  'BD_WEB',
  'BD_WAP',
] as const;
export type PayChannel = (typeof PAY_CHANNELS)[number];

export const CHANNEL_FAMILIES = ['WX', 'ALI', 'UN', 'PAYPAL', 'JD', 'YEE', 'KUAIQIAN', 'BD'] as const;
export type ChannelFamily = (typeof CHANNEL_FAMILIES)[number];

/** Names BeeCloud uses elsewhere (scan-to-pay, transfers): known, but taken by none of our endpoints. */
export const OTHER_KNOWN_CHANNELS = ['WX_SCAN', 'ALI_SCAN', 'BC', 'BC_TRANSFER', 'ALI_TRANSFER'] as const;

export const REFUND_FAMILIES = ['WX', 'ALI', 'UN', 'KUAIQIAN', 'BD', 'JD', 'YEE'] as const;
export type RefundFamily = (typeof REFUND_FAMILIES)[number];
/** The families `PUT /refund` can name: the only ones a pre-refund may be created for. */
export const isReviewable = (family: ChannelFamily): family is RefundFamily =>
  (REFUND_FAMILIES as readonly string[]).includes(family);

/** Families whose refunds send no webhook and settle only when `GET /refund/status` finds them settled. */
export const STATUS_QUERY_FAMILIES = ['WX', 'YEE', 'KUAIQIAN', 'BD'] as const;
export type StatusQueryFamily = (typeof STATUS_QUERY_FAMILIES)[number];

/** A name that a query filter accepts: a family matches all its sub-channels. */
export type ChannelFilter = PayChannel | ChannelFamily;

const payChannelSet: ReadonlySet<string> = new Set(PAY_CHANNELS);
const familySet: ReadonlySet<string> = new Set(CHANNEL_FAMILIES);
const knownSet: ReadonlySet<string> = new Set([
  ...PAY_CHANNELS,
  ...CHANNEL_FAMILIES,
  ...OTHER_KNOWN_CHANNELS,
]);

export const isPayChannel = (name: string): name is PayChannel => payChannelSet.has(name);
export const isChannelFamily = (name: string): name is ChannelFamily => familySet.has(name);
/** True for any name BeeCloud knows, whether or not a given endpoint takes it. */
export const isKnownChannelName = (name: string): boolean => knownSet.has(name);

/** `WX_APP` -> `WX`; `KUAIQIAN_WEB` -> `KUAIQIAN`. Every pay channel is `FAMILY_SUFFIX`. */
export function familyOf(channel: PayChannel): ChannelFamily {
  return channel.slice(0, channel.indexOf('_')) as ChannelFamily;
}

/** Whether `channel` is matched by the query filter `filter` (a family or the exact channel). */
export function channelMatches(channel: PayChannel, filter: ChannelFilter): boolean {
  return filter === channel || filter === familyOf(channel);
}

/** The sub-channels of a family, in declaration order. */
export function channelsOfFamily(family: ChannelFamily): PayChannel[] {
  return PAY_CHANNELS.filter((channel) => familyOf(channel) === family);
}

/** Which channel names each endpoint takes in its `channel` field. */
export const ACCEPTED_CHANNELS = {
  createBill: PAY_CHANNELS,
  queries: [...CHANNEL_FAMILIES, ...PAY_CHANNELS],
  createRefund: REFUND_FAMILIES,
  reviewRefunds: REFUND_FAMILIES,
  refundStatus: STATUS_QUERY_FAMILIES,
} as const satisfies Record<string, readonly string[]>;
export type ChannelEndpoint = keyof typeof ACCEPTED_CHANNELS;

export function isAcceptedBy(endpoint: ChannelEndpoint, name: string): boolean {
  return (ACCEPTED_CHANNELS[endpoint] as readonly string[]).includes(name);
}

/** Channels whose bills require `return_url` (the browser returns there after paying). */
export const RETURN_URL_CHANNELS: readonly PayChannel[] = [
  'ALI_WEB',
  'ALI_QRCODE',
  'UN_WEB',
  'JD_WAP',
  'JD_WEB',
];

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
