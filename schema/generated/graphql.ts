/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** ALI_QRCODE layouts (qr_pay_mode). */
export type AliQrPayMode =
  /** "1": the front mode; an iframe of at least 300x600. */
  | 'FRONT'
  /** "3": the mini front mode; an iframe of at least 75x75. */
  | 'MINI'
  /** "0": the simple front mode; an iframe of at least 600x300. */
  | 'SIMPLE';

/** BC_GATEWAY: the kind of bank card. */
export type BankCardType =
  /** A credit card ("1"). */
  | 'CREDIT'
  /** A debit card ("2"). */
  | 'DEBIT';

/** BC_GATEWAY: the payer's bank, by BeeCloud's code. */
export type BcBank =
  /** Agricultural Bank of China (中国农业银行). */
  | 'ABC'
  /** Bank of East Asia (东亚银行). */
  | 'BEA'
  /** Bank of Beijing (北京银行). */
  | 'BOB'
  /** Bank of China (中国银行). */
  | 'BOC'
  /** Bank of Communications (交通银行). */
  | 'BOCM'
  /** China Construction Bank (中国建设银行). */
  | 'CCB'
  /** China Everbright Bank (中国光大银行). */
  | 'CEB'
  /** Industrial Bank (兴业银行). */
  | 'CIB'
  /** China CITIC Bank (中信银行). */
  | 'CITIC'
  /** China Merchants Bank (招商银行). */
  | 'CMB'
  /** China Minsheng Bank (中国民生银行). */
  | 'CMBC'
  /** China Guangfa Bank (广发银行). */
  | 'GDB'
  /** Industrial and Commercial Bank of China (中国工商银行). */
  | 'ICBC'
  /** Bank of Ningbo (宁波银行). */
  | 'NBCB'
  /** Bank of Nanjing (南京银行). */
  | 'NJCB'
  /** Ping An Bank, formerly Shenzhen Development Bank (平安银行). */
  | 'SDB'
  /** Shanghai Pudong Development Bank (浦发银行). */
  | 'SPDB'
  /** Shanghai Rural Commercial Bank (上海农商银行). */
  | 'SRCB';

/** Bill filters; all given ones must match. */
export type BillFilter = {
  /** The merchant order number. */
  billNo?: string | null | undefined;
  /** Bills created with this buyerId. */
  buyerId?: string | null | undefined;
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
  /** Bills of this operator (BeeCloud's operator_id). */
  operatorId?: string | null | undefined;
  /** true: paid bills only; false: unpaid ones only. */
  paid?: boolean | null | undefined;
  /** true: refunded bills only; false: the others. */
  refunded?: boolean | null | undefined;
  /** Bills created with this sellerId. */
  sellerId?: string | null | undefined;
  /** Bills created with this storeId. */
  storeId?: string | null | undefined;
};

/** Where a bill stands, from what BeeCloud's record holds. The record says nothing of a payment that failed or a bill that timed out: such a bill stays OPEN (it can no longer be paid; create a new one). */
export type BillStatus =
  /** Not paid (yet, or ever: see the type). */
  | 'OPEN'
  /** The customer paid (spay_result). */
  | 'PAID'
  /** Paid, then refunded (refund_result). */
  | 'REFUNDED'
  /** Revoked before payment, in store (revert_result). */
  | 'REVOKED';

