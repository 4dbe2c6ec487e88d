import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
  type ResolverInterface,
} from 'type-graphql';
import type { RefundsCountQuery, Unsigned } from '../../wire/index.js';
import { Bill } from '../bill/bill.type.js';
import { channelFilter, timeRange } from '../common/filter.js';
import { ConnectionArgs, pageCalls, pageRequest } from '../common/connection.args.js';
import { loadConnection } from '../common/connection.type.js';
import { RequireScopes } from '../require-scopes.js';
import { Budget } from '../operation-budget.js';
import type { GatewayContext } from '../context.js';
import { badUserInput, requireRecordId } from '../errors.js';
import { RefundFilter } from './refund.input.js';
import { Refund, RefundConnection } from './refund.type.js';

function refundsQuery(filter: RefundFilter | null | undefined): Unsigned<RefundsCountQuery> {
  if (!filter) return {};
  return {
    channel: channelFilter(filter),
    ...(filter.billNo != null ? { bill_no: filter.billNo } : {}),
    ...(filter.refundNo != null ? { refund_no: filter.refundNo } : {}),
    ...(filter.needApproval != null ? { need_approval: filter.needApproval } : {}),
    ...timeRange(filter),
  };
}

@Resolver(() => Refund)
export class RefundResolver implements ResolverInterface<Refund> {
  @RequireScopes('refunds:read')
  @Budget({ calls: pageCalls })
  @Query(() => RefundConnection, {
    description:
      'Refunds, newest first, as a Relay connection whose cursors stay put when refunds are created. Pages ' +
      'over 50 are fetched from BeeCloud in parallel.',
  })
  async refunds(
    @Ctx() { api }: GatewayContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => RefundFilter, { nullable: true, description: 'Only refunds matching all of these.' })
    filter?: RefundFilter | null,
  ): Promise<RefundConnection> {
    const request = pageRequest(page);
    const query = refundsQuery(filter);
    const source = await loadConnection(
      request,
      query.end_time,
      ({ skip, limit, endTime }) =>
        api
          // Always with detail: a refund's state (DENIED or FAILED) is read from its notification.
          .refunds(Object.assign({}, query, { end_time: endTime, skip, limit, need_detail: true }))
          .then((answer) => answer.refunds),
      () => api.refundsCount(query).then((answer) => answer.count),
    );
    return new RefundConnection(Object.assign({}, source, { nodes: source.nodes.map(Refund.fromWire) }));
  }

  @RequireScopes('refunds:read')
  @Budget({ calls: 1 })
  @Query(() => Int, { description: 'How many refunds match the filter.' })
  refundsCount(
    @Ctx() { api }: GatewayContext,
    @Arg('filter', () => RefundFilter, { nullable: true, description: 'Only refunds matching all of these.' })
    filter?: RefundFilter | null,
  ): Promise<number> {
    return api.refundsCount(refundsQuery(filter)).then((answer) => answer.count);
  }

  @RequireScopes('refunds:read')
  @Budget({ calls: 1 })
  @Query(() => Refund, {
    nullable: true,
    description:
      'A refund by its BeeCloud id or by your refund number (exactly one); null when there is none. An id that ' +
      'is no BeeCloud id (a UUID) is BAD_USER_INPUT.',
  })
  async refund(
    @Ctx() { loaders }: GatewayContext,
    @Arg('id', () => ID, { nullable: true, description: "The refund's BeeCloud id." }) id?: string | null,
    @Arg('refundNo', () => String, { nullable: true, description: 'Your refund number (refund_no).' })
    refundNo?: string | null,
  ): Promise<Refund | null> {
    if ((id == null) === (refundNo == null)) throw badUserInput('give exactly one of id and refundNo', 'id');
    if (id != null) requireRecordId(id, 'id');
    const record = id != null ? await loaders.refundById.load(id) : await loaders.refundByNo.load(refundNo!);
    return record && Refund.fromWire(record);
  }

  @Budget({ calls: 1 })
  @FieldResolver()
  needApproval(@Root() refund: Refund, @Ctx() { loaders }: GatewayContext): Promise<boolean> {
    return loaders.needApproval.load(refund.refundNo);
  }

  @RequireScopes('bills:read')
  @Budget({ calls: 1 })
  @FieldResolver()
  bill(@Root() refund: Refund, @Ctx() { loaders }: GatewayContext): Promise<Bill | null> {
    return loaders.billByNo.load(refund.billNo).then((record) => record && Bill.ofLookup(record));
  }
}
