import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { BillRecord } from '../../wire/index.js';
import { Channel, ChannelFamilyEnum } from '../common/enums.js';
import { parseJsonObject } from '../common/json.js';
import { ConnectionOf } from '../common/connection.type.js';
import { Refund } from '../refund/refund.type.js';

// Plain data: its fields need none of TypeGraphQL's middleware machinery.
@ObjectType({ simpleResolvers: true, description: 'A payment order (a BeeCloud bill).' })
export class Bill {
  @Field(() => ID, { description: "BeeCloud's id of the bill." })
  id!: string;

  @Field({ description: "The merchant's order number (bill_no)." })
  billNo!: string;

  @Field()
  title!: string;

  @Field(() => Int, { description: 'The amount to pay, in fen (1/100 yuan).' })
  totalFeeFen!: number;

  @Field(() => ChannelFamilyEnum)
  channel!: ChannelFamilyEnum;

  @Field(() => Channel)
  subChannel!: Channel;

  @Field({ description: 'Whether the customer paid.' })
  paid!: boolean;

  @Field({ description: 'Whether a refund of this bill succeeded.' })
  refunded!: boolean;

  @Field({ description: 'Whether the bill was revoked.' })
  revoked!: boolean;

  @Field(() => String, { nullable: true, description: "The provider's transaction number, once paid." })
  tradeNo!: string | null;

  @Field(() => GraphQLDateTime)
  createdAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'The order amount in fen, before any discount (null from a server that does not say).',
  })
  billFeeFen!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The discount in fen (null from a server that does not say).',
  })
  discountFen!: number | null;

  @Field(() => String, { nullable: true, description: 'The coupon the bill used.' })
  couponId!: string | null;

  @Field(() => String, { nullable: true, description: 'Your buyer id, as given when the bill was created.' })
  buyerId!: string | null;

  @Field(() => String, { nullable: true, description: 'Your seller id, as given when the bill was created.' })
  sellerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Your store number, as given when the bill was created.',
  })
  storeId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "BeeCloud's operator of the bill, when it records one.",
  })
  operatorId!: string | null;

  @Field(() => GraphQLJSONObject, {
    description: "The merchant's own data, as given when the bill was created.",
  })
  optional!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "The provider's notification. Loaded by `bill(id)`, nested look-ups, and lists with `needDetail`.",
  })
  messageDetail!: Record<string, unknown> | null;

  /** Resolved by BillResolver.refunds through a per-operation loader. */
  @Field(() => [Refund], {
    description:
      'Refunds of this bill, newest first (up to 50). One upstream call per bill: a page of N bills that ' +
      'selects this makes N calls, and an operation may make at most LIMIT_MAX_UPSTREAM_CALLS (100 by ' +
      'default), so larger pages are refused before they run.',
  })
  refunds?: Refund[];

  static fromWire(record: BillRecord): Bill {
    return Object.assign(new Bill(), {
      id: record.id,
      billNo: record.bill_no,
      title: record.title,
      totalFeeFen: record.total_fee,
      channel: record.channel,
      subChannel: record.sub_channel,
      paid: record.spay_result,
      refunded: record.refund_result,
      revoked: record.revert_result,
      tradeNo: record.trade_no || null,
      createdAt: new Date(record.create_time),
      billFeeFen: record.bill_fee ?? null,
      discountFen: record.discount ?? null,
      couponId: record.coupon_id ?? null,
      buyerId: record.buyer_id ?? null,
      sellerId: record.seller_id ?? null,
      storeId: record.store_id ?? null,
      operatorId: record.operator_id ?? null,
      optional: parseJsonObject(record.optional) ?? {},
      messageDetail: parseJsonObject(record.message_detail),
    });
  }
}

@ObjectType({ description: 'A page of bills, newest first (a Relay connection).' })
export class BillConnection extends ConnectionOf(Bill) {}
