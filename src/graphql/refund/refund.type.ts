import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { RefundRecord } from '../../wire/index.js';
import { Channel, ChannelFamilyEnum, RefundState } from '../common/enums.js';
import { parseJsonObject } from '../common/json.js';
import { Bill } from '../bill/bill.type.js';
import { ConnectionOf } from '../common/connection.type.js';

// Plain data: its fields need none of TypeGraphQL's middleware machinery.
@ObjectType({
  simpleResolvers: true,
  description: 'A refund of a bill (direct, or a pre-refund awaiting review).',
})
export class Refund {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Your refund number (refund_no).' })
  refundNo!: string;

  @Field({ description: 'The refunded bill’s order number.' })
  billNo!: string;

  @Field(() => Int, { description: 'The amount refunded, in fen.' })
  refundFeeFen!: number;

  @Field(() => Int, { description: "The bill's amount, in fen." })
  billTotalFeeFen!: number;

  @Field({ description: "The bill's title." })
  title!: string;

  @Field(() => ChannelFamilyEnum)
  channel!: ChannelFamilyEnum;

  @Field(() => Channel)
  subChannel!: Channel;

  @Field({ description: 'Whether the refund is over (succeeded, failed or denied).' })
  finished!: boolean;

  @Field({ description: 'Whether the money went back.' })
  succeeded!: boolean;

  @Field(() => RefundState)
  state!: RefundState;

  @Field(() => GraphQLDateTime)
  createdAt!: Date;

  @Field(() => GraphQLJSONObject)
  optional!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The provider's refund notification, when loaded.",
  })
  messageDetail!: Record<string, unknown> | null;

  /** Resolved by RefundResolver.bill: one look-up per distinct bill per operation. */
  @Field(() => Bill, { nullable: true, description: 'The refunded bill.' })
  bill?: Bill | null;

  static fromWire(record: RefundRecord): Refund {
    return Object.assign(new Refund(), {
      id: record.id,
      refundNo: record.refund_no,
      billNo: record.bill_no,
      refundFeeFen: record.refund_fee,
      billTotalFeeFen: record.total_fee,
      title: record.title,
      channel: record.channel,
      subChannel: record.sub_channel,
      finished: record.finish,
      succeeded: record.result,
      state: !record.finish ? 'PENDING' : record.result ? 'SUCCEEDED' : 'FAILED',
      createdAt: new Date(record.create_time),
      optional: parseJsonObject(record.optional) ?? {},
      messageDetail: parseJsonObject(record.message_detail),
    });
  }
}

@ObjectType({ description: 'A page of refunds, newest first (a Relay connection).' })
export class RefundConnection extends ConnectionOf(Refund) {}
