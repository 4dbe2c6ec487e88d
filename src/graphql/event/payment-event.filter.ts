import { Field, InputType } from 'type-graphql';
import type { PaymentEventPayload } from '../../events/payment-event.js';
import { Channel, ChannelFamilyEnum } from '../common/enums.js';
import { PaymentEventType } from './payment-event.type.js';

/** Which payment events to list or deliver; every field given must match. */
@InputType({ description: 'Which payment events: every field given must match.' })
export class PaymentEventFilter {
  @Field(() => PaymentEventType, { nullable: true, description: 'Payments or refunds only.' })
  type?: PaymentEventType | null;

  @Field(() => ChannelFamilyEnum, { nullable: true, description: 'One provider (WX, ALI, …).' })
  family?: ChannelFamilyEnum | null;

  @Field(() => Channel, { nullable: true, description: 'One pay channel.' })
  channel?: Channel | null;

  @Field(() => String, { nullable: true, description: "One bill's events, by its bill_no." })
  billNo?: string | null;
}

/** The filter as a test of a published event (no filter: every event). */
export function eventMatcher(
  filter: PaymentEventFilter | null | undefined,
): (event: PaymentEventPayload) => boolean {
  if (!filter) return () => true;
  const { type, family, channel, billNo } = filter;
  return (event) =>
    (type == null || event.type === type) &&
    (family == null || event.channel === family) &&
    (channel == null || event.subChannel === channel) &&
    (billNo == null ||
      (event.bill?.bill_no ?? (event.type === 'PAY' ? event.transactionId : null)) === billNo);
}
