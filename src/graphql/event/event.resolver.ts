import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { RequireScopes } from '../require-scopes.js';
import { TOPICS, type PaymentEventPayload } from '../../events/payment-event.js';
import { badUserInput, gatewayError } from '../errors.js';
import type { GatewayContext } from '../context.js';
import { Budget } from '../operation-budget.js';
import { MAX_PAGE_SIZE, checkFirst } from '../common/connection.args.js';
import { PaymentEvent, PaymentEventConnection } from './payment-event.type.js';
import { PaymentEventFilter, eventMatcher } from './payment-event.filter.js';
import { countEvents, readEvents, replayThenLive } from './event-replay.js';

const AFTER_DESCRIPTION =
  'Resume after this event id (the `id` of the last event you received): the events since are delivered ' +
  'first, in order, then live ones. EVENTS_EXPIRED when the event log no longer keeps them: re-read the ' +
  'bill, then subscribe without `after`.';

@ArgsType()
class PaymentEventsArgs {
  @Field(() => Int, { defaultValue: 10, description: `Events on this page, 0..${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Continue after this event id (a cursor, or the `id` of an event a subscription delivered).',
  })
  after?: string | null;

  @Field(() => PaymentEventFilter, { nullable: true, description: 'Which events.' })
  filter?: PaymentEventFilter | null;
}

/**
 * Payment events from BeeCloud's webhooks: live over graphql-ws on /graphql, and past ones from
 * the event log (events/event-log.ts). Each event was verified (signature), de-duplicated and
 * checked against BeeCloud's records before it was published; on several replicas, Redis
 * carries it to every one and keeps the one log.
 */
@Resolver()
export class EventResolver {
  @RequireScopes('bills:read', 'refunds:read')
  @Query(() => PaymentEventConnection, {
    description:
      'Past payment events, oldest first, as far back as the event log keeps them (EVENT_LOG_MAX_EVENTS, ' +
      'EVENT_LOG_MAX_AGE_MS): for audits, and for dashboards catching up.',
  })
  async paymentEvents(
    @Args(() => PaymentEventsArgs) { first, after, filter }: PaymentEventsArgs,
    @Ctx() { eventLog }: GatewayContext,
  ): Promise<PaymentEventConnection> {
    checkFirst(first);
    const matches = eventMatcher(filter);
    const page = await readEvents(eventLog, after ?? null, first, matches);
    const nodes = page.events.map(PaymentEvent.fromPayload);
    return new PaymentEventConnection({
      nodes,
      cursor: (index) => nodes[index]!.id,
      first,
      hasPreviousPage: after != null,
      count: () => countEvents(eventLog, matches),
      probeNext: async () => (await readEvents(eventLog, page.through, 1, matches)).events.length > 0,
    });
  }

  @RequireScopes('bills:read', 'refunds:read')
  @Subscription(() => PaymentEvent, {
    name: 'paymentEvents',
    description: 'Every payment and refund of the app (or those `filter` names), for dashboards.',
    subscribe: ({ args, context }) => {
      const { events, eventLog } = context as GatewayContext;
      const { after, filter } = args as { after?: string | null; filter?: PaymentEventFilter | null };
      return replayThenLive(eventLog, events.subscribe(TOPICS.paymentEvents), after, eventMatcher(filter));
    },
  })
  livePaymentEvents(
    @Root() payload: PaymentEventPayload,
    @Arg('after', () => ID, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string | null,
    @Arg('filter', () => PaymentEventFilter, { nullable: true, description: 'Which events.' })
    _filter?: PaymentEventFilter | null,
  ): PaymentEvent {
    return PaymentEvent.fromPayload(payload);
  }

  @RequireScopes('bills:read')
  @Budget({ calls: 1 })
  @Subscription(() => PaymentEvent, {
    description:
      "Events of one bill (its payment, its refunds), by billNo or id (exactly one): a checkout page's way to " +
      'know it was paid. An unknown bill is NOT_FOUND at once, rather than a wait for events that never come.',
    subscribe: async ({ args, context }) => {
      const { loaders, events, eventLog } = context as GatewayContext;
      const { id, billNo, after } = args as {
        id?: string | null;
        billNo?: string | null;
        after?: string | null;
      };
      if ((billNo == null) === (id == null))
        throw badUserInput('give exactly one of billNo and id', 'billNo');
      const bill = id != null ? await loaders.billById.load(id) : await loaders.billByNo.load(billNo!);
      if (!bill)
        throw gatewayError('NOT_FOUND', `no bill with ${id != null ? `id ${id}` : `billNo ${billNo}`}`);
      const live =
        id != null ? events.subscribe(TOPICS.billById, id) : events.subscribe(TOPICS.billByNo, billNo!);
      return replayThenLive(eventLog, live, after, (event) => event.bill?.id === bill.id);
    },
  })
  billUpdated(
    @Root() payload: PaymentEventPayload,
    @Arg('billNo', () => String, { nullable: true, description: 'Your order number (bill_no).' })
    _billNo?: string | null,
    @Arg('id', () => ID, { nullable: true, description: "The bill's BeeCloud id." }) _id?: string | null,
    @Arg('after', () => ID, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string | null,
  ): PaymentEvent {
    return PaymentEvent.fromPayload(payload);
  }

  @RequireScopes('refunds:read')
  @Subscription(() => PaymentEvent, {
    description: 'Events of one refund, by refundNo.',
    subscribe: ({ args, context }) => {
      const { events, eventLog } = context as GatewayContext;
      const { refundNo, after } = args as { refundNo: string; after?: string | null };
      return replayThenLive(
        eventLog,
        events.subscribe(TOPICS.refundByNo, refundNo),
        after,
        (event) => event.type === 'REFUND' && event.transactionId === refundNo,
      );
    },
  })
  refundUpdated(
    @Root() payload: PaymentEventPayload,
    @Arg('refundNo', { description: 'Your refund number (refund_no).' }) _refundNo: string,
    @Arg('after', () => ID, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string | null,
  ): PaymentEvent {
    return PaymentEvent.fromPayload(payload);
  }
}
