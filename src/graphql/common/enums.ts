import { registerEnumType } from 'type-graphql';
import {
  CHANNEL_FAMILIES,
  OFFLINE_REFUND_FAMILIES,
  PAY_CHANNELS,
  REFUND_FAMILIES,
  REFUND_STATUSES,
  STATUS_QUERY_FAMILIES,
  YEE_CARD_TYPES,
  channelSpec,
  channelsOfFamily,
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

export const Channel = enumOf(PAY_CHANNELS);
export type Channel = PayChannel;
registerEnumType(Channel, {
  name: 'Channel',
  description: 'A pay channel: where and how the customer pays.',
  valuesConfig: Object.fromEntries(
    PAY_CHANNELS.map((channel) => [
      channel,
      { description: `${channelSpec(channel).description} (${whereTaken(channel)}).` },
    ]),
  ),
});

export const ChannelFamilyEnum = enumOf(CHANNEL_FAMILIES);
export type ChannelFamilyEnum = ChannelFamily;
registerEnumType(ChannelFamilyEnum, {
  name: 'ChannelFamily',
  description: 'A payment provider; each groups several channels.',
  valuesConfig: Object.fromEntries(
    CHANNEL_FAMILIES.map((family) => [
      family,
      { description: `Channels ${channelsOfFamily(family).join(', ')}.` },
    ]),
  ),
});

export const RefundChannel = enumOf(REFUND_FAMILIES);
export type RefundChannel = RefundFamily;
registerEnumType(RefundChannel, {
  name: 'RefundChannel',
  description: 'The providers BeeCloud refunds through.',
});

export const OfflineRefundChannel = enumOf(OFFLINE_REFUND_FAMILIES);
export type OfflineRefundChannel = (typeof OFFLINE_REFUND_FAMILIES)[number];
registerEnumType(OfflineRefundChannel, {
  name: 'OfflineRefundChannel',
  description: 'The providers the in-store refund names (a BC bill is refunded without a channel).',
});

export const StatusQueryChannel = enumOf(STATUS_QUERY_FAMILIES);
export type StatusQueryChannel = StatusQueryFamily;
registerEnumType(StatusQueryChannel, {
  name: 'StatusQueryChannel',
  description: 'Providers whose refunds send no webhook and settle only when their status is synced.',
});

export const BankCardType = { CREDIT: '1', DEBIT: '2' } as const;
export type BankCardType = (typeof BankCardType)[keyof typeof BankCardType];
registerEnumType(BankCardType, { name: 'BankCardType', description: 'BC_GATEWAY: the kind of bank card.' });

export const RefundAccount = { UNSETTLED_FUNDS: 0, AVAILABLE_BALANCE: 1 } as const;
export type RefundAccount = (typeof RefundAccount)[keyof typeof RefundAccount];
registerEnumType(RefundAccount, {
  name: 'RefundAccount',
  description: 'Where refunded money comes from: unsettled funds (the default) or the available balance.',
});

export const RefundChannelStatus = enumOf(REFUND_STATUSES);
export type RefundChannelStatus = RefundStatus;
registerEnumType(RefundChannelStatus, {
  name: 'RefundChannelStatus',
  description:
    'What the provider says of a refund: SUCCESS, PROCESSING, FAIL, or CHANGE (the account changed; refund by hand).',
});

export const YeeCardTypeEnum = enumOf(YEE_CARD_TYPES);
export type YeeCardTypeEnum = YeeCardType;
registerEnumType(YeeCardTypeEnum, {
  name: 'YeeCardType',
  description: 'Prepaid card types for YEE_NOBANKCARD.',
});

export const AliQrPayMode = { SIMPLE: '0', FRONT: '1', MINI: '3' } as const;
export type AliQrPayMode = (typeof AliQrPayMode)[keyof typeof AliQrPayMode];
registerEnumType(AliQrPayMode, {
  name: 'AliQrPayMode',
  description: 'ALI_QRCODE layouts: SIMPLE (iframe >= 600x300), FRONT (>= 300x600), MINI (>= 75x75).',
});

export const RefundState = { PENDING: 'PENDING', SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED' } as const;
export type RefundState = keyof typeof RefundState;
registerEnumType(RefundState, {
  name: 'RefundState',
  description:
    'PENDING until the refund finishes (review, confirmation or the provider), then SUCCEEDED or FAILED.',
});
