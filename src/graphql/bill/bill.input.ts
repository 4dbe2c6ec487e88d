import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { ListFilter } from '../common/filter.js';
import { AliQrPayMode, Channel, YeeCardTypeEnum } from '../common/enums.js';

@InputType({ description: 'Bill filters; all given ones must match.' })
export class BillFilter extends ListFilter {
  @Field(() => String, { nullable: true })
  billNo?: string | null;

  @Field(() => Boolean, { nullable: true })
  paid?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  refunded?: boolean | null;
}

@InputType({ description: 'A new bill. Channel-specific fields are checked before anything is sent.' })
export class CreateBillInput {
  @Field(() => Channel)
  channel!: Channel;

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
      'Analytics data (os_name, model, app_version, …): at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON.',
  })
  analysis?: Record<string, unknown> | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required for ALI_WEB, ALI_QRCODE, UN_WEB, JD_WAP, JD_WEB: an http(s) URL without ? or #.',
  })
  returnUrl?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds until the bill can no longer be paid (>= 1; not for JD).',
  })
  billTimeoutSeconds?: number | null;

  @Field(() => String, { nullable: true, description: "WX_JSAPI: the payer's openid." })
  openid?: string | null;

  @Field(() => String, { nullable: true, description: 'ALI_WEB, optional: the product page URL.' })
  showUrl?: string | null;

  @Field(() => AliQrPayMode, { nullable: true, description: 'ALI_QRCODE: the QR layout.' })
  qrPayMode?: AliQrPayMode | null;

  @Field(() => String, { nullable: true, description: 'YEE_WAP: your user id, 1-50 letters or digits.' })
  identityId?: string | null;

  @Field(() => String, { nullable: true, description: 'YEE_NOBANKCARD: card number.' })
  cardNo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YEE_NOBANKCARD: card password. Sent to BeeCloud only; never stored or echoed.',
  })
  cardPassword?: string | null;

  @Field(() => YeeCardTypeEnum, { nullable: true, description: 'YEE_NOBANKCARD: card type.' })
  cardType?: YeeCardTypeEnum | null;
}
