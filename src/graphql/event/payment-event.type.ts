import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { PaymentEventPayload } from '../../events/payment-event.js';
import { Bill } from '../bill/bill.type.js';
import { Channel, ChannelFamilyEnum } from '../common/enums.js';
import { Refund } from '../refund/refund.type.js';
import { RequireScopes } from '../require-scopes.js';

export const PaymentEventType = { PAY: 'PAY', REFUND: 'REFUND' } as const;
export type PaymentEventType = keyof typeof PaymentEventType;
registerEnumType(PaymentEventType, {
  name: 'PaymentEventType',
  description: 'PAY: a bill was paid; REFUND: a refund completed.',
});

@ObjectType({ description: 'A payment or refund BeeCloud confirmed, verified and checked by the gateway.' })
export class PaymentEvent {
  @Field(() => PaymentEventType)
  type!: PaymentEventType;

  @Field({ description: 'The bill_no (PAY) or refund_no (REFUND).' })
  transactionId!: string;

  @Field(() => ChannelFamilyEnum)
  channel!: ChannelFamilyEnum;

  @Field(() => Channel)
  subChannel!: Channel;

  @Field(() => Int, { description: 'The amount in the notification, in fen.' })
  feeFen!: number;

  @Field(() => Int, {
    nullable: true,
    description: "BeeCloud's own record of the amount; null when no record was found.",
  })
  expectedFeeFen!: number | null;

  @Field({ description: 'The notified amount differs from the record: check before fulfilling the order.' })
  feeMismatch!: boolean;

  @Field()
  tradeSuccess!: boolean;

  @Field(() => String, { nullable: true, description: "The provider's transaction number." })
  channelTransactionId!: string | null;

  @Field(() => GraphQLJSONObject)
  optional!: Record<string, unknown>;

  @Field(() => GraphQLDateTime)
  receivedAt!: Date;

  @RequireScopes('bills:read')
  @Field(() => Bill, {
    nullable: true,
    description: 'The bill as it stands after the event (needs bills:read).',
  })
  bill!: Bill | null;

  @RequireScopes('refunds:read')
  @Field(() => Refund, {
    nullable: true,
    description: 'REFUND: the refund as it stands after the event (needs refunds:read).',
  })
  refund!: Refund | null;

  static fromPayload(payload: PaymentEventPayload): PaymentEvent {
    return Object.assign(new PaymentEvent(), {
      ...payload,
      receivedAt: new Date(payload.receivedAt),
      bill: payload.bill && Bill.fromWire(payload.bill),
      refund: payload.refund && Refund.fromWire(payload.refund),
    });
  }
}
