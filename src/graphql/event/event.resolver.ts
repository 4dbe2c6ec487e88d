import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { RequireScopes } from '../require-scopes.js';
import { TOPICS, type PaymentEventPayload } from '../../events/payment-event.js';
import { badUserInput } from '../errors.js';
import { PaymentEvent } from './payment-event.type.js';

/**
 * Live events from BeeCloud's webhooks, over graphql-ws on /graphql. Each event was
 * verified (signature), de-duplicated and checked against BeeCloud's records before it
 * was published; on several replicas, Redis carries it to every one.
 */
@Resolver()
export class EventResolver {
  @RequireScopes('bills:read', 'refunds:read')
  @Subscription(() => PaymentEvent, {
    topics: TOPICS.paymentEvents,
    description: 'Every payment and refund of the app, for dashboards.',
  })
  paymentEvents(@Root() payload: PaymentEventPayload): PaymentEvent {
    return PaymentEvent.fromPayload(payload);
  }

  @RequireScopes('bills:read')
  @Subscription(() => PaymentEvent, {
    description:
      "Events of one bill (its payment, its refunds), by billNo or id: a checkout page's way to know it was paid.",
    topics: ({ args }) => {
      if ((args.billNo == null) === (args.id == null))
        throw badUserInput('give billNo or id, not both', 'billNo');
      return args.id != null ? TOPICS.billById : TOPICS.billByNo;
    },
    topicId: ({ args }) => args.id ?? args.billNo,
  })
  billUpdated(
    @Root() payload: PaymentEventPayload,
    @Arg('billNo', () => String, { nullable: true }) _billNo?: string | null,
    @Arg('id', () => ID, { nullable: true }) _id?: string | null,
  ): PaymentEvent {
    return PaymentEvent.fromPayload(payload);
  }

  @RequireScopes('refunds:read')
  @Subscription(() => PaymentEvent, {
    description: 'Events of one refund, by refundNo.',
    topics: TOPICS.refundByNo,
    topicId: ({ args }) => args.refundNo,
  })
  refundUpdated(@Root() payload: PaymentEventPayload, @Arg('refundNo') _refundNo: string): PaymentEvent {
    return PaymentEvent.fromPayload(payload);
  }
}
