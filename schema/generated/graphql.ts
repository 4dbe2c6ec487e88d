/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** ALI_QRCODE layouts: SIMPLE (iframe >= 600x300), FRONT (>= 300x600), MINI (>= 75x75). */
export type AliQrPayMode =
  | 'FRONT'
  | 'MINI'
  | 'SIMPLE';

/** Bill filters; all given ones must match. */
export type BillFilter = {
  billNo?: string | null | undefined;
  /** One channel. Not with `family`. */
  channel?: Channel | null | undefined;
  /** Created at or after (inclusive). */
  createdFrom?: string | null | undefined;
  /** Created at or before (inclusive). */
  createdTo?: string | null | undefined;
  /** Every channel of a provider. Not with `channel`. */
  family?: ChannelFamily | null | undefined;
  /** Load `messageDetail` of the listed records. */
  needDetail?: boolean | null | undefined;
  paid?: boolean | null | undefined;
  refunded?: boolean | null | undefined;
};

/** A pay channel: where and how the customer pays. */
export type Channel =
  | 'ALI_APP'
  | 'ALI_OFFLINE_QRCODE'
  | 'ALI_QRCODE'
  | 'ALI_WAP'
  | 'ALI_WEB'
  | 'BD_APP'
  | 'BD_WAP'
  | 'BD_WEB'
  | 'JD_WAP'
  | 'JD_WEB'
  | 'KUAIQIAN_WAP'
  | 'KUAIQIAN_WEB'
  | 'PAYPAL_LIVE'
  | 'PAYPAL_SANDBOX'
  | 'UN_APP'
  | 'UN_WEB'
  | 'WX_APP'
  | 'WX_JSAPI'
  | 'WX_NATIVE'
  | 'YEE_NOBANKCARD'
  | 'YEE_WAP'
  | 'YEE_WEB';

/** A payment provider; each groups several channels. */
export type ChannelFamily =
  | 'ALI'
  | 'BD'
  | 'JD'
  | 'KUAIQIAN'
  | 'PAYPAL'
  | 'UN'
  | 'WX'
  | 'YEE';

/** A new bill. Channel-specific fields are checked before anything is sent. */
export type CreateBillInput = {
  /** Analytics data (os_name, model, app_version, …): at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. */
  analysis?: Record<string, unknown> | null | undefined;
  /** Your order number: 8-32 letters or digits, unique in your app. Retrying with the same input is safe. */
  billNo: string;
  /** Seconds until the bill can no longer be paid (>= 1; not for JD). */
  billTimeoutSeconds?: number | null | undefined;
  /** YEE_NOBANKCARD: card number. */
  cardNo?: string | null | undefined;
  /** YEE_NOBANKCARD: card password. Sent to BeeCloud only; never stored or echoed. */
  cardPassword?: string | null | undefined;
  /** YEE_NOBANKCARD: card type. */
  cardType?: YeeCardType | null | undefined;
  channel: Channel;
  /** YEE_WAP: your user id, 1-50 letters or digits. */
  identityId?: string | null | undefined;
  /** WX_JSAPI: the payer's openid. */
  openid?: string | null | undefined;
  /** Your data, returned with the bill and in webhooks: at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. */
  optional?: Record<string, unknown> | null | undefined;
  /** ALI_QRCODE: the QR layout. */
  qrPayMode?: AliQrPayMode | null | undefined;
  /** Required for ALI_WEB, ALI_QRCODE, UN_WEB, JD_WAP, JD_WEB: an http(s) URL without ? or #. */
  returnUrl?: string | null | undefined;
  /** ALI_WEB, optional: the product page URL. */
  showUrl?: string | null | undefined;
  /** At most 32 bytes: ASCII counts 1, other characters 2 (16 Chinese characters). */
  title: string;
  /** Amount in fen, 1 .. 2147483647. */
  totalFeeFen: number;
};

/** A refund. Safe to retry with the same refundNo and input. */
export type CreateRefundInput = {
  /** The order number of the paid bill. */
  billNo: string;
  /** The bill's provider, to double-check. */
  channel?: RefundChannel | null | undefined;
  /** Create a pre-refund that waits for reviewRefunds; no money moves until then. */
  needApproval?: boolean;
  /** Your data, returned with the refund and in webhooks: at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. */
  optional?: Record<string, unknown> | null | undefined;
  /** Amount in fen; at most the bill’s amount. A bill can be refunded successfully once. */
  refundFeeFen: number;
  /** Today's date in China time (yyyyMMdd) then 3-24 letters or digits, not 000. */
  refundNo: string;
};