/** A pay channel: where and how the customer pays. */
export type Channel =
  /** Alipay in a native app (createBill). */
  | 'ALI_APP'
  /** an Alipay QR code shown at a till (createBill and createScanBill (answers a QR code)). */
  | 'ALI_OFFLINE_QRCODE'
  /** an Alipay QR code embedded in a web page (createBill; requires return_url, qr_pay_mode). */
  | 'ALI_QRCODE'
  /** the cashier scans the customer's Alipay pay code (createScanBill (needs authCode)). */
  | 'ALI_SCAN'
  /** Alipay on a mobile web page (createBill). */
  | 'ALI_WAP'
  /** Alipay on a desktop web page (createBill; requires return_url). */
  | 'ALI_WEB'
  /** Apple in-app purchase (createBill). */
  | 'APPLE'
  /** Apple in-app purchase, Apple's test environment (createBill). */
  | 'APPLE_TEST'
  /** BeeCloud's Alipay in a native app (createBill). */
  | 'BC_ALI_APP'
  /** BeeCloud's Alipay inside the Alipay app (service window) (createBill). */
  | 'BC_ALI_JSAPI'
  /** BeeCloud's Alipay QR code (createBill and createScanBill (answers a QR code)). */
  | 'BC_ALI_QRCODE'
  /** the cashier scans the customer's Alipay pay code (BeeCloud's account) (createScanBill (needs authCode)). */
  | 'BC_ALI_SCAN'
  /** BeeCloud's Alipay on a mobile web page (createBill). */
  | 'BC_ALI_WAP'
  /** BeeCloud's Alipay on a desktop web page (createBill). */
  | 'BC_ALI_WEB'
  /** BeeCloud's app payment (its SDK takes the bill id) (createBill). */
  | 'BC_APP'
  /** BeeCloud's bank-card quick pay: a card form (plain), or, with the payer named, an SMS code (authenticated) (createBill). */
  | 'BC_EXPRESS'
  /** BeeCloud's bank gateway (online banking at the payer's bank) (createBill; requires bank). */
  | 'BC_GATEWAY'
  /** BeeCloud's WeChat QR code (createBill). */
  | 'BC_NATIVE'
  /** the cashier scans a WeChat or Alipay pay code; BeeCloud tells which (BeeCloud's account) (createScanBill (needs authCode)). */
  | 'BC_SCAN'
  /** BeeCloud's WeChat Pay in a native app (createBill). */
  | 'BC_WX_APP'
  /** BeeCloud's WeChat Pay inside an official account page (createBill; requires openid). */
  | 'BC_WX_JSAPI'
  /** BeeCloud's WeChat Pay inside a mini program (createBill). */
  | 'BC_WX_MINI'
  /** the cashier scans the customer's WeChat pay code (BeeCloud's account) (createScanBill (needs authCode)). */
  | 'BC_WX_SCAN'
  /** BeeCloud's WeChat Pay from a mobile web page (createBill; requires analysis). */
  | 'BC_WX_WAP'
  /** Baidu Wallet in a native app (createBill). */
  | 'BD_APP'
  /** Baidu Wallet on a mobile web page (createBill). */
  | 'BD_WAP'
  /** Baidu Wallet on a desktop web page (createBill). */
  | 'BD_WEB'
  /** JD Pay on a mobile web page (createBill; requires return_url). */
  | 'JD_WAP'
  /** JD Pay on a desktop web page (createBill; requires return_url). */
  | 'JD_WEB'
  /** Kuaiqian on a mobile web page (createBill). */
  | 'KUAIQIAN_WAP'
  /** Kuaiqian on a desktop web page (createBill). */
  | 'KUAIQIAN_WEB'
  /** PayPal (createBill). */
  | 'PAYPAL_LIVE'
  /** PayPal's test environment (createBill). */
  | 'PAYPAL_SANDBOX'
  /** UnionPay in a native app (createBill). */
  | 'UN_APP'
  /** UnionPay on a mobile web page (createBill; requires return_url). */
  | 'UN_WAP'
  /** UnionPay on a desktop web page (createBill; requires return_url). */
  | 'UN_WEB'
  /** WeChat Pay in a native app (createBill). */
  | 'WX_APP'
  /** WeChat Pay inside a WeChat official account page (createBill; requires openid). */
  | 'WX_JSAPI'
  /** WeChat Pay inside a WeChat mini program (createBill; requires openid). */
  | 'WX_MINI'
  /** a WeChat QR code shown to the customer (createBill and createScanBill (answers a QR code)). */
  | 'WX_NATIVE'
  /** the cashier scans the customer's WeChat pay code (createScanBill (needs authCode)). */
  | 'WX_SCAN'
  /** WeChat Pay from a mobile web page (H5) (createBill; requires analysis). */
  | 'WX_WAP'
  /** a Yeepay prepaid card (the fee must equal the card value) (createBill; requires cardno, cardpwd, frqid). */
  | 'YEE_NOBANKCARD'
  /** Yeepay one-click on a mobile web page (createBill; requires identity_id). */
  | 'YEE_WAP'
  /** Yeepay on a desktop web page (createBill). */
  | 'YEE_WEB';

/** A payment provider; each groups several channels. */
export type ChannelFamily =
  /** Channels ALI_APP, ALI_WEB, ALI_QRCODE, ALI_OFFLINE_QRCODE, ALI_WAP, ALI_SCAN. */
  | 'ALI'
  /** Channels APPLE, APPLE_TEST. */
  | 'APPLE'
  /** Channels BC_GATEWAY, BC_EXPRESS, BC_APP, BC_NATIVE, BC_WX_WAP, BC_WX_JSAPI, BC_WX_APP, BC_WX_MINI, BC_ALI_QRCODE, BC_ALI_APP, BC_ALI_WAP, BC_ALI_WEB, BC_ALI_JSAPI, BC_WX_SCAN, BC_ALI_SCAN, BC_SCAN. */
  | 'BC'
  /** Channels BD_APP, BD_WEB, BD_WAP. */
  | 'BD'
  /** Channels JD_WAP, JD_WEB. */
  | 'JD'
  /** Channels KUAIQIAN_WAP, KUAIQIAN_WEB. */
  | 'KUAIQIAN'
  /** Channels PAYPAL_SANDBOX, PAYPAL_LIVE. */
  | 'PAYPAL'
  /** Channels UN_APP, UN_WEB, UN_WAP. */
  | 'UN'
  /** Channels WX_APP, WX_NATIVE, WX_JSAPI, WX_WAP, WX_MINI, WX_SCAN. */
  | 'WX'
  /** Channels YEE_WAP, YEE_WEB, YEE_NOBANKCARD. */
  | 'YEE';

/** The SMS code that confirms a BC_EXPRESS bill (authenticated payment). */
export type ConfirmExpressPaymentInput = {
  /** The bill createBill answered. */
  billId: string | number;
  /** The token createBill's BcExpressPayload answered. */
  token: string;
  /** The code the payer received by SMS. */
  verifyCode: string;
};

