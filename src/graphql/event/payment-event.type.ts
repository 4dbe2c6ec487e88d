import { GraphQLJSONObject } from 'graphql-scalars';
import { DateTime } from '../common/date-time.scalar.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { PaymentEventPayload } from '../../events/payment-event.js';
import { Bill } from '../bill/bill.type.js';
import { Channel, ChannelFamilyEnum } from '../common/enums.js';
import { Money } from '../common/money.type.js';
import { Refund } from '../refund/refund.type.js';
import { ConnectionOf } from '../common/connection.type.js';
import { RequireScopes } from '../require-scopes.js';

export const PaymentEventType = { PAY: 'PAY', REFUND: 'REFUND' } as const;
export type PaymentEventType = keyof typeof PaymentEventType;
registerEnumType(PaymentEventType, {
  name: 'PaymentEventType',
  description: 'What a payment event reports.',
  valuesConfig: {
    PAY: { description: 'A bill was paid.' },
    REFUND: { description: 'A refund completed.' },
  },
});

@ObjectType({ description: 'A payment or refund BeeCloud confirmed, verified and checked by the gateway.' })
export class PaymentEvent {
  @Field(() => ID, {
    description:
      "The event's place in the gateway's event log: ordered, stable, the same on every replica. Pass the last " +
      'one you received as `after` to a subscription (or to `Query.paymentEvents`) to get what you missed.',
  })
  id!: string;

  @Field(() => PaymentEventType, { description: 'A payment or a refund.' })
  type!: PaymentEventType;

  @Field({ description: 'The bill_no (PAY) or refund_no (REFUND).' })
  transactionId!: string;

  @Field(() => Channel, { description: "The bill's pay channel." })
  channel!: Channel;

  @Field(() => ChannelFamilyEnum, { description: 'The provider (WX, ALI, …).' })
  family!: ChannelFamilyEnum;

  @Field(() => Channel, {
    deprecationReason: 'Use `channel`, which is now the pay channel.',
    description: 'The pay channel.',
  })
  subChannel!: Channel;

  @Field(() => Money, { description: 'The amount in the notification.' })
  fee!: Money;

  @Field(() => Money, {
    nullable: true,
    description: "BeeCloud's own record of the amount; null when no record was found.",
  })
  expectedFee!: Money | null;

  @Field(() => Int, { description: 'The amount in the notification, in minor units. See `fee`.' })
  feeFen!: number;

  @Field(() => Int, {
    nullable: true,
    description: "BeeCloud's own record of the amount, in minor units; null when no record was found.",
  })
  expectedFeeFen!: number | null;

  @Field({ description: 'The notified amount differs from the record: check before fulfilling the order.' })
  feeMismatch!: boolean;

  @Field({ description: 'Whether the payment or refund succeeded (BeeCloud notifies successes only).' })
  tradeSuccess!: boolean;

  @Field(() => String, { nullable: true, description: "The provider's transaction number." })
  channelTransactionId!: string | null;

  @Field(() => GraphQLJSONObject, { description: "The merchant's own data of the bill or refund." })
  optional!: Record<string, unknown>;

  @Field(() => DateTime, { description: 'When the gateway received the webhook.' })
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
    return Object.assign(new PaymentEvent(), payload, {
      channel: payload.subChannel,
      family: payload.channel,
      fee: Money.of(payload.feeFen, payload.subChannel),
      expectedFee:
        payload.expectedFeeFen === null ? null : Money.of(payload.expectedFeeFen, payload.subChannel),
      receivedAt: new Date(payload.receivedAt),
      bill: payload.bill && Bill.ofLookup(payload.bill),
      refund: payload.refund && Refund.fromWire(payload.refund),
    });
  }
}

@ObjectType({ description: 'Payment events, oldest first; each cursor is the event id.' })
export class PaymentEventConnection extends ConnectionOf(PaymentEvent, 'locally') {}
