import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { BILL_NO_PATTERN, BILL_NO_RULE, channelSpec } from '../../wire/index.js';
import { CreateScanBillInput } from '../bill/bill.input.js';
import { BILL_INPUT_FIELDS, scanBillRequest, validateScanBill } from '../bill/bill.validation.js';
import { Channel } from '../common/enums.js';
import { UserError } from '../common/user-error.type.js';
import { missingAsNull, type GatewayContext } from '../context.js';
import { asUserErrors, badUserInput, type UserErrorShape } from '../errors.js';
import { UpstreamError } from '../../upstream/upstream-error.js';
import { Budget } from '../operation-budget.js';
import { CreateOfflineRefundInput } from '../refund/refund.input.js';
import { REFUND_INPUT_FIELDS, validateCreateRefund } from '../refund/refund.validation.js';
import { RequireScopes } from '../require-scopes.js';

/**
 * The in-store operations (BeeCloud's `/2/rest/offline/...`): a cashier scans the customer's
 * pay code or shows a QR code, polls, reverts an unpaid bill, refunds at once. They use the
 * bill and refund scopes of their online twins.
 */

@ObjectType({ description: 'The outcome of an in-store bill.' })
export class CreateScanBillPayload {
  @Field(() => ID, { nullable: true, description: 'The bill, or the same bill when this was a retry.' })
  billId!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Scan channels: true paid; false the customer is still confirming (poll offlineBillStatus, revertBill when ' +
      'you give up). Null for a QR channel and on userErrors.',
  })
  paid!: boolean | null;

  @Field(() => Channel, {
    nullable: true,
    description:
      "BC_SCAN and SCAN: the wallet of the customer's code, WX_SCAN or ALI_SCAN (a SCAN bill is this channel's).",
  })
  scannedChannel!: Channel | null;

  @Field(() => String, {
    nullable: true,
    description: 'QR channels: render as a QR code for the customer to scan.',
  })
  codeUrl!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was charged; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Whether an in-store bill is paid.' })
export class OfflineBillStatus {
  @Field({ description: 'The merchant order number asked about.' })
  billNo!: string;

  @Field({ description: 'Whether the customer paid.' })
  paid!: boolean;
}

@ObjectType({ description: 'The outcome of revertBill.' })
export class RevertBillPayload {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: the bill is revoked and can no longer be paid. false: it was paid already; refund it instead.',
  })
  revoked!: boolean | null;

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The outcome of an in-store refund.' })
export class CreateOfflineRefundPayload {
  @Field(() => ID, { nullable: true, description: 'The refund, or the same refund when this was a retry.' })
  refundId!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the money went back (in-store refunds complete at once).',
  })
  succeeded!: boolean | null;

  @Field(() => [UserError], { description: 'Why nothing was refunded; empty on success.' })
  userErrors!: UserError[];
}

const offlineChannelProblem = (channel: Channel | null | undefined): UserErrorShape[] =>
  channel && !channelSpec(channel).offline
    ? [{ code: 'CHANNEL_INVALID', field: 'channel', message: `${channel} is not an in-store channel` }]
    : [];
const billNoProblem = (billNo: string): UserErrorShape[] =>
  BILL_NO_PATTERN.test(billNo)
    ? []
    : [{ code: 'PARAM_INVALID', field: 'billNo', message: `billNo ${BILL_NO_RULE}` }];

/**
 * A scan the channel declined (`7 CHANNEL_ERROR`: the code expired, the balance was short) is
 * the customer's outcome, not the gateway's failure: a userError on authCode, like any refusal.
 */
async function scanOrDecline<T>(scan: () => Promise<T>): Promise<T | { declined: UserErrorShape }> {
  try {
    return await scan();
  } catch (error) {
    if (!(error instanceof UpstreamError && error.code === 'CHANNEL_ERROR')) throw error;
    return { declined: { code: 'CHANNEL_ERROR', field: 'input.authCode', message: error.detail } };
  }
}

@Resolver()
export class InStoreResolver {
  @RequireScopes('bills:create')
  @Budget({ calls: 1 })
  @Mutation(() => CreateScanBillPayload, {
    description:
      "Charges the customer's scanned pay code (scan channels) or creates a bill to show as a QR code. " +
      'Idempotent on billNo with the same input while the bill is unpaid.',
  })
  async createScanBill(
    @Ctx() { api, invalidate, maxOptionalBytes, notifyUrlPrefixes }: GatewayContext,
    @Arg('input', () => CreateScanBillInput, { description: 'The in-store bill.' })
    input: CreateScanBillInput,
  ): Promise<CreateScanBillPayload> {
    const refused = { billId: null, paid: null, scannedChannel: null, codeUrl: null };
    const problems = validateScanBill(input, { maxOptionalBytes, notifyUrlPrefixes });
    if (problems.length) return Object.assign({}, refused, { userErrors: problems });
    const outcome = await asUserErrors(
      () => scanOrDecline(() => api.offlineBill(scanBillRequest(input))),
      (wire) => BILL_INPUT_FIELDS[wire],
      { BILL_NO_DUPLICATE: 'billNo', PAY_FACTOR_NOT_SET: 'channel', CHANNEL_INVALID: 'channel' },
    );
    if ('userErrors' in outcome) return Object.assign({}, refused, outcome);
    if ('declined' in outcome.ok) return Object.assign({}, refused, { userErrors: [outcome.ok.declined] });
    invalidate({ billNo: input.billNo }); // a retry may have paid a bill the cache holds unpaid
    const answer = outcome.ok;
    return {
      billId: answer.id,
      paid: answer.pay_result ?? null,
      scannedChannel: answer.channel_type ?? null,
      codeUrl: answer.code_url ?? null,
      userErrors: [],
    };
  }