/** A new bill. Channel-specific fields are checked before anything is sent. */
export type CreateBillInput = {
  /** Analytics data (os_name, model, app_version, …): at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. Required, with the payer's `ip`, for WX_WAP, BC_WX_WAP. */
  analysis?: Record<string, unknown> | null | undefined;
  /** Required for BC_GATEWAY: the payer's bank. */
  bank?: BcBank | null | undefined;
  /** BC_EXPRESS, optional: the bank card number. */
  bankCardNo?: string | null | undefined;
  /** BC_GATEWAY, optional: credit or debit. */
  bankCardType?: BankCardType | null | undefined;
  /** Your order number: 8-32 letters or digits, unique in your app. Retrying with the same input is safe. */
  billNo: string;
  /** Seconds until the bill can no longer be paid (>= 1; not for JD). */
  billTimeoutSeconds?: number | null | undefined;
  /** Your id of the buyer. Required for BC_EXPRESS (authenticated). */
  buyerId?: string | null | undefined;
  /** Required for YEE_NOBANKCARD: the prepaid card's number. */
  cardNo?: string | null | undefined;
  /** Required for YEE_NOBANKCARD: the card's password. Sent to BeeCloud only; never stored or echoed. */
  cardPassword?: string | null | undefined;
  /** Required for YEE_NOBANKCARD: the card's type. */
  cardType?: YeeCardType | null | undefined;
  /** Where and how the customer pays; see each value for what it requires. */
  channel: Channel;
  /** A coupon of a marketing campaign. */
  couponId?: string | null | undefined;
  /** BC_EXPRESS, authenticated mode: who pays (sent to BeeCloud in `optional`; the sandbox does not keep it); an SMS code to the payer then confirms the bill (confirmExpressPayment), and buyerId is required. Without it, BC_EXPRESS is plain quick pay and answers an HTML card form. */
  expressPayer?: ExpressPayerInput | null | undefined;
  /** Required for YEE_WAP: your user id, 1-50 letters or digits. */
  identityId?: string | null | undefined;
  /** Refuse credit cards for this bill. */
  limitCredit?: boolean | null | undefined;
  /** Sends this bill's webhooks here instead of to the app's URL. Only under the gateway's NOTIFY_URL_PREFIXES: a webhook sent elsewhere never reaches the gateway, so billUpdated would not fire. */
  notifyUrl?: string | null | undefined;
  /** WX_JSAPI, WX_MINI, BC_WX_JSAPI: the payer's openid. */
  openid?: string | null | undefined;
  /** Your data, returned with the bill and in webhooks: at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. */
  optional?: Record<string, unknown> | null | undefined;
  /** Required for ALI_QRCODE: the QR layout. */
  qrPayMode?: AliQrPayMode | null | undefined;
  /** Required for ALI_WEB, ALI_QRCODE, UN_WEB, UN_WAP, JD_WAP, JD_WEB: an http(s) URL without ? or #. */
  returnUrl?: string | null | undefined;
  /** Your id of the seller. */
  sellerId?: string | null | undefined;
  /** ALI_WEB, optional: the product page URL. */
  showUrl?: string | null | undefined;
  /** Your store number, for filters and reports. */
  storeId?: string | null | undefined;
  /** At most 32 bytes: ASCII counts 1, other characters 2 (16 Chinese characters). */
  title: string;
  /** Amount in fen, 1 .. 2147483647. */
  totalFeeFen: number;
  /** ALI_WAP, optional: try to open the Alipay app. */
  useApp?: boolean | null | undefined;
};

/** An in-store refund: it completes at once. Safe to retry with the same refundNo and input. */
export type CreateOfflineRefundInput = {
  /** The order number of the paid bill. */
  billNo: string;
  /** The bill's provider, to double-check. */
  channel?: OfflineRefundChannel | null | undefined;
  /** Your operator at the till. */
  operatorId?: string | null | undefined;
  /** Your data, returned with the refund and in webhooks: at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. */
  optional?: Record<string, unknown> | null | undefined;
  /** Why the customer is refunded. */
  reason?: string | null | undefined;
  /** Where the money comes from (default: unsettled funds). */
  refundAccount?: RefundAccount | null | undefined;
  /** Amount in fen; at most the bill’s amount. A bill can be refunded successfully once. */
  refundFeeFen: number;
  /** Today's date in China time (yyyyMMdd) then 3-24 letters or digits, not 000. */
  refundNo: string;
  /** Your store number. */
  storeId?: string | null | undefined;
};

/** A refund. Safe to retry with the same refundNo and input. */
export type CreateRefundInput = {
  /** The order number of the paid bill. */
  billNo: string;
  /** The bill's provider, to double-check. */
  channel?: RefundChannel | null | undefined;
  /** Create a pre-refund that waits for reviewRefunds; no money moves until then. */
  needApproval?: boolean;
  /** Sends this refund's webhook here instead of to the app's URL; only under the gateway's NOTIFY_URL_PREFIXES. */
  notifyUrl?: string | null | undefined;
  /** Your data, returned with the refund and in webhooks: at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. */
  optional?: Record<string, unknown> | null | undefined;
  /** Where the money comes from (default: unsettled funds). */
  refundAccount?: RefundAccount | null | undefined;
  /** Amount in fen; at most the bill’s amount. A bill can be refunded successfully once. */
  refundFeeFen: number;
  /** Today's date in China time (yyyyMMdd) then 3-24 letters or digits, not 000. */
  refundNo: string;
};

