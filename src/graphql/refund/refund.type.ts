import { GraphQLJSONObject } from 'graphql-scalars';
import { DateTime } from '../common/date-time.scalar.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { familyOf, type RefundRecord } from '../../wire/index.js';
import { Money } from '../common/money.type.js';
import { Node } from '../node/node.type.js';
import { Channel, ChannelFamilyEnum, RefundState } from '../common/enums.js';
import { parseJsonObject } from '../common/json.js';
import { Bill } from '../bill/bill.type.js';
import { ConnectionOf } from '../common/connection.type.js';

// Plain data: its fields need none of TypeGraphQL's middleware machinery.
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: 'A refund of a bill (direct, or a pre-refund awaiting review).',
})
export class Refund implements Node {
  @Field(() => ID, { description: "BeeCloud's id of the refund." })
  id!: string;

  @Field({ description: 'Your refund number (refund_no).' })
  refundNo!: string;

  @Field({ description: 'The refunded bill’s order number.' })
  billNo!: string;

  @Field(() => Money, { description: 'The amount refunded.' })
  refundFee!: Money;

  @Field(() => Money, { description: "The bill's amount." })
  billTotal!: Money;

  @Field(() => Int, {
    description: 'The amount refunded, in minor units (fen; cents for PayPal). See `refundFee`.',
  })
  refundFeeFen!: number;

  @Field(() => Int, { description: "The bill's amount, in minor units. See `billTotal`." })
  billTotalFeeFen!: number;

  @Field({ description: "The bill's title." })
  title!: string;

  @Field(() => Channel, { description: "The bill's pay channel (WX_NATIVE, ALI_WEB, …)." })
  channel!: Channel;

  @Field(() => ChannelFamilyEnum, { description: 'The provider (WX, ALI, …) that refunds.' })
  family!: ChannelFamilyEnum;

  @Field(() => Channel, {
    deprecationReason: 'Use `channel`, which is now the pay channel.',
    description: 'The pay channel.',
  })
  subChannel!: Channel;

  @Field({ description: 'Whether the refund is over (succeeded, failed or denied).' })
  finished!: boolean;

  @Field({ description: 'Whether the money went back.' })
  succeeded!: boolean;

  @Field(() => RefundState, { description: 'Where the refund stands.' })
  state!: RefundState;

  @Field(() => DateTime, { description: 'When the refund was created.' })
  createdAt!: Date;

  /** BeeCloud's JSON-encoded maps, parsed only when selected (a list seldom asks for them). */
  private json!: { optional: string; messageDetail: string | undefined };

  @Field(() => GraphQLJSONObject, { description: "The merchant's own data, as given with the refund." })
  get optional(): Record<string, unknown> {
    return parseJsonObject(this.json.optional) ?? {};
  }

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The provider's refund notification; `{}` when the provider never handled the refund.",
  })
  get messageDetail(): Record<string, unknown> | null {
    return parseJsonObject(this.json.messageDetail);
  }

  /** Resolved by RefundResolver.needApproval: one count call per distinct refund per operation. */
  @Field({
    description:
      'Whether it was created as a pre-refund, to be reviewed (needApproval). One upstream call per refund ' +
      'when selected: BeeCloud’s refund records do not say.',
  })
  needApproval?: boolean;

  /** Resolved by RefundResolver.bill: one look-up per distinct bill per operation. */
  @Field(() => Bill, { nullable: true, description: 'The refunded bill.' })
  bill?: Bill | null;

  /** The Refund of a record, field by field (Bill.fromWire says why). */
  static fromWire(record: RefundRecord): Refund {
    const channel = record.sub_channel;
    const refund = new Refund();
    refund.id = record.id;
    refund.refundNo = record.refund_no;
    refund.billNo = record.bill_no;
    refund.refundFee = Money.of(record.refund_fee, channel);
    refund.billTotal = Money.of(record.total_fee, channel);
    refund.refundFeeFen = record.refund_fee;
    refund.billTotalFeeFen = record.total_fee;
    refund.title = record.title;
    refund.channel = channel;
    refund.family = familyOf(channel);
    refund.subChannel = channel;
    refund.finished = record.finish;
    refund.succeeded = record.result;
    refund.state = stateOf(record);
    refund.createdAt = new Date(record.create_time);
    refund.json = { optional: record.optional, messageDetail: record.message_detail };
    return refund;
  }
}

/**
 * Where a refund stands. A refund that ended without success and without any notification
 * from the provider was never sent to it: only a review's denial ends a refund that way
 * (a provider's failure always comes with its notification).
 */
function stateOf(record: RefundRecord): RefundState {
  if (!record.finish) return 'PENDING';
  if (record.result) return 'SUCCEEDED';
  const detail = parseJsonObject(record.message_detail);
  return detail && Object.keys(detail).length === 0 ? 'DENIED' : 'FAILED';
}

@ObjectType({ description: 'A page of refunds, newest first (a Relay connection).' })
export class RefundConnection extends ConnectionOf(Refund) {}
