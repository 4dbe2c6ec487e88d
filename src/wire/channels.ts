import {
  CHANNEL_FAMILIES,
  type ChannelFamily,
  type ChannelField,
  type ChannelSpec,
  type PayloadShape,
} from './channel-spec.js';
import { CHANNELS } from './channel-table.js';

/** Questions about the channel table (channel-table.ts): which channels, of which family, taking which fields. */

export type PayChannel = keyof typeof CHANNELS;
export const PAY_CHANNELS = Object.keys(CHANNELS) as PayChannel[];
/** The spec of a channel, typed wide (the table's own type is each entry's literal). */
export const channelSpec = (channel: PayChannel): ChannelSpec => CHANNELS[channel];

/**
 * The shape of a channel's `POST /2/rest/bill` answer: its authenticated mode's when the bill is
 * in that mode (BC_EXPRESS with its payer named), else its own; undefined for in-store channels.
 */
export function answerShape(channel: PayChannel, authenticated: boolean): PayloadShape | undefined {
  const spec = channelSpec(channel);
  return authenticated && spec.authenticated ? spec.authenticated.online : spec.online;
}

/** Channels `POST /2/rest/bill` takes, and the in-store `POST /2/rest/offline/bill`. */
export const ONLINE_CHANNELS = PAY_CHANNELS.filter((c) => channelSpec(c).online !== undefined);
export const OFFLINE_CHANNELS = PAY_CHANNELS.filter((c) => channelSpec(c).offline !== undefined);
export const SCAN_CHANNELS = PAY_CHANNELS.filter((c) => channelSpec(c).offline === 'scan');

/** Names BeeCloud uses elsewhere (transfers): known, but taken by none of our endpoints. */
export const OTHER_KNOWN_CHANNELS = ['BC_TRANSFER', 'ALI_TRANSFER', 'WX_REDPACK', 'WX_TRANSFER'] as const;

/**
 * `SCAN`, an in-store request name only: the server tells the wallet from the customer's
 * `auth_code` and the bill is stored, reported and refunded as the channel it resolved to
 * (decisions.md, "The offline (in-store) API"). The online endpoint answers it `3`.
 */
export const SCAN_ANY_WALLET = 'SCAN' as const;

/** The wallet a customer's pay code belongs to: WeChat Pay codes begin 10-15, Alipay's 25-30; else none. */
export function walletOfPayCode(authCode: string): 'WX_SCAN' | 'ALI_SCAN' | undefined {
  if (/^1[0-5]/.test(authCode)) return 'WX_SCAN';
  if (/^(2[5-9]|30)/.test(authCode)) return 'ALI_SCAN';
  return undefined;
}

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
  SCAN_ANY_WALLET,
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

/** The channels that require `field` only in their authenticated mode (BC_EXPRESS's buyer_id). */
export const channelsRequiringWhenAuthenticated = (field: ChannelField): PayChannel[] =>
  PAY_CHANNELS.filter((c) => channelSpec(c).authenticated?.requires.includes(field));

/** Whether `channel` takes `field` at all (requires or accepts it). */
export const channelTakes = (channel: PayChannel, field: ChannelField): boolean =>
  channelRequires(channel, field) || (channelSpec(channel).accepts?.includes(field) ?? false);

/** Whether `channel` requires `field` (`4 MISS_PARAM` when it is missing). */
export const channelRequires = (channel: PayChannel, field: ChannelField): boolean =>
  channelSpec(channel).requires?.includes(field) ?? false;

/** Which channel names each endpoint takes in its `channel` field. */
export const ACCEPTED_CHANNELS = {
  createBill: ONLINE_CHANNELS,
  offlineBill: [...OFFLINE_CHANNELS, SCAN_ANY_WALLET],
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
