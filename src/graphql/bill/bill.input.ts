import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { ListFilter } from '../common/filter.js';
import {
  channelsRequiring,
  channelsRequiringWhenAuthenticated,
  type ChannelField,
} from '../../wire/index.js';
import {
  AliQrPayMode,
  BankCardType,
  BcBank,
  Channel,
  InStoreChannel,
  YeeCardTypeEnum,
} from '../common/enums.js';

/** The channels that require a field, from src/wire's channel table ("BC_EXPRESS (authenticated)" for a mode). */
const requiring = (field: ChannelField) =>
  [
    ...channelsRequiring(field),
    ...channelsRequiringWhenAuthenticated(field).map((channel) => `${channel} (authenticated)`),
  ].join(', ');

@InputType({ description: 'Bill filters; all given ones must match.' })
export class BillFilter extends ListFilter {
  @Field(() => String, { nullable: true, description: 'The merchant order number.' })
  billNo?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: paid bills only; false: unpaid ones only.' })
  paid?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: refunded bills only; false: the others.' })
  refunded?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Bills created with this buyerId.' })
  buyerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Bills created with this sellerId.' })
  sellerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Bills created with this storeId.' })
  storeId?: string | null;

  @Field(() => String, { nullable: true, description: "Bills of this operator (BeeCloud's operator_id)." })
  operatorId?: string | null;
}

/** What every bill takes, online or in store (each declares its `channel`). */
@InputType()
export abstract class BillBaseInput {
  abstract channel: Channel | InStoreChannel;

  @Field({
    description:
      'Your order number: 8-32 letters or digits, unique in your app. Retrying with the same input is safe.',
  })
  billNo!: string;

  @Field(() => Int, { description: 'Amount in fen, 1 .. 2147483647.' })
  totalFeeFen!: number;

  @Field({ description: 'At most 32 bytes: ASCII counts 1, other characters 2 (16 Chinese characters).' })
  title!: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Your data, returned with the bill and in webhooks: at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON.',
  })
  optional?: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Analytics data (os_name, model, app_version, …): at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON. ' +
      `Required, with the payer's \`ip\`, for ${requiring('analysis')}.`,
  })
  analysis?: Record<string, unknown> | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Sends this bill's webhooks here instead of to the app's URL. Only under the gateway's NOTIFY_URL_PREFIXES: " +
      'a webhook sent elsewhere never reaches the gateway, so billUpdated would not fire.',
  })
  notifyUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Your store number, for filters and reports.' })
  storeId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Your id of the buyer. Required for ${requiring('buyer_id')}.`,
  })
  buyerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Your id of the seller.' })
  sellerId?: string | null;

  @Field(() => String, { nullable: true, description: 'A coupon of a marketing campaign.' })
  couponId?: string | null;
}

@InputType({
  description:
    "BC_EXPRESS's payer: the four elements the first time, or the token an earlier payment of the same buyer answered.",
})
export class ExpressPayerInput {
  @Field(() => String, { nullable: true, description: "The payer's mobile number; the SMS code goes there." })
  phoneNo?: string | null;

  @Field(() => String, { nullable: true, description: 'The bank card number.' })
  cardNo?: string | null;

  @Field(() => String, { nullable: true, description: "The card holder's identity card number." })
  idNo?: string | null;

  @Field(() => String, { nullable: true, description: "The card holder's name." })
  customerName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Instead of the four: the token of an earlier payment.',
  })
  token?: string | null;
}

@InputType({ description: 'A new bill. Channel-specific fields are checked before anything is sent.' })
export class CreateBillInput extends BillBaseInput {
  @Field(() => Channel, {
    description: 'Where and how the customer pays; see each value for what it requires.',
  })
  channel!: Channel;

  @Field(() => String, {
    nullable: true,
    description: `Required for ${requiring('return_url')}: an http(s) URL without ? or #.`,
  })
  returnUrl?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds until the bill can no longer be paid (>= 1; not for JD).',
  })
  billTimeoutSeconds?: number | null;

  @Field(() => String, { nullable: true, description: `${requiring('openid')}: the payer's openid.` })
  openid?: string | null;

  @Field(() => String, { nullable: true, description: 'ALI_WEB, optional: the product page URL.' })
  showUrl?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'ALI_WAP, optional: try to open the Alipay app.' })
  useApp?: boolean | null;

  @Field(() => AliQrPayMode, {
    nullable: true,
    description: `Required for ${requiring('qr_pay_mode')}: the QR layout.`,
  })
  qrPayMode?: AliQrPayMode | null;

  @Field(() => String, {
    nullable: true,
    description: `Required for ${requiring('identity_id')}: your user id, 1-50 letters or digits.`,
  })
  identityId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Required for ${requiring('cardno')}: the prepaid card's number.`,
  })
  cardNo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Required for ${requiring('cardpwd')}: the card's password. Sent to BeeCloud only; never stored or echoed.`,
  })
  cardPassword?: string | null;

  @Field(() => YeeCardTypeEnum, {
    nullable: true,
    description: `Required for ${requiring('frqid')}: the card's type.`,
  })
  cardType?: YeeCardTypeEnum | null;

  @Field(() => Boolean, { nullable: true, description: 'Refuse credit cards for this bill.' })
  limitCredit?: boolean | null;

  @Field(() => BcBank, {
    nullable: true,
    description: `Required for ${requiring('bank')}: the payer's bank.`,
  })
  bank?: BcBank | null;

  @Field(() => BankCardType, { nullable: true, description: 'BC_GATEWAY, optional: credit or debit.' })
  bankCardType?: BankCardType | null;

  @Field(() => String, { nullable: true, description: 'BC_EXPRESS, optional: the bank card number.' })
  bankCardNo?: string | null;

  @Field(() => ExpressPayerInput, {
    nullable: true,
    description:
      'BC_EXPRESS, authenticated mode: who pays (sent to BeeCloud in `optional`; the sandbox does not keep it); ' +
      'an SMS code to the payer then confirms the bill (confirmExpressPayment), and buyerId is required. ' +
      'Without it, BC_EXPRESS is plain quick pay and answers an HTML card form.',
  })
  expressPayer?: ExpressPayerInput | null;
}

@InputType({
  description: "An in-store bill: the customer's pay code scanned at the till, or a QR code to show.",
})
export class CreateScanBillInput extends BillBaseInput {
  @Field(() => InStoreChannel, {
    description: 'The in-store channel, or SCAN to let BeeCloud tell the wallet from authCode.',
  })
  channel!: InStoreChannel;

  @Field(() => String, {
    nullable: true,
    description: `The customer's pay code as the scanner read it; required for ${requiring('auth_code')}.`,
  })
  authCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ALI_SCAN: the till's terminal number (at most 32 characters).",
  })
  terminalId?: string | null;
}
