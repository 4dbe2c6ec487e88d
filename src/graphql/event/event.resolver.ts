import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { RequireScopes } from '../require-scopes.js';
import { TOPICS, type PaymentEventPayload } from '../../events/payment-event.js';
import { badUserInput, gatewayError } from '../errors.js';
import type { GatewayContext } from '../context.js';
import { Budget } from '../operation-budget.js';
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
  @Budget({ calls: 1 })
  @Subscription(() => PaymentEvent, {
    description:
      "Events of one bill (its payment, its refunds), by billNo or id (exactly one): a checkout page's way to " +
      'know it was paid. An unknown bill is NOT_FOUND at once, rather than a wait for events that never come.',
    subscribe: async ({ args, context }) => {
      const { loaders, events } = context as GatewayContext;
      const { id, billNo } = args as { id?: string | null; billNo?: string | null };
      if ((billNo == null) === (id == null))
        throw badUserInput('give exactly one of billNo and id', 'billNo');
      const bill = id != null ? await loaders.billById.load(id) : await loaders.billByNo.load(billNo!);
      if (!bill)
        throw gatewayError('NOT_FOUND', `no bill with ${id != null ? `id ${id}` : `billNo ${billNo}`}`);
      return id != null ? events.subscribe(TOPICS.billById, id) : events.subscribe(TOPICS.billByNo, billNo!);
    },
  })
  billUpdated(
    @Root() payload: PaymentEventPayload,
    @Arg('billNo', () => String, { nullable: true, description: 'Your order number (bill_no).' })
    _billNo?: string | null,
    @Arg('id', () => ID, { nullable: true, description: "The bill's BeeCloud id." }) _id?: string | null,
  ): PaymentEvent {
    return PaymentEvent.fromPayload(payload);
  }

  @RequireScopes('refunds:read')
  @Subscription(() => PaymentEvent, {
    description: 'Events of one refund, by refundNo.',
    topics: TOPICS.refundByNo,
    topicId: ({ args }) => args.refundNo,
  })
  refundUpdated(
    @Root() payload: PaymentEventPayload,
    @Arg('refundNo', { description: 'Your refund number (refund_no).' }) _refundNo: string,
  ): PaymentEvent {
    return PaymentEvent.fromPayload(payload);
  }
}
