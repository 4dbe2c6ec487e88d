import { GraphQLJSONObject } from 'graphql-scalars';
import { DateTime } from '../common/date-time.scalar.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { familyOf, type BillRecord } from '../../wire/index.js';
import { Channel, ChannelFamilyEnum } from '../common/enums.js';
import { parseJsonObject } from '../common/json.js';
import { ConnectionOf } from '../common/connection.type.js';
import { Money } from '../common/money.type.js';
import { Node } from '../node/node.type.js';
import { Refund } from '../refund/refund.type.js';

export const BillStatus = { OPEN: 'OPEN', PAID: 'PAID', REFUNDED: 'REFUNDED', REVOKED: 'REVOKED' } as const;
export type BillStatus = keyof typeof BillStatus;
registerEnumType(BillStatus, {
  name: 'BillStatus',
  description:
    "Where a bill stands, from what BeeCloud's record holds. The record says nothing of a payment that failed " +
    'or a bill that timed out: such a bill stays OPEN (it can no longer be paid; create a new one).',
  valuesConfig: {
    OPEN: { description: 'Not paid (yet, or ever: see the type).' },
    PAID: { description: 'The customer paid (spay_result).' },
    REFUNDED: { description: 'Paid, then refunded (refund_result).' },
    REVOKED: { description: 'Revoked before payment, in store (revert_result).' },
  },
});

// Plain data: its fields need none of TypeGraphQL's middleware machinery.
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A payment order (a BeeCloud bill).' })
export class Bill implements Node {
  @Field(() => ID, { description: "BeeCloud's id of the bill." })
  id!: string;

  @Field({ description: "The merchant's order number (bill_no)." })
  billNo!: string;

  @Field({ description: 'What is paid for, as the customer sees it.' })
  title!: string;

  @Field(() => Money, { description: 'The amount to pay.' })
  total!: Money;

  @Field(() => Int, {
    description: 'The amount to pay, in minor units (fen; cents for PayPal). See `total`.',
  })
  totalFeeFen!: number;

  @Field(() => Channel, { description: 'The pay channel (WX_NATIVE, ALI_WEB, …).' })
  channel!: Channel;

  @Field(() => ChannelFamilyEnum, { description: 'The provider (WX, ALI, …) of the channel.' })
  family!: ChannelFamilyEnum;

  @Field(() => Channel, {
    deprecationReason: 'Use `channel`, which is now the pay channel.',
    description: 'The pay channel.',
  })
  subChannel!: Channel;

  @Field(() => BillStatus, { description: 'Where the bill stands (see BillStatus for what it cannot tell).' })
  status!: BillStatus;

  @Field({ description: 'Whether the customer paid.' })
  paid!: boolean;

  @Field({ description: 'Whether a refund of this bill succeeded.' })
  refunded!: boolean;

  @Field({ description: 'Whether the bill was revoked.' })
  revoked!: boolean;

  @Field(() => String, { nullable: true, description: "The provider's transaction number, once paid." })
  tradeNo!: string | null;

  @Field(() => DateTime, { description: 'When the bill was created (BeeCloud keeps milliseconds).' })
  createdAt!: Date;

  @Field(() => Money, {
    nullable: true,
    description: 'The order amount before any discount (null from a server that does not say).',
  })
  billFee!: Money | null;

  @Field(() => Money, { nullable: true, description: 'The discount (null from a server that does not say).' })
  discount!: Money | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The order amount before any discount, in minor units. See `billFee`.',
  })
  billFeeFen!: number | null;

  @Field(() => Int, { nullable: true, description: 'The discount in minor units. See `discount`.' })
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

  /**
   * BeeCloud's JSON-encoded maps, parsed only when selected (a page or a join seldom asks for
   * them), and then once: the same Bill may answer many operations (`ofLookup` says why).
   */
  private json!: {
    optional: string;
    messageDetail: string | undefined;
    parsedOptional?: Record<string, unknown>;
    parsedDetail?: Record<string, unknown> | null;
  };

  @Field(() => GraphQLJSONObject, {
    description: "The merchant's own data, as given when the bill was created.",
  })
  get optional(): Record<string, unknown> {
    return (this.json.parsedOptional ??= parseJsonObject(this.json.optional) ?? {});
  }

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "The provider's notification. Loaded by `bill(id)`, nested look-ups, and lists with `needDetail`.",
  })
  get messageDetail(): Record<string, unknown> | null {
    return (this.json.parsedDetail ??= parseJsonObject(this.json.messageDetail));
  }

  /** Resolved by BillResolver.refunds through a per-operation loader. */
  @Field(() => [Refund], {
    description:
      'Refunds of this bill, newest first (up to 50). One upstream call per bill: a page of N bills that ' +
      'selects this makes N calls, and an operation may make at most LIMIT_MAX_UPSTREAM_CALLS (100 by ' +
      'default), so larger pages are refused before they run.',
  })
  refunds?: Refund[];

  /**
   * The Bill of a record, made afresh: a page's, whose records are seldom read again (see
   * `ofLookup`). Field by field: `Object.assign` from a literal cost a 50-bill page a tenth of
   * its GraphQL work more (bench, in process).
   */
  static fromWire(record: BillRecord): Bill {
    const channel = record.sub_channel;
    const bill = new Bill();
    bill.id = record.id;
    bill.billNo = record.bill_no;
    bill.title = record.title;
    bill.total = Money.of(record.total_fee, channel);
    bill.totalFeeFen = record.total_fee;
    bill.channel = channel;
    bill.family = familyOf(channel);
    bill.subChannel = channel;
    bill.status = record.revert_result
      ? 'REVOKED'
      : record.refund_result
        ? 'REFUNDED'
        : record.spay_result
          ? 'PAID'
          : 'OPEN';
    bill.paid = record.spay_result;
    bill.refunded = record.refund_result;
    bill.revoked = record.revert_result;
    bill.tradeNo = record.trade_no || null;
    bill.createdAt = new Date(record.create_time);
    bill.billFee = record.bill_fee === undefined ? null : Money.of(record.bill_fee, channel);
    bill.discount = record.discount === undefined ? null : Money.of(record.discount, channel);
    bill.billFeeFen = record.bill_fee ?? null;
    bill.discountFen = record.discount ?? null;
    bill.couponId = record.coupon_id ?? null;
    bill.buyerId = record.buyer_id ?? null;
    bill.sellerId = record.seller_id ?? null;
    bill.storeId = record.store_id ?? null;
    bill.operatorId = record.operator_id ?? null;
    bill.json = { optional: record.optional, messageDetail: record.message_detail };
    return bill;
  }

  /**
   * The Bill of a record a look-up found (by id or bill_no, for a field, a node, an entity or an
   * event). A fetched record is never changed (the cache replaces a record, never edits it), so
   * one Bill per such record serves every field and operation that reach it: the 50 refunds of a
   * page that share 10 bills, a cached bill asked for again and again. Pages keep `fromWire`: a
   * WeakMap entry for each of their records cost a 50-bill page 16% more CPU (bench:ab).
   */
  static ofLookup(record: BillRecord): Bill {
    let bill = billOfRecord.get(record);
    if (!bill) billOfRecord.set(record, (bill = Bill.fromWire(record)));
    return bill;
  }
}

const billOfRecord = new WeakMap<BillRecord, Bill>();

@ObjectType({ description: 'A page of bills, newest first (a Relay connection).' })
export class BillConnection extends ConnectionOf(Bill) {}