/** An in-store bill: the customer's pay code scanned at the till, or a QR code to show. */
export type CreateScanBillInput = {
  /** Analytics data (os_name, model, app_version, …): at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. Required, with the payer's `ip`, for WX_WAP, BC_WX_WAP. */
  analysis?: Record<string, unknown> | null | undefined;
  /** The customer's pay code as the scanner read it; required for WX_SCAN, ALI_SCAN, BC_WX_SCAN, BC_ALI_SCAN, BC_SCAN. */
  authCode?: string | null | undefined;
  /** Your order number: 8-32 letters or digits, unique in your app. Retrying with the same input is safe. */
  billNo: string;
  /** Your id of the buyer. Required for BC_EXPRESS (authenticated). */
  buyerId?: string | null | undefined;
  /** The in-store channel, or SCAN to let BeeCloud tell the wallet from authCode. */
  channel: InStoreChannel;
  /** A coupon of a marketing campaign. */
  couponId?: string | null | undefined;
  /** Sends this bill's webhooks here instead of to the app's URL. Only under the gateway's NOTIFY_URL_PREFIXES: a webhook sent elsewhere never reaches the gateway, so billUpdated would not fire. */
  notifyUrl?: string | null | undefined;
  /** Your data, returned with the bill and in webhooks: at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. */
  optional?: Record<string, unknown> | null | undefined;
  /** Your id of the seller. */
  sellerId?: string | null | undefined;
  /** Your store number, for filters and reports. */
  storeId?: string | null | undefined;
  /** ALI_SCAN: the till's terminal number (at most 32 characters). */
  terminalId?: string | null | undefined;
  /** At most 32 bytes: ASCII counts 1, other characters 2 (16 Chinese characters). */
  title: string;
  /** Amount in fen, 1 .. 2147483647. */
  totalFeeFen: number;
};

/** BC_EXPRESS's payer: the four elements the first time, or the token an earlier payment of the same buyer answered. */
export type ExpressPayerInput = {
  /** The bank card number. */
  cardNo?: string | null | undefined;
  /** The card holder's name. */
  customerName?: string | null | undefined;
  /** The card holder's identity card number. */
  idNo?: string | null | undefined;
  /** The payer's mobile number; the SMS code goes there. */
  phoneNo?: string | null | undefined;
  /** Instead of the four: the token of an earlier payment. */
  token?: string | null | undefined;
};

/** An in-store channel: a QR code to show, or the customer’s pay code scanned. */
export type InStoreChannel =
  /** an Alipay QR code shown at a till (createBill and createScanBill (answers a QR code)). */
  | 'ALI_OFFLINE_QRCODE'
  /** the cashier scans the customer's Alipay pay code (createScanBill (needs authCode)). */
  | 'ALI_SCAN'
  /** BeeCloud's Alipay QR code (createBill and createScanBill (answers a QR code)). */
  | 'BC_ALI_QRCODE'
  /** the cashier scans the customer's Alipay pay code (BeeCloud's account) (createScanBill (needs authCode)). */
  | 'BC_ALI_SCAN'
  /** the cashier scans a WeChat or Alipay pay code; BeeCloud tells which (BeeCloud's account) (createScanBill (needs authCode)). */
  | 'BC_SCAN'
  /** the cashier scans the customer's WeChat pay code (BeeCloud's account) (createScanBill (needs authCode)). */
  | 'BC_WX_SCAN'
  /** the cashier scans the customer's WeChat Pay or Alipay code and BeeCloud tells which (needs authCode); the bill is then a WX_SCAN or ALI_SCAN bill, as scannedChannel says. */
  | 'SCAN'
  /** a WeChat QR code shown to the customer (createBill and createScanBill (answers a QR code)). */
  | 'WX_NATIVE'
  /** the cashier scans the customer's WeChat pay code (createScanBill (needs authCode)). */
  | 'WX_SCAN';

/** The providers the in-store refund names (a BC bill is refunded without a channel). */
export type OfflineRefundChannel =
  /** Channels ALI_APP, ALI_WEB, ALI_QRCODE, ALI_OFFLINE_QRCODE, ALI_WAP, ALI_SCAN. */
  | 'ALI'
  /** Channels WX_APP, WX_NATIVE, WX_JSAPI, WX_WAP, WX_MINI, WX_SCAN. */
  | 'WX';

/** What a payment event reports. */
export type PaymentEventType =
  /** A bill was paid. */
  | 'PAY'
  /** A refund completed. */
  | 'REFUND';

/** Where refunded money comes from: unsettled funds (the default) or the available balance. */
export type RefundAccount =
  /** From the merchant's available balance (1). */
  | 'AVAILABLE_BALANCE'
  /** From funds not yet settled to the merchant (0, the default). */
  | 'UNSETTLED_FUNDS';

/** The providers BeeCloud refunds through. */
export type RefundChannel =
  /** Channels ALI_APP, ALI_WEB, ALI_QRCODE, ALI_OFFLINE_QRCODE, ALI_WAP, ALI_SCAN. */
  | 'ALI'
  /** Channels BD_APP, BD_WEB, BD_WAP. */
  | 'BD'
  /** Channels JD_WAP, JD_WEB. */
  | 'JD'
  /** Channels KUAIQIAN_WAP, KUAIQIAN_WEB. */
  | 'KUAIQIAN'
  /** Channels UN_APP, UN_WEB, UN_WAP. */
  | 'UN'
  /** Channels WX_APP, WX_NATIVE, WX_JSAPI, WX_WAP, WX_MINI, WX_SCAN. */
  | 'WX'
  /** Channels YEE_WAP, YEE_WEB, YEE_NOBANKCARD. */
  | 'YEE';

