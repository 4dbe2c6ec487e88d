/**
 * BeeCloud's channel vocabulary: the families, and what the table (channel-table.ts) says of
 * each channel. The table holds every pay channel of the v2 API (the seed of
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