  @RequireScopes('bills:read')
  @Budget({ calls: 1 })
  @Query(() => OfflineBillStatus, {
    nullable: true,
    description:
      'Whether an in-store bill is paid (ask BeeCloud, not the cache); null when there is no such bill.',
  })
  async offlineBillStatus(
    @Ctx() { api }: GatewayContext,
    @Arg('billNo', { description: 'The merchant order number.' }) billNo: string,
    @Arg('channel', () => Channel, { nullable: true, description: "The bill's channel, to double-check." })
    channel?: Channel | null,
  ): Promise<OfflineBillStatus | null> {
    const [problem] = [...billNoProblem(billNo), ...offlineChannelProblem(channel)];
    if (problem) throw badUserInput(problem.message, problem.field ?? undefined);
    return api.offlineBillStatus({ bill_no: billNo, ...(channel ? { channel } : {}) }).then(
      (answer) => ({ billNo, paid: answer.pay_result }),
      (error: unknown) => missingAsNull(error, 'NO_SUCH_BILL'),
    );
  }

  @RequireScopes('bills:create')
  @Budget({ calls: 1 })
  @Mutation(() => RevertBillPayload, {
    description: 'Revokes an in-store bill that is not paid (the customer gave up); a paid bill stays paid.',
  })
  async revertBill(
    @Ctx() { api, invalidate }: GatewayContext,
    @Arg('billNo', { description: 'The merchant order number.' }) billNo: string,
    @Arg('channel', () => Channel, { nullable: true, description: "The bill's channel, to double-check." })
    channel?: Channel | null,
  ): Promise<RevertBillPayload> {
    const problems = [...billNoProblem(billNo), ...offlineChannelProblem(channel)];
    if (problems.length) return { revoked: null, userErrors: problems };
    const outcome = await asUserErrors(
      () => api.offlineRevert(billNo, { method: 'REVERT', ...(channel ? { channel } : {}) }),
      (wire) => (wire === 'channel' ? 'channel' : undefined),
      { NO_SUCH_BILL: 'billNo' },
      '', // plain arguments, not under `input`
    );
    if ('userErrors' in outcome) return { revoked: null, userErrors: outcome.userErrors };
    invalidate({ billNo });
    return { revoked: outcome.ok.revert_status, userErrors: [] };
  }

  @RequireScopes('refunds:create')
  @Budget({ calls: 1 })
  @Mutation(() => CreateOfflineRefundPayload, {
    description: 'Refunds an in-store bill at once. Idempotent on refundNo with the same input.',
  })
  async createOfflineRefund(
    @Ctx() { api, invalidate, maxOptionalBytes, notifyUrlPrefixes, loaders }: GatewayContext,
    @Arg('input', () => CreateOfflineRefundInput, { description: 'The in-store refund.' })
    input: CreateOfflineRefundInput,
  ): Promise<CreateOfflineRefundPayload> {
    const problems = validateCreateRefund(
      input,
      { maxOptionalBytes, notifyUrlPrefixes },
      loaders.knownBill(input.billNo),
    );
    if (problems.length) return { refundId: null, succeeded: null, userErrors: problems };
    const outcome = await asUserErrors(
      () =>
        api.offlineRefund({
          bill_no: input.billNo,
          refund_no: input.refundNo,
          refund_fee: input.refundFeeFen,
          ...(input.channel ? { channel: input.channel } : {}),
          ...(input.optional ? { optional: input.optional } : {}),
          ...(input.reason ? { refund_reason: input.reason } : {}),
          ...(input.operatorId ? { operator_id: input.operatorId } : {}),
          ...(input.storeId ? { store_id: input.storeId } : {}),
          ...(input.refundAccount != null ? { refund_account: input.refundAccount } : {}),
        }),
      (wire) => REFUND_INPUT_FIELDS[wire],
      { NO_SUCH_BILL: 'billNo', CHANNEL_INVALID: 'channel', REFUND_AMOUNT_TOO_LARGE: 'refundFeeFen' },
    );
    if ('userErrors' in outcome) return { refundId: null, succeeded: null, ...outcome };
    invalidate({ billNo: input.billNo });
    return { refundId: outcome.ok.id, succeeded: outcome.ok.refund_result, userErrors: [] };
  }
}