/** What the provider says of a refund: SUCCESS, PROCESSING, FAIL, or CHANGE (the account changed; refund by hand). */
export type RefundChannelStatus =
  /** The customer's account changed: the money cannot go back there; refund by hand. */
  | 'CHANGE'
  /** The refund failed. */
  | 'FAIL'
  /** Still with the provider: ask again later. */
  | 'PROCESSING'
  /** The money went back. */
  | 'SUCCESS';

/** Refund filters; all given ones must match. */
export type RefundFilter = {
  /** The refunded bill's order number. */
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
  /** Your refund number. */
  refundNo?: string | null | undefined;
};

/** PENDING until the refund finishes (review, confirmation or the provider), then SUCCEEDED, FAILED or DENIED. */
export type RefundState =
  /** A pre-refund denied in review: no money moved, and the bill may be refunded again. */
  | 'DENIED'
  /** Over without a refund: the provider failed it. */
  | 'FAILED'
  /** Awaiting review, the merchant’s confirmation (ALI) or the provider. */
  | 'PENDING'
  /** The money went back. */
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
  /** The provider of every refund listed. */
  channel: RefundChannel;
  /** Why, when denying (kept by BeeCloud). */
  denyReason?: string | null | undefined;
  /** Refund ids (1..100). */
  ids: Array<string | number>;
};

/** Providers whose refunds send no webhook and settle only when their status is synced. */
export type StatusQueryChannel =
  /** Channels BC_GATEWAY, BC_EXPRESS, BC_APP, BC_NATIVE, BC_WX_WAP, BC_WX_JSAPI, BC_WX_APP, BC_WX_MINI, BC_ALI_QRCODE, BC_ALI_APP, BC_ALI_WAP, BC_ALI_WEB, BC_ALI_JSAPI, BC_WX_SCAN, BC_ALI_SCAN, BC_SCAN. */
  | 'BC'
  /** Channels BD_APP, BD_WEB, BD_WAP. */
  | 'BD'
  /** Channels KUAIQIAN_WAP, KUAIQIAN_WEB. */
  | 'KUAIQIAN'
  /** Channels WX_APP, WX_NATIVE, WX_JSAPI, WX_WAP, WX_MINI, WX_SCAN. */
  | 'WX'
  /** Channels YEE_WAP, YEE_WEB, YEE_NOBANKCARD. */
  | 'YEE';

/** Why a mutation changed nothing: BeeCloud’s result names, and the gateway’s NOT_APPLICABLE. */
export type UserErrorCode =
  /** The bill has a refund in progress. */
  | 'ALREADY_REFUNDING'
  /** The billNo was used for another bill (or for this one with other values). */
  | 'BILL_NO_DUPLICATE'
  /** The bill is not paid. */
  | 'BILL_UNSUCCESS'
  /** The channel declined the customer’s pay code (in store): ask for another. */
  | 'CHANNEL_ERROR'
  /** This operation does not take the channel (or the bill’s channel does not allow it). */
  | 'CHANNEL_INVALID'
  /** A required field is missing; `field` names it. */
  | 'MISS_PARAM'
  /** The field does not apply to the channel: leave it out. */
  | 'NOT_APPLICABLE'
  /** No such bill in this app. */
  | 'NO_SUCH_BILL'
  /** No such refund in this app. */
  | 'NO_SUCH_REFUND'
  /** A field breaks a rule; `field` names it and `message` the rule. */
  | 'PARAM_INVALID'
  /** The channel is not configured for this BeeCloud app. */
  | 'PAY_FACTOR_NOT_SET'
  /** The bill already has a pre-refund awaiting review. */
  | 'PREREFUND_DUPLICATE'
  /** More than the bill can still refund. */
  | 'REFUND_AMOUNT_TOO_LARGE'
  /** The bill is past its refund period. */
  | 'REFUND_EXCEED_TIME';

/** Prepaid card types for YEE_NOBANKCARD. */
export type YeeCardType =
  /** 久游卡 */
  | 'JIUYOU'
  /** 骏网一卡通 */
  | 'JUNNET'
  /** 网易卡 */
  | 'NETEASE'
  /** Q币卡 */
  | 'QQCARD'
  /** 盛大卡 */
  | 'SNDACARD'
  /** 搜狐卡 */
  | 'SOHU'
  /** 神州行 */
  | 'SZX'
  /** 电信卡 */
  | 'TELECOM'
  /** 32 一卡通 */
  | 'THIRTYTWOCARD'
  /** 天宏一卡通 */
  | 'TIANHONG'
  /** 天下一卡通 */
  | 'TIANXIA'
  /** 联通卡 */
  | 'UNICOM'
  /** 完美卡 */
  | 'WANMEI'
  /** 易充卡 */
  | 'YICHONGCARD'
  /** 征途卡 */
  | 'ZHENGTU'
  /** 纵游一卡通 */
  | 'ZONGYOU';

export type BillsQueryVariables = Exact<{
  filter?: BillFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  withTotal?: boolean | null | undefined;
}>;


