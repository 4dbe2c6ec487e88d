import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  type ResolverInterface,
} from 'type-graphql';
import type { BillsCountQuery, Unsigned } from '../../wire/index.js';
import { channelFilter, timeRange } from '../common/filter.js';
import { PageArgs, pageWindow } from '../common/page.args.js';
import { loadPage } from '../common/page.type.js';
import { UserError } from '../common/user-error.type.js';
import { RequireScopes } from '../require-scopes.js';
import { Budget } from '../operation-budget.js';
import { REFUNDS_PER_BILL } from '../context.js';
import { pageCalls } from '../common/page.args.js';
import type { GatewayContext } from '../context.js';
import { asUserErrors } from '../errors.js';
import { ChannelPayload } from '../payload/payload.type.js';
import { payloadFromWire } from '../payload/payload.mapper.js';
import { Refund } from '../refund/refund.type.js';
import { BillFilter, CreateBillInput } from './bill.input.js';
import { Bill, BillPage } from './bill.type.js';
import { BILL_INPUT_FIELDS, createBillRequest, validateCreateBill } from './bill.validation.js';

@ObjectType()
export class CreateBillPayload {
  @Field(() => ID, { nullable: true, description: 'The new bill, or the same bill when this was a retry.' })
  billId!: string | null;

  @Field(() => ChannelPayload, { nullable: true, description: 'What the client does next to pay.' })
  payload!: ChannelPayload | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

function billsQuery(filter: BillFilter | null | undefined): Unsigned<BillsCountQuery> {
  if (!filter) return {};
  return {
    channel: channelFilter(filter),
    ...(filter.billNo != null ? { bill_no: filter.billNo } : {}),
    ...(filter.paid != null ? { spay_result: filter.paid } : {}),
    ...(filter.refunded != null ? { refund_result: filter.refunded } : {}),
    ...timeRange(filter),
  };
}

@Resolver(() => Bill)
export class BillResolver implements ResolverInterface<Bill> {
  @RequireScopes('bills:read')
  @Budget({ calls: pageCalls })
  @Query(() => BillPage, {
    description: 'Bills, newest first. Pages over 50 are fetched from BeeCloud in parallel.',
  })
  async bills(
    @Ctx() { api, loaders }: GatewayContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => BillFilter, { nullable: true }) filter?: BillFilter | null,
  ): Promise<BillPage> {
    const window = pageWindow(page);
    const query = billsQuery(filter);
    const needDetail = filter?.needDetail ?? false;
    const fetchPage = (skip: number, limit: number) =>
      api.bills({ ...query, skip, limit, need_detail: needDetail }).then((answer) => answer.bills);
    const source = await loadPage(window, fetchPage, () =>
      api.billsCount(query).then((answer) => answer.count),
    );
    // Complete records (with detail) can answer later look-ups in this operation.
    if (needDetail) source.items.forEach(loaders.primeBill);
    return new BillPage({ ...source, items: source.items.map(Bill.fromWire) });
  }

  @RequireScopes('bills:read')
  @Budget({ calls: 1 })
  @Query(() => Int, { description: 'How many bills match the filter.' })
  billsCount(
    @Ctx() { api }: GatewayContext,
    @Arg('filter', () => BillFilter, { nullable: true }) filter?: BillFilter | null,
  ): Promise<number> {
    return api.billsCount(billsQuery(filter)).then((answer) => answer.count);
  }

  @RequireScopes('bills:read')
  @Budget({ calls: 1 })
  @Query(() => Bill, { nullable: true, description: 'A bill by its BeeCloud id; null when there is none.' })
  bill(@Ctx() { loaders }: GatewayContext, @Arg('id', () => ID) id: string): Promise<Bill | null> {
    return loaders.billById.load(id).then((record) => record && Bill.fromWire(record));
  }

  @RequireScopes('refunds:read')
  @Budget({ calls: 1, items: () => REFUNDS_PER_BILL })
  @FieldResolver()
  refunds(@Root() bill: Bill, @Ctx() { loaders }: GatewayContext): Promise<Refund[]> {
    return loaders.refundsByBillNo.load(bill.billNo).then((records) => records.map(Refund.fromWire));
  }

  @RequireScopes('bills:create')
  @Budget({ calls: 1 })
  @Mutation(() => CreateBillPayload, {
    description:
      'Creates a bill and returns what the client needs to pay it. Idempotent on billNo with the same input.',
  })
  async createBill(
    @Ctx() { api, maxOptionalBytes }: GatewayContext,
    @Arg('input', () => CreateBillInput) input: CreateBillInput,
  ): Promise<CreateBillPayload> {
    const problems = validateCreateBill(input, maxOptionalBytes);
    if (problems.length) return { billId: null, payload: null, userErrors: problems };
    const outcome = await asUserErrors(
      () => api.createBill(createBillRequest(input)),
      (wire) => BILL_INPUT_FIELDS[wire],
      {
        BILL_NO_DUPLICATE: 'billNo',
        PAY_FACTOR_NOT_SET: 'channel',
        CHANNEL_INVALID: 'channel',
      },
    );
    if ('userErrors' in outcome) return { billId: null, payload: null, ...outcome };
    return { billId: outcome.ok.id, payload: payloadFromWire(input.channel, outcome.ok), userErrors: [] };
  }
}
