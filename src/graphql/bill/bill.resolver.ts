import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  type ResolverInterface,
} from 'type-graphql';
import { RECORD_ID_PATTERN, type BillRecord, type BillsCountQuery, type Unsigned } from '../../wire/index.js';
import { channelFilter, timeRange } from '../common/filter.js';
import { ConnectionArgs, pageCalls, pageRequest } from '../common/connection.args.js';
import { loadConnection } from '../common/connection.type.js';
import { UserError } from '../common/user-error.type.js';
import { RequireScopes } from '../require-scopes.js';
import { Budget } from '../operation-budget.js';
import { REFUNDS_PER_BILL, missingAsNull } from '../context.js';
import type { GatewayContext } from '../context.js';
import { asUserErrors, badUserInput, requireRecordId } from '../errors.js';
import { ChannelPayload } from '../payload/payload.type.js';
import { payloadFromWire } from '../payload/payload.mapper.js';
import { Refund } from '../refund/refund.type.js';
import { BillFilter, CreateBillInput } from './bill.input.js';
import { Bill, BillConnection } from './bill.type.js';
import { BILL_INPUT_FIELDS, createBillRequest, validateCreateBill } from './bill.validation.js';

@InputType({ description: 'The SMS code that confirms a BC_EXPRESS bill (authenticated payment).' })
export class ConfirmExpressPaymentInput {
  @Field(() => ID, { description: 'The bill createBill answered.' })
  billId!: string;

  @Field({ description: "The token createBill's BcExpressPayload answered." })
  token!: string;

  @Field({ description: 'The code the payer received by SMS.' })
  verifyCode!: string;
}

@ObjectType({ description: 'The outcome of confirmExpressPayment.' })
export class ConfirmExpressPaymentPayload {
  @Field(() => ID, { nullable: true, description: 'The bill, now paid; null on userErrors.' })
  billId!: string | null;

  @Field(() => [UserError], {
    description: 'Why the bill was not paid (a wrong code, token or bill); empty on success.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'What BeeCloud reconciles of one bill.' })
export class Reconciliation {
  @Field(() => ID, { description: 'The bill asked about.' })
  billId!: string;

  @Field({ description: 'Whether BeeCloud has the bill as paid.' })
  paid!: boolean;
}

@ObjectType({ description: 'The outcome of createBill.' })
export class CreateBillPayload {
  constructor(private readonly loadBill: () => Promise<BillRecord | null> = async () => null) {}

  @Field(() => ID, { nullable: true, description: 'The new bill, or the same bill when this was a retry.' })
  billId!: string | null;

  @RequireScopes('bills:read')
  @Budget({ calls: 1 })
  @Field(() => Bill, {
    nullable: true,
    description: 'The bill as BeeCloud now has it (one look-up when selected; needs bills:read).',
  })
  async bill(): Promise<Bill | null> {
    const record = await this.loadBill();
    return record && Bill.ofLookup(record);
  }

  @Field(() => ChannelPayload, { nullable: true, description: 'What the client does next to pay.' })
  payload!: ChannelPayload | null;

  @Field(() => [UserError], { description: 'Why no bill was created; empty on success.' })
  userErrors!: UserError[];
}

function billsQuery(filter: BillFilter | null | undefined): Unsigned<BillsCountQuery> {
  if (!filter) return {};
  return {
    channel: channelFilter(filter),
    ...(filter.billNo != null ? { bill_no: filter.billNo } : {}),
    ...(filter.paid != null ? { spay_result: filter.paid } : {}),
    ...(filter.refunded != null ? { refund_result: filter.refunded } : {}),
    ...(filter.buyerId != null ? { buyer_id: filter.buyerId } : {}),
    ...(filter.sellerId != null ? { seller_id: filter.sellerId } : {}),
    ...(filter.storeId != null ? { store_id: filter.storeId } : {}),
    ...(filter.operatorId != null ? { operator_id: filter.operatorId } : {}),
    ...timeRange(filter),
  };
}

@Resolver(() => Bill)
export class BillResolver implements ResolverInterface<Bill> {
  @RequireScopes('bills:read')
  @Budget({ calls: pageCalls })
  @Query(() => BillConnection, {
    description:
      'Bills, newest first, as a Relay connection whose cursors stay put when bills are created. Pages over 50 ' +
      'are fetched from BeeCloud in parallel.',
  })
  async bills(
    @Ctx() { api, loaders }: GatewayContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => BillFilter, { nullable: true, description: 'Only bills matching all of these.' })
    filter?: BillFilter | null,
  ): Promise<BillConnection> {
    const request = pageRequest(page);
    const query = billsQuery(filter);
    const needDetail = filter?.needDetail ?? false;
    const source = await loadConnection(
      request,
      query.end_time,
      ({ skip, limit, endTime }) =>
        api
          .bills(Object.assign({}, query, { end_time: endTime, skip, limit, need_detail: needDetail }))
          .then((answer) => answer.bills),
      () => api.billsCount(query).then((answer) => answer.count),
    );
    // Complete records (with detail) can answer later look-ups in this operation.
    if (needDetail) source.nodes.forEach(loaders.primeBill);
    return new BillConnection(Object.assign({}, source, { nodes: source.nodes.map(Bill.fromWire) }));
  }

  @RequireScopes('bills:read')
  @Budget({ calls: 1 })
  @Query(() => Int, { description: 'How many bills match the filter.' })
  billsCount(
    @Ctx() { api }: GatewayContext,
    @Arg('filter', () => BillFilter, { nullable: true, description: 'Only bills matching all of these.' })
    filter?: BillFilter | null,
  ): Promise<number> {
    return api.billsCount(billsQuery(filter)).then((answer) => answer.count);
  }

  @RequireScopes('bills:read')
  @Budget({ calls: 1 })
  @Query(() => Bill, {
    nullable: true,
    description:
      'A bill by its BeeCloud id or by your order number (exactly one); null when there is none. An id that is ' +
      'no BeeCloud id (a UUID) is BAD_USER_INPUT.',
  })
  async bill(
    @Ctx() { loaders }: GatewayContext,
    @Arg('id', () => ID, { nullable: true, description: "The bill's BeeCloud id." }) id?: string | null,
    @Arg('billNo', () => String, { nullable: true, description: 'Your order number (bill_no).' })
    billNo?: string | null,
  ): Promise<Bill | null> {
    if ((id == null) === (billNo == null)) throw badUserInput('give exactly one of id and billNo', 'id');
    if (id != null) requireRecordId(id, 'id');
    const record = id != null ? await loaders.billById.load(id) : await loaders.billByNo.load(billNo!);
    return record && Bill.ofLookup(record);
  }

  @RequireScopes('refunds:read')
  @Budget({ calls: 1, items: () => REFUNDS_PER_BILL })
  @FieldResolver()
  refunds(@Root() bill: Bill, @Ctx() { loaders }: GatewayContext): Promise<Refund[]> {
    return loaders.refundsByBillNo.load(bill.billNo).then((records) => records.map(Refund.fromWire));
  }

  @RequireScopes('bills:create')
  @Budget({ calls: 1 })
  @Mutation(() => ConfirmExpressPaymentPayload, {
    description:
      'Pays a BC_EXPRESS bill with the SMS code its payer received (authenticated payment, step 2). A repeat answers the same.',
  })
  async confirmExpressPayment(
    @Ctx() { api, invalidate }: GatewayContext,
    @Arg('input', () => ConfirmExpressPaymentInput, { description: 'The bill, its token and the SMS code.' })
    input: ConfirmExpressPaymentInput,
  ): Promise<ConfirmExpressPaymentPayload> {
    if (!RECORD_ID_PATTERN.test(input.billId))
      return {
        billId: null,
        userErrors: [
          { code: 'PARAM_INVALID', field: 'input.billId', message: 'billId is not a bill id (a UUID)' },
        ],
      };
    const outcome = await asUserErrors(
      () => api.confirmBill({ bc_bill_id: input.billId, token: input.token, verify_code: input.verifyCode }),
      (wire) => ({ bc_bill_id: 'billId', token: 'token', verify_code: 'verifyCode' })[wire],
      { NO_SUCH_BILL: 'billId' },
    );
    if ('userErrors' in outcome) return { billId: null, ...outcome };
    invalidate({ all: true }); // the bill is paid now; only its id is known here
    return { billId: input.billId, userErrors: [] };
  }

  @RequireScopes('reports:read')
  @Budget({ calls: 1 })
  @Query(() => Reconciliation, {
    nullable: true,
    description:
      "BeeCloud's reconciliation of one bill (whether it is paid); null when there is no such bill. A billId " +
      'that is no BeeCloud id (a UUID) is BAD_USER_INPUT.',
  })
  async reconciliation(
    @Ctx() { api }: GatewayContext,
    @Arg('billId', () => ID, { description: "The bill's BeeCloud id." }) billId: string,
  ): Promise<Reconciliation | null> {
    requireRecordId(billId, 'billId');
    return api.reconciliation({ bill_id: billId }).then(
      (answer) => ({ billId, paid: answer.pay_status === 'true' }),
      (error: unknown) => missingAsNull(error, 'NO_SUCH_BILL'),
    );
  }

  @RequireScopes('bills:create')
  @Budget({ calls: 1 })
  @Mutation(() => CreateBillPayload, {
    description:
      'Creates a bill and returns what the client needs to pay it. Idempotent on billNo with the same input.',
  })
  async createBill(
    @Ctx() { api, loaders, maxOptionalBytes, notifyUrlPrefixes }: GatewayContext,
    @Arg('input', () => CreateBillInput, { description: 'The bill to create.' }) input: CreateBillInput,
  ): Promise<CreateBillPayload> {
    const refused = (userErrors: UserError[]) =>
      Object.assign(new CreateBillPayload(), { billId: null, payload: null, userErrors });
    const problems = validateCreateBill(input, { maxOptionalBytes, notifyUrlPrefixes });
    if (problems.length) return refused(problems);
    const outcome = await asUserErrors(
      () => api.createBill(createBillRequest(input)),
      (wire) => BILL_INPUT_FIELDS[wire],
      {
        BILL_NO_DUPLICATE: 'billNo',
        PAY_FACTOR_NOT_SET: 'channel',
        CHANNEL_INVALID: 'channel',
      },
    );
    if ('userErrors' in outcome) return refused(outcome.userErrors);
    const id = outcome.ok.id;
    return Object.assign(new CreateBillPayload(() => loaders.billById.load(id)), {
      billId: id,
      payload: payloadFromWire(input.channel, outcome.ok),
      userErrors: [],
    });
  }
}