export type BillsQuery = { bills: { totalCount?: number, pageInfo: { startCursor: string | null, endCursor: string | null, hasNextPage: boolean, hasPreviousPage: boolean }, nodes: Array<{ messageDetail: Record<string, unknown> | null, id: string, billNo: string, title: string, totalFeeFen: number, channel: Channel, family: ChannelFamily, status: BillStatus, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown>, billFeeFen: number | null, discountFen: number | null, couponId: string | null, buyerId: string | null, sellerId: string | null, storeId: string | null, operatorId: string | null, total: { amount: number, currency: string, formatted: string } }> } };

export type BillsCountQueryVariables = Exact<{
  filter?: BillFilter | null | undefined;
}>;


export type BillsCountQuery = { billsCount: number };

export type BillQueryVariables = Exact<{
  id: string | number;
}>;


export type BillQuery = { bill: { messageDetail: Record<string, unknown> | null, id: string, billNo: string, title: string, totalFeeFen: number, channel: Channel, family: ChannelFamily, status: BillStatus, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown>, billFeeFen: number | null, discountFen: number | null, couponId: string | null, buyerId: string | null, sellerId: string | null, storeId: string | null, operatorId: string | null, refunds: Array<{ id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: Channel, family: ChannelFamily, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown>, refundFee: { amount: number, currency: string, formatted: string } }>, total: { amount: number, currency: string, formatted: string } } | null };

export type OfflineBillStatusQueryVariables = Exact<{
  billNo: string;
  channel?: Channel | null | undefined;
}>;


export type OfflineBillStatusQuery = { offlineBillStatus: { billNo: string, paid: boolean } | null };

export type ReconciliationQueryVariables = Exact<{
  billId: string | number;
}>;


export type ReconciliationQuery = { reconciliation: { billId: string, paid: boolean } | null };

export type BillFieldsFragment = { id: string, billNo: string, title: string, totalFeeFen: number, channel: Channel, family: ChannelFamily, status: BillStatus, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown>, billFeeFen: number | null, discountFen: number | null, couponId: string | null, buyerId: string | null, sellerId: string | null, storeId: string | null, operatorId: string | null, total: { amount: number, currency: string, formatted: string } };

export type RefundFieldsFragment = { id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: Channel, family: ChannelFamily, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown>, refundFee: { amount: number, currency: string, formatted: string } };

export type UserErrorFieldsFragment = { code: UserErrorCode, field: string | null, message: string };

export type MoneyFieldsFragment = { amount: number, currency: string, formatted: string };

export type CreateBillMutationVariables = Exact<{
  input: CreateBillInput;
}>;


