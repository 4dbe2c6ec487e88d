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
  /** The values a field may take (`5` otherwise): BC_GATEWAY's bank codes. */
  values?: Partial<Record<ChannelField, readonly string[]>>;
  /** Answers `code_url` too, beside its shape's fields (BC_ALI_APP, BC_ALI_WAP: production did). */
  alsoCodeUrl?: true;
  /**
   * BC_EXPRESS's authenticated mode (section 12): when the request's `optional` names the
   * payer (the four elements of EXPRESS_PAYER_FIELDS, or a `token`), these fields are required
   * too and the answer has this shape. Otherwise its plain mode: `requires` and `online`.
   */
  authenticated?: { requires: readonly ChannelField[]; online: PayloadShape };
}

/**
 * BC_GATEWAY's banks (decisions.md, "Later revisions of v2"): the code BeeCloud takes in
 * `bank`, and the bank's name. BeeCloud's SDKs list the same codes, less CCB, which its QA accepted.
 */
export const BC_BANKS = {
  CMB: 'China Merchants Bank (招商银行)',
  ICBC: 'Industrial and Commercial Bank of China (中国工商银行)',
  CCB: 'China Construction Bank (中国建设银行)',
  BOC: 'Bank of China (中国银行)',
  ABC: 'Agricultural Bank of China (中国农业银行)',
  BOCM: 'Bank of Communications (交通银行)',
  SPDB: 'Shanghai Pudong Development Bank (浦发银行)',
  GDB: 'China Guangfa Bank (广发银行)',
  CITIC: 'China CITIC Bank (中信银行)',
  CEB: 'China Everbright Bank (中国光大银行)',
  CIB: 'Industrial Bank (兴业银行)',
  SDB: 'Ping An Bank, formerly Shenzhen Development Bank (平安银行)',
  CMBC: 'China Minsheng Bank (中国民生银行)',
  BEA: 'Bank of East Asia (东亚银行)',
  BOB: 'Bank of Beijing (北京银行)',
  SRCB: 'Shanghai Rural Commercial Bank (上海农商银行)',
  NJCB: 'Bank of Nanjing (南京银行)',
  NBCB: 'Bank of Ningbo (宁波银行)',
} as const;
export type BcBankCode = keyof typeof BC_BANKS;
export const BC_BANK_CODES = Object.keys(BC_BANKS) as BcBankCode[];