/** PAY: a bill was paid; REFUND: a refund completed. */
export type PaymentEventType =
  | 'PAY'
  | 'REFUND';

/** The providers BeeCloud refunds through. */
export type RefundChannel =
  | 'ALI'
  | 'BD'
  | 'JD'
  | 'KUAIQIAN'
  | 'UN'
  | 'WX'
  | 'YEE';

/** What the provider says of a refund: SUCCESS, PROCESSING, FAIL, or CHANGE (the account changed; refund by hand). */
export type RefundChannelStatus =
  | 'CHANGE'
  | 'FAIL'
  | 'PROCESSING'
  | 'SUCCESS';

/** Refund filters; all given ones must match. */
export type RefundFilter = {
  billNo?: string | null | undefined;
  /** One channel. Not with `family`. */
  channel?: Channel | null | undefined;
  /** Created at or after (inclusive). */
  createdFrom?: string | null | undefined;
  /** Created at or before (inclusive). */
  createdTo?: string | null | undefined;
  /** Every channel of a provider. Not with `channel`. */
  family?: ChannelFamily | null | undefined;
  /** true: pre-refunds (created with needApproval) only; false: direct refunds only. */
  needApproval?: boolean | null | undefined;
  /** Load `messageDetail` of the listed records. */
  needDetail?: boolean | null | undefined;
  refundNo?: string | null | undefined;
};

/** PENDING until the refund finishes (review, confirmation or the provider), then SUCCEEDED or FAILED. */
export type RefundState =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** How reviewing one refund ended. */
export type ReviewOutcomeCode =
  /** Approved: the refund started (ALI: after the merchant confirms). */
  | 'APPROVED'
  /** Denied: the pre-refund is closed and the bill may be refunded again. */
  | 'DENIED'
  /** BeeCloud refused this id; `message` says why (unknown, not awaiting review, …). */
  | 'FAILED'
  /** Not a refund id (a UUID): nothing was sent to BeeCloud. */
  | 'INVALID_ID'
  /** Another id (or the list) was refused before anything was sent: this one was not reviewed. */
  | 'NOT_REVIEWED'
  /** BeeCloud's answer said nothing of this id. */
  | 'NO_RESULT';

/** Approve or deny pre-refunds of one provider. */
export type ReviewRefundsInput = {
  /** true approves (money moves), false denies. */
  agree: boolean;
  channel: RefundChannel;
  denyReason?: string | null | undefined;
  /** Refund ids (1..100). */
  ids: Array<string | number>;
};

/** Providers whose refunds send no webhook and settle only when their status is synced. */
export type StatusQueryChannel =
  | 'BD'
  | 'KUAIQIAN'
  | 'WX'
  | 'YEE';

/** Prepaid card types for YEE_NOBANKCARD. */
export type YeeCardType =
  | 'JIUYOU'
  | 'JUNNET'
  | 'NETEASE'
  | 'QQCARD'
  | 'SNDACARD'
  | 'SOHU'
  | 'SZX'
  | 'TELECOM'
  | 'THIRTYTWOCARD'
  | 'TIANHONG'
  | 'TIANXIA'
  | 'UNICOM'
  | 'WANMEI'
  | 'YICHONGCARD'
  | 'ZHENGTU'
  | 'ZONGYOU';

export type BillsQueryVariables = Exact<{
  filter?: BillFilter | null | undefined;
  first?: number | null | undefined;
  offset?: number | null | undefined;
  after?: string | null | undefined;
  withTotal?: boolean | null | undefined;
}>;


export type BillsQuery = { bills: { totalCount?: number, pageInfo: { offset: number, startCursor: string | null, endCursor: string | null, hasNextPage: boolean }, items: Array<{ messageDetail: Record<string, unknown> | null, id: string, billNo: string, title: string, totalFeeFen: number, channel: ChannelFamily, subChannel: Channel, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown> }> } };

export type BillsCountQueryVariables = Exact<{
  filter?: BillFilter | null | undefined;
}>;


export type BillsCountQuery = { billsCount: number };

export type BillQueryVariables = Exact<{
  id: string | number;
}>;


export type BillQuery = { bill: { messageDetail: Record<string, unknown> | null, id: string, billNo: string, title: string, totalFeeFen: number, channel: ChannelFamily, subChannel: Channel, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown>, refunds: Array<{ id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: ChannelFamily, subChannel: Channel, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown> }> } | null };

export type BillFieldsFragment = { id: string, billNo: string, title: string, totalFeeFen: number, channel: ChannelFamily, subChannel: Channel, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown> };

export type RefundFieldsFragment = { id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: ChannelFamily, subChannel: Channel, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown> };

export type UserErrorFieldsFragment = { code: string, field: string | null, message: string };

export type CreateBillMutationVariables = Exact<{
  input: CreateBillInput;
}>;


export type CreateBillMutation = { createBill: { billId: string | null, payload:
      | { __typename: 'AliAppPayload', channel: Channel, orderString: string }
      | { __typename: 'AliOfflineQrcodePayload', channel: Channel, qrCode: string }
      | { __typename: 'AliQrcodePayload', channel: Channel, html: string, url: string }
      | { __typename: 'AliWebPayload', channel: Channel, html: string, url: string }
      | { __typename: 'BdAppPayload', channel: Channel, orderInfo: string }
      | { __typename: 'HtmlFormPayload', channel: Channel, html: string }
      | { __typename: 'NoClientStepPayload', channel: Channel }
      | { __typename: 'RedirectPayload', channel: Channel, url: string }
      | { __typename: 'UnAppPayload', channel: Channel, tn: string }
      | { __typename: 'WxAppPayload', channel: Channel, appId: string, partnerId: string, package: string, nonceStr: string, timestamp: string, paySign: string, prepayId: string }
      | { __typename: 'WxJsapiPayload', channel: Channel, appId: string, package: string, nonceStr: string, timestamp: string, paySign: string, signType: string }
      | { __typename: 'WxNativePayload', channel: Channel, codeUrl: string }
     | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type CreateRefundMutationVariables = Exact<{
  input: CreateRefundInput;
}>;


export type CreateRefundMutation = { createRefund: { refundId: string | null, confirmationUrl: string | null, refund: { id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: ChannelFamily, subChannel: Channel, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown> } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type ReviewRefundsMutationVariables = Exact<{
  input: ReviewRefundsInput;
}>;


export type ReviewRefundsMutation = { reviewRefunds: { confirmationUrl: string | null, outcomes: Array<{ refundId: string, code: ReviewOutcomeCode, ok: boolean, message: string }>, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type SyncRefundStatusMutationVariables = Exact<{
  channel: StatusQueryChannel;
  refundNo: string;
}>;


export type SyncRefundStatusMutation = { syncRefundStatus: { status: RefundChannelStatus | null, refund: { id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: ChannelFamily, subChannel: Channel, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown> } | null, userErrors: Array<{ code: string, field: string | null, message: string }> } };

export type RefundsQueryVariables = Exact<{
  filter?: RefundFilter | null | undefined;
  first?: number | null | undefined;
  offset?: number | null | undefined;
  after?: string | null | undefined;
  withTotal?: boolean | null | undefined;
}>;


export type RefundsQuery = { refunds: { totalCount?: number, pageInfo: { offset: number, endCursor: string | null, hasNextPage: boolean }, items: Array<{ id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: ChannelFamily, subChannel: Channel, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown>, bill: { id: string, billNo: string, title: string, totalFeeFen: number, channel: ChannelFamily, subChannel: Channel, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown> } | null }> } };

export type RefundsCountQueryVariables = Exact<{
  filter?: RefundFilter | null | undefined;
}>;


export type RefundsCountQuery = { refundsCount: number };

export type RefundQueryVariables = Exact<{
  id: string | number;
}>;


export type RefundQuery = { refund: { messageDetail: Record<string, unknown> | null, id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: ChannelFamily, subChannel: Channel, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown>, bill: { id: string, billNo: string, title: string, totalFeeFen: number, channel: ChannelFamily, subChannel: Channel, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown> } | null } | null };

export type BillUpdatedSubscriptionVariables = Exact<{
  billNo?: string | null | undefined;
  id?: string | number | null | undefined;
}>;


export type BillUpdatedSubscription = { billUpdated: { type: PaymentEventType, transactionId: string, feeFen: number, expectedFeeFen: number | null, feeMismatch: boolean, receivedAt: string, bill: { id: string, billNo: string, title: string, totalFeeFen: number, channel: ChannelFamily, subChannel: Channel, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown> } | null } };

export type RefundUpdatedSubscriptionVariables = Exact<{
  refundNo: string;
}>;


export type RefundUpdatedSubscription = { refundUpdated: { type: PaymentEventType, transactionId: string, feeFen: number, feeMismatch: boolean, refund: { id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: ChannelFamily, subChannel: Channel, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown> } | null, bill: { id: string, billNo: string, title: string, totalFeeFen: number, channel: ChannelFamily, subChannel: Channel, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown> } | null } };

export type PaymentEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PaymentEventsSubscription = { paymentEvents: { type: PaymentEventType, transactionId: string, channel: ChannelFamily, subChannel: Channel, feeFen: number, expectedFeeFen: number | null, feeMismatch: boolean, tradeSuccess: boolean, channelTransactionId: string | null, optional: Record<string, unknown>, receivedAt: string } };

export const BillFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}}]} as unknown as DocumentNode<BillFieldsFragment, unknown>;
export const RefundFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}}]} as unknown as DocumentNode<RefundFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const BillsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Bills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BillFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offset"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}},{"kind":"Field","name":{"kind":"Name","value":"messageDetail"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}}]} as unknown as DocumentNode<BillsQuery, BillsQueryVariables>;
export const BillsCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillsCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BillFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billsCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}]}]}}]} as unknown as DocumentNode<BillsCountQuery, BillsCountQueryVariables>;
export const BillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Bill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}},{"kind":"Field","name":{"kind":"Name","value":"messageDetail"}},{"kind":"Field","name":{"kind":"Name","value":"refunds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}}]} as unknown as DocumentNode<BillQuery, BillQueryVariables>;
export const CreateBillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billId"}},{"kind":"Field","name":{"kind":"Name","value":"payload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WxAppPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"partnerId"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"nonceStr"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"paySign"}},{"kind":"Field","name":{"kind":"Name","value":"prepayId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WxNativePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"codeUrl"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WxJsapiPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"nonceStr"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"paySign"}},{"kind":"Field","name":{"kind":"Name","value":"signType"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AliAppPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"orderString"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AliWebPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AliQrcodePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AliOfflineQrcodePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"qrCode"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnAppPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"tn"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HtmlFormPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"html"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RedirectPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BdAppPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"orderInfo"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NoClientStepPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreateBillMutation, CreateBillMutationVariables>;
export const CreateRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRefundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundId"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreateRefundMutation, CreateRefundMutationVariables>;
export const ReviewRefundsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewRefunds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewRefundsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewRefunds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ReviewRefundsMutation, ReviewRefundsMutationVariables>;
export const SyncRefundStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncRefundStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusQueryChannel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refundNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRefundStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"refundNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refundNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SyncRefundStatusMutation, SyncRefundStatusMutationVariables>;
export const RefundsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Refunds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RefundFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refunds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offset"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}},{"kind":"Field","name":{"kind":"Name","value":"bill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}}]} as unknown as DocumentNode<RefundsQuery, RefundsQueryVariables>;
export const RefundsCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RefundsCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RefundFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundsCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}]}]}}]} as unknown as DocumentNode<RefundsCountQuery, RefundsCountQueryVariables>;
export const RefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Refund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}},{"kind":"Field","name":{"kind":"Name","value":"messageDetail"}},{"kind":"Field","name":{"kind":"Name","value":"bill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}}]} as unknown as DocumentNode<RefundQuery, RefundQueryVariables>;
export const BillUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BillUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"billNo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"billNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"billNo"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"feeFen"}},{"kind":"Field","name":{"kind":"Name","value":"expectedFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"feeMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"bill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}}]} as unknown as DocumentNode<BillUpdatedSubscription, BillUpdatedSubscriptionVariables>;
export const RefundUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RefundUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refundNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refundNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refundNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"feeFen"}},{"kind":"Field","name":{"kind":"Name","value":"feeMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}}]} as unknown as DocumentNode<RefundUpdatedSubscription, RefundUpdatedSubscriptionVariables>;
export const PaymentEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PaymentEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subChannel"}},{"kind":"Field","name":{"kind":"Name","value":"feeFen"}},{"kind":"Field","name":{"kind":"Name","value":"expectedFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"feeMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"tradeSuccess"}},{"kind":"Field","name":{"kind":"Name","value":"channelTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}}]} as unknown as DocumentNode<PaymentEventsSubscription, PaymentEventsSubscriptionVariables>;