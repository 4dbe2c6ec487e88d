import { registerEnumType } from 'type-graphql';
import {
  BC_BANKS,
  BC_BANK_CODES,
  CHANNEL_FAMILIES,
  OFFLINE_CHANNELS,
  OFFLINE_REFUND_FAMILIES,
  PAY_CHANNELS,
  REFUND_FAMILIES,
  REFUND_STATUSES,
  SCAN_ANY_WALLET,
  STATUS_QUERY_FAMILIES,
  YEE_CARD_TYPES,
  channelSpec,
  channelsOfFamily,
  type BcBankCode,
  type ChannelFamily,
  type PayChannel,
  type RefundFamily,
  type RefundStatus,
  type StatusQueryFamily,
  type YeeCardType,
} from '../../wire/index.js';

/** `{ A: 'A', … }` from a list, the shape registerEnumType takes. */
const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

/** Each family described by its channels, for every enum of families. */
const familyValues = (families: readonly ChannelFamily[]) =>
  Object.fromEntries(
    families.map((family) => [family, { description: `Channels ${channelsOfFamily(family).join(', ')}.` }]),
  );

/** Where a channel is taken, for its description (src/wire's channel table). */
function whereTaken(channel: PayChannel): string {
  const spec = channelSpec(channel);
  const where = [
    spec.online ? 'createBill' : undefined,
    spec.offline
      ? `createScanBill (${spec.offline === 'scan' ? 'needs authCode' : 'answers a QR code'})`
      : undefined,
  ].filter(Boolean);
  const requires = spec.requires?.filter((field) => field !== 'auth_code') ?? [];
  return `${where.join(' and ')}${requires.length ? `; requires ${requires.join(', ')}` : ''}`;
}

/** Each channel described from the channel table: what the customer does, where it is taken. */
const channelValues = (channels: readonly PayChannel[]) =>
  Object.fromEntries(
    channels.map((channel) => [
      channel,
      { description: `${channelSpec(channel).description} (${whereTaken(channel)}).` },
    ]),
  );

export const Channel = enumOf(PAY_CHANNELS);
export type Channel = PayChannel;
registerEnumType(Channel, {
  name: 'Channel',
  description: 'A pay channel: where and how the customer pays.',
  valuesConfig: channelValues(PAY_CHANNELS),
});

export const ChannelFamilyEnum = enumOf(CHANNEL_FAMILIES);
export type ChannelFamilyEnum = ChannelFamily;
registerEnumType(ChannelFamilyEnum, {
  name: 'ChannelFamily',
  description: 'A payment provider; each groups several channels.',
  valuesConfig: familyValues(CHANNEL_FAMILIES),
});

export const RefundChannel = enumOf(REFUND_FAMILIES);
export type RefundChannel = RefundFamily;
registerEnumType(RefundChannel, {
  name: 'RefundChannel',
  description: 'The providers BeeCloud refunds through.',
  valuesConfig: familyValues(REFUND_FAMILIES),
});

export const OfflineRefundChannel = enumOf(OFFLINE_REFUND_FAMILIES);
export type OfflineRefundChannel = (typeof OFFLINE_REFUND_FAMILIES)[number];
registerEnumType(OfflineRefundChannel, {
  name: 'OfflineRefundChannel',
  description: 'The providers the in-store refund names (a BC bill is refunded without a channel).',
  valuesConfig: familyValues(OFFLINE_REFUND_FAMILIES),
});

export const StatusQueryChannel = enumOf(STATUS_QUERY_FAMILIES);
export type StatusQueryChannel = StatusQueryFamily;
registerEnumType(StatusQueryChannel, {
  name: 'StatusQueryChannel',
  description: 'Providers whose refunds send no webhook and settle only when their status is synced.',
  valuesConfig: familyValues(STATUS_QUERY_FAMILIES),
});

export const BcBank = enumOf(BC_BANK_CODES);
export type BcBank = BcBankCode;
registerEnumType(BcBank, {
  name: 'BcBank',
  description: "BC_GATEWAY: the payer's bank, by BeeCloud's code.",
  valuesConfig: Object.fromEntries(
    BC_BANK_CODES.map((code) => [code, { description: `${BC_BANKS[code]}.` }]),
  ),
});

/** The channels createScanBill takes: the in-store ones, and SCAN, which the server resolves to a wallet. */
export const InStoreChannel = enumOf([...OFFLINE_CHANNELS, SCAN_ANY_WALLET]);
export type InStoreChannel = PayChannel | typeof SCAN_ANY_WALLET;
registerEnumType(InStoreChannel, {
  name: 'InStoreChannel',
  description: 'An in-store channel: a QR code to show, or the customer’s pay code scanned.',
  valuesConfig: Object.assign(channelValues(OFFLINE_CHANNELS), {
    [SCAN_ANY_WALLET]: {
      description:
        "the cashier scans the customer's WeChat Pay or Alipay code and BeeCloud tells which (needs authCode); " +
        'the bill is then a WX_SCAN or ALI_SCAN bill, as scannedChannel says.',
    },
  }),
});

export const BankCardType = { CREDIT: '1', DEBIT: '2' } as const;
export type BankCardType = (typeof BankCardType)[keyof typeof BankCardType];
registerEnumType(BankCardType, {
  name: 'BankCardType',
  description: 'BC_GATEWAY: the kind of bank card.',
  valuesConfig: {
    CREDIT: { description: 'A credit card ("1").' },
    DEBIT: { description: 'A debit card ("2").' },
  },
});

export const RefundAccount = { UNSETTLED_FUNDS: 0, AVAILABLE_BALANCE: 1 } as const;
export type RefundAccount = (typeof RefundAccount)[keyof typeof RefundAccount];
registerEnumType(RefundAccount, {
  name: 'RefundAccount',
  description: 'Where refunded money comes from: unsettled funds (the default) or the available balance.',
  valuesConfig: {
    UNSETTLED_FUNDS: { description: 'From funds not yet settled to the merchant (0, the default).' },
    AVAILABLE_BALANCE: { description: "From the merchant's available balance (1)." },
  },
});

export const RefundChannelStatus = enumOf(REFUND_STATUSES);
export type RefundChannelStatus = RefundStatus;
registerEnumType(RefundChannelStatus, {
  name: 'RefundChannelStatus',
  description:
    'What the provider says of a refund: SUCCESS, PROCESSING, FAIL, or CHANGE (the account changed; refund by hand).',
  valuesConfig: {
    SUCCESS: { description: 'The money went back.' },
    PROCESSING: { description: 'Still with the provider: ask again later.' },
    FAIL: { description: 'The refund failed.' },
    CHANGE: {
      description: "The customer's account changed: the money cannot go back there; refund by hand.",
    },
  },
});

export const YeeCardTypeEnum = enumOf(YEE_CARD_TYPES);
export type YeeCardTypeEnum = YeeCardType;
registerEnumType(YeeCardTypeEnum, {
  name: 'YeeCardType',
  description: 'Prepaid card types for YEE_NOBANKCARD.',
  valuesConfig: Object.fromEntries(
    Object.entries({
      JUNNET: '骏网一卡通',
      SNDACARD: '盛大卡',
      SZX: '神州行',
      ZHENGTU: '征途卡',
      QQCARD: 'Q币卡',
      UNICOM: '联通卡',
      JIUYOU: '久游卡',
      YICHONGCARD: '易充卡',
      NETEASE: '网易卡',
      WANMEI: '完美卡',
      SOHU: '搜狐卡',
      TELECOM: '电信卡',
      ZONGYOU: '纵游一卡通',
      TIANXIA: '天下一卡通',
      TIANHONG: '天宏一卡通',
      THIRTYTWOCARD: '32 一卡通',
    } satisfies Record<YeeCardType, string>).map(([code, name]) => [code, { description: name }]),
  ),
});

export const AliQrPayMode = { SIMPLE: '0', FRONT: '1', MINI: '3' } as const;
export type AliQrPayMode = (typeof AliQrPayMode)[keyof typeof AliQrPayMode];
registerEnumType(AliQrPayMode, {
  name: 'AliQrPayMode',
  description: 'ALI_QRCODE layouts (qr_pay_mode).',
  valuesConfig: {
    SIMPLE: { description: '"0": the simple front mode; an iframe of at least 600x300.' },
    FRONT: { description: '"1": the front mode; an iframe of at least 300x600.' },
    MINI: { description: '"3": the mini front mode; an iframe of at least 75x75.' },
  },
});

export const RefundState = {
  PENDING: 'PENDING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  DENIED: 'DENIED',
} as const;
export type RefundState = keyof typeof RefundState;
registerEnumType(RefundState, {
  name: 'RefundState',
  description:
    'PENDING until the refund finishes (review, confirmation or the provider), then SUCCEEDED, FAILED or DENIED.',
  valuesConfig: {
    PENDING: { description: 'Awaiting review, the merchant’s confirmation (ALI) or the provider.' },
    SUCCEEDED: { description: 'The money went back.' },
    FAILED: { description: 'Over without a refund: the provider failed it.' },
    DENIED: {
      description: 'A pre-refund denied in review: no money moved, and the bill may be refunded again.',
    },
  },
});