export type CreateBillMutation = { createBill: { billId: string | null, payload:
      | { __typename: 'AliAppPayload', channel: Channel, orderString: string, alipayCodeUrl: string | null }
      | { __typename: 'AliOfflineQrcodePayload', channel: Channel, qrCode: string }
      | { __typename: 'AliQrcodePayload', channel: Channel, html: string, url: string }
      | { __typename: 'AliWebPayload', channel: Channel, html: string, url: string, alipayCodeUrl: string | null }
      | { __typename: 'BcExpressPayload', channel: Channel, token: string }
      | { __typename: 'BdAppPayload', channel: Channel, orderInfo: string }
      | { __typename: 'HtmlFormPayload', channel: Channel, html: string }
      | { __typename: 'NoClientStepPayload', channel: Channel }
      | { __typename: 'RedirectPayload', channel: Channel, url: string }
      | { __typename: 'UnAppPayload', channel: Channel, tn: string }
      | { __typename: 'WxAppPayload', channel: Channel, appId: string, partnerId: string, package: string, nonceStr: string, timestamp: string, paySign: string, prepayId: string }
      | { __typename: 'WxJsapiPayload', channel: Channel, appId: string, package: string, nonceStr: string, timestamp: string, paySign: string, signType: string, jsapiParams: Record<string, unknown> }
      | { __typename: 'WxNativePayload', channel: Channel, codeUrl: string }
     | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type CreateRefundMutationVariables = Exact<{
  input: CreateRefundInput;
}>;


export type CreateRefundMutation = { createRefund: { refundId: string | null, confirmationUrl: string | null, refund: { id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: Channel, family: ChannelFamily, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown>, refundFee: { amount: number, currency: string, formatted: string } } | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type ReviewRefundsMutationVariables = Exact<{
  input: ReviewRefundsInput;
}>;


export type ReviewRefundsMutation = { reviewRefunds: { confirmationUrl: string | null, outcomes: Array<{ refundId: string, code: ReviewOutcomeCode, ok: boolean, message: string }>, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type SyncRefundStatusMutationVariables = Exact<{
  channel: StatusQueryChannel;
  refundNo: string;
}>;


export type SyncRefundStatusMutation = { syncRefundStatus: { status: RefundChannelStatus | null, refund: { id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: Channel, family: ChannelFamily, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown>, refundFee: { amount: number, currency: string, formatted: string } } | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type ConfirmExpressPaymentMutationVariables = Exact<{
  input: ConfirmExpressPaymentInput;
}>;


export type ConfirmExpressPaymentMutation = { confirmExpressPayment: { billId: string | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type CreateScanBillMutationVariables = Exact<{
  input: CreateScanBillInput;
}>;


export type CreateScanBillMutation = { createScanBill: { billId: string | null, paid: boolean | null, scannedChannel: Channel | null, codeUrl: string | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type RevertBillMutationVariables = Exact<{
  billNo: string;
  channel?: Channel | null | undefined;
}>;


export type RevertBillMutation = { revertBill: { revoked: boolean | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type CreateOfflineRefundMutationVariables = Exact<{
  input: CreateOfflineRefundInput;
}>;


export type CreateOfflineRefundMutation = { createOfflineRefund: { refundId: string | null, succeeded: boolean | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type RefundsQueryVariables = Exact<{
  filter?: RefundFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  withTotal?: boolean | null | undefined;
}>;


export type RefundsQuery = { refunds: { totalCount?: number, pageInfo: { endCursor: string | null, hasNextPage: boolean, hasPreviousPage: boolean }, nodes: Array<{ id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: Channel, family: ChannelFamily, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown>, bill: { id: string, billNo: string, title: string, totalFeeFen: number, channel: Channel, family: ChannelFamily, status: BillStatus, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown>, billFeeFen: number | null, discountFen: number | null, couponId: string | null, buyerId: string | null, sellerId: string | null, storeId: string | null, operatorId: string | null, total: { amount: number, currency: string, formatted: string } } | null, refundFee: { amount: number, currency: string, formatted: string } }> } };

export type RefundsCountQueryVariables = Exact<{
  filter?: RefundFilter | null | undefined;
}>;


export type RefundsCountQuery = { refundsCount: number };

export type RefundQueryVariables = Exact<{
  id: string | number;
}>;


export type RefundQuery = { refund: { messageDetail: Record<string, unknown> | null, id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: Channel, family: ChannelFamily, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown>, bill: { id: string, billNo: string, title: string, totalFeeFen: number, channel: Channel, family: ChannelFamily, status: BillStatus, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown>, billFeeFen: number | null, discountFen: number | null, couponId: string | null, buyerId: string | null, sellerId: string | null, storeId: string | null, operatorId: string | null, total: { amount: number, currency: string, formatted: string } } | null, refundFee: { amount: number, currency: string, formatted: string } } | null };

export type BillUpdatedSubscriptionVariables = Exact<{
  billNo?: string | null | undefined;
  id?: string | number | null | undefined;
}>;


export type BillUpdatedSubscription = { billUpdated: { type: PaymentEventType, transactionId: string, feeFen: number, expectedFeeFen: number | null, feeMismatch: boolean, receivedAt: string, bill: { id: string, billNo: string, title: string, totalFeeFen: number, channel: Channel, family: ChannelFamily, status: BillStatus, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown>, billFeeFen: number | null, discountFen: number | null, couponId: string | null, buyerId: string | null, sellerId: string | null, storeId: string | null, operatorId: string | null, total: { amount: number, currency: string, formatted: string } } | null } };

export type RefundUpdatedSubscriptionVariables = Exact<{
  refundNo: string;
}>;


export type RefundUpdatedSubscription = { refundUpdated: { type: PaymentEventType, transactionId: string, feeFen: number, feeMismatch: boolean, refund: { id: string, refundNo: string, billNo: string, refundFeeFen: number, billTotalFeeFen: number, title: string, channel: Channel, family: ChannelFamily, finished: boolean, succeeded: boolean, state: RefundState, createdAt: string, optional: Record<string, unknown>, refundFee: { amount: number, currency: string, formatted: string } } | null, bill: { id: string, billNo: string, title: string, totalFeeFen: number, channel: Channel, family: ChannelFamily, status: BillStatus, paid: boolean, refunded: boolean, revoked: boolean, tradeNo: string | null, createdAt: string, optional: Record<string, unknown>, billFeeFen: number | null, discountFen: number | null, couponId: string | null, buyerId: string | null, sellerId: string | null, storeId: string | null, operatorId: string | null, total: { amount: number, currency: string, formatted: string } } | null } };

export type PaymentEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PaymentEventsSubscription = { paymentEvents: { type: PaymentEventType, transactionId: string, channel: Channel, family: ChannelFamily, feeFen: number, expectedFeeFen: number | null, feeMismatch: boolean, tradeSuccess: boolean, channelTransactionId: string | null, optional: Record<string, unknown>, receivedAt: string } };

export const MoneyFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]} as unknown as DocumentNode<MoneyFieldsFragment, unknown>;
export const BillFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"billFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"discountFen"}},{"kind":"Field","name":{"kind":"Name","value":"couponId"}},{"kind":"Field","name":{"kind":"Name","value":"buyerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"operatorId"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]} as unknown as DocumentNode<BillFieldsFragment, unknown>;
export const RefundFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]} as unknown as DocumentNode<RefundFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const BillsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Bills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BillFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}},{"kind":"Field","name":{"kind":"Name","value":"messageDetail"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"billFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"discountFen"}},{"kind":"Field","name":{"kind":"Name","value":"couponId"}},{"kind":"Field","name":{"kind":"Name","value":"buyerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"operatorId"}}]}}]} as unknown as DocumentNode<BillsQuery, BillsQueryVariables>;
export const BillsCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillsCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BillFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billsCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}]}]}}]} as unknown as DocumentNode<BillsCountQuery, BillsCountQueryVariables>;
export const BillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Bill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}},{"kind":"Field","name":{"kind":"Name","value":"messageDetail"}},{"kind":"Field","name":{"kind":"Name","value":"refunds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"billFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"discountFen"}},{"kind":"Field","name":{"kind":"Name","value":"couponId"}},{"kind":"Field","name":{"kind":"Name","value":"buyerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"operatorId"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}}]} as unknown as DocumentNode<BillQuery, BillQueryVariables>;
export const OfflineBillStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfflineBillStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"billNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offlineBillStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"billNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"billNo"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}}]}}]}}]} as unknown as DocumentNode<OfflineBillStatusQuery, OfflineBillStatusQueryVariables>;
export const ReconciliationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Reconciliation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"billId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconciliation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"billId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"billId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billId"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}}]}}]}}]} as unknown as DocumentNode<ReconciliationQuery, ReconciliationQueryVariables>;
export const CreateBillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billId"}},{"kind":"Field","name":{"kind":"Name","value":"payload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WxAppPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"partnerId"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"nonceStr"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"paySign"}},{"kind":"Field","name":{"kind":"Name","value":"prepayId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WxNativePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"codeUrl"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WxJsapiPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"package"}},{"kind":"Field","name":{"kind":"Name","value":"nonceStr"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"paySign"}},{"kind":"Field","name":{"kind":"Name","value":"signType"}},{"kind":"Field","name":{"kind":"Name","value":"jsapiParams"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AliAppPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"orderString"}},{"kind":"Field","alias":{"kind":"Name","value":"alipayCodeUrl"},"name":{"kind":"Name","value":"codeUrl"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AliWebPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","alias":{"kind":"Name","value":"alipayCodeUrl"},"name":{"kind":"Name","value":"codeUrl"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AliQrcodePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AliOfflineQrcodePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"qrCode"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnAppPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"tn"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HtmlFormPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"html"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RedirectPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BdAppPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"orderInfo"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BcExpressPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NoClientStepPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreateBillMutation, CreateBillMutationVariables>;
export const CreateRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRefundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundId"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreateRefundMutation, CreateRefundMutationVariables>;
export const ReviewRefundsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewRefunds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewRefundsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewRefunds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ReviewRefundsMutation, ReviewRefundsMutationVariables>;
export const SyncRefundStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncRefundStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusQueryChannel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refundNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRefundStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"refundNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refundNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SyncRefundStatusMutation, SyncRefundStatusMutationVariables>;
export const ConfirmExpressPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmExpressPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmExpressPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmExpressPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ConfirmExpressPaymentMutation, ConfirmExpressPaymentMutationVariables>;
export const CreateScanBillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateScanBill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateScanBillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createScanBill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billId"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"scannedChannel"}},{"kind":"Field","name":{"kind":"Name","value":"codeUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreateScanBillMutation, CreateScanBillMutationVariables>;
export const RevertBillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevertBill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"billNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revertBill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"billNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"billNo"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RevertBillMutation, RevertBillMutationVariables>;
export const CreateOfflineRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOfflineRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOfflineRefundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOfflineRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundId"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreateOfflineRefundMutation, CreateOfflineRefundMutationVariables>;
export const RefundsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Refunds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RefundFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refunds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}},{"kind":"Field","name":{"kind":"Name","value":"bill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"billFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"discountFen"}},{"kind":"Field","name":{"kind":"Name","value":"couponId"}},{"kind":"Field","name":{"kind":"Name","value":"buyerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"operatorId"}}]}}]} as unknown as DocumentNode<RefundsQuery, RefundsQueryVariables>;
export const RefundsCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RefundsCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RefundFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundsCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}]}]}}]} as unknown as DocumentNode<RefundsCountQuery, RefundsCountQueryVariables>;
export const RefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Refund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}},{"kind":"Field","name":{"kind":"Name","value":"messageDetail"}},{"kind":"Field","name":{"kind":"Name","value":"bill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"billFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"discountFen"}},{"kind":"Field","name":{"kind":"Name","value":"couponId"}},{"kind":"Field","name":{"kind":"Name","value":"buyerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"operatorId"}}]}}]} as unknown as DocumentNode<RefundQuery, RefundQueryVariables>;
export const BillUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BillUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"billNo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"billNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"billNo"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"feeFen"}},{"kind":"Field","name":{"kind":"Name","value":"expectedFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"feeMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"bill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"billFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"discountFen"}},{"kind":"Field","name":{"kind":"Name","value":"couponId"}},{"kind":"Field","name":{"kind":"Name","value":"buyerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"operatorId"}}]}}]} as unknown as DocumentNode<BillUpdatedSubscription, BillUpdatedSubscriptionVariables>;
export const RefundUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RefundUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refundNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refundNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refundNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"feeFen"}},{"kind":"Field","name":{"kind":"Name","value":"feeMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refundNo"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"refundFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"billTotalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Bill"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"billFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"discountFen"}},{"kind":"Field","name":{"kind":"Name","value":"couponId"}},{"kind":"Field","name":{"kind":"Name","value":"buyerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"operatorId"}}]}}]} as unknown as DocumentNode<RefundUpdatedSubscription, RefundUpdatedSubscriptionVariables>;
export const PaymentEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PaymentEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"feeFen"}},{"kind":"Field","name":{"kind":"Name","value":"expectedFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"feeMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"tradeSuccess"}},{"kind":"Field","name":{"kind":"Name","value":"channelTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}}]} as unknown as DocumentNode<PaymentEventsSubscription, PaymentEventsSubscriptionVariables>;