import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { StatusQueryChannel } from '../common/enums.js';
import { UserError } from '../common/user-error.type.js';
import { RequireScopes } from '../require-scopes.js';
import { refundEventFromRecords } from '../../events/payment-event.js';
import { Budget } from '../operation-budget.js';
import type { GatewayContext } from '../context.js';
import { asUserErrors } from '../errors.js';
import { CreateRefundInput, ReviewRefundsInput } from './refund.input.js';
import { REFUND_INPUT_FIELDS, validateCreateRefund, validateReviewRefunds } from './refund.validation.js';
import {
  CreateRefundPayload,
  RefundReviewOutcome,
  ReviewRefundsPayload,
  ReviewOutcomeCode,
  SyncRefundStatusPayload,
} from './refund.payload.js';

const refundFieldOf = (wire: string) => REFUND_INPUT_FIELDS[wire];
const REFUND_FIELD_BY_CODE = {
  NO_SUCH_BILL: 'billNo',
  BILL_UNSUCCESS: 'billNo',
  REFUND_EXCEED_TIME: 'billNo',
  ALREADY_REFUNDING: 'billNo',
  PREREFUND_DUPLICATE: 'billNo',
  REFUND_AMOUNT_TOO_LARGE: 'refundFeeFen',
  NO_SUCH_REFUND: 'refundNo',
  CHANNEL_INVALID: 'channel',
} as const;

/** The refund mutations: create, review and sync, each answering userErrors for BeeCloud's refusals. */
@Resolver()
export class RefundMutationResolver {
  @RequireScopes('refunds:create')
  @Budget({ calls: 1 })
  @Mutation(() => CreateRefundPayload, {
    description:
      'Refunds a paid bill, or creates a pre-refund with needApproval. Idempotent on refundNo with the same input.',
  })
  async createRefund(
    @Ctx() { api, loaders, invalidate, maxOptionalBytes, notifyUrlPrefixes, principal }: GatewayContext,
    @Arg('input', () => CreateRefundInput, { description: 'The refund to create.' }) input: CreateRefundInput,
  ) {
    // A caller who may not read bills learns a refusal's code, not the bill's details.
    const forCaller = principal?.scopes.has('bills:read')
      ? (errors: UserError[]) => errors
      : withoutBillDetails;
    const problems = validateCreateRefund(
      input,
      { maxOptionalBytes, notifyUrlPrefixes },
      loaders.knownBill(input.billNo),
    );
    if (problems.length)
      return Object.assign(new CreateRefundPayload(), {
        refundId: null,
        confirmationUrl: null,
        userErrors: forCaller(problems),
      });
    const outcome = await asUserErrors(
      () =>
        api.createRefund({
          bill_no: input.billNo,
          refund_no: input.refundNo,
          refund_fee: input.refundFeeFen,
          need_approval: input.needApproval,
          ...(input.channel ? { channel: input.channel } : {}),
          ...(input.optional ? { optional: input.optional } : {}),
          ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
          ...(input.refundAccount != null ? { refund_account: input.refundAccount } : {}),
        }),
      refundFieldOf,
      REFUND_FIELD_BY_CODE,
    );
    if ('userErrors' in outcome)
      return Object.assign(new CreateRefundPayload(), {
        refundId: null,
        confirmationUrl: null,
        userErrors: forCaller(outcome.userErrors),
      });
    invalidate({ billNo: input.billNo }); // a refund that completes at once changes the bill
    const id = outcome.ok.id;
    return Object.assign(new CreateRefundPayload(() => loaders.refundById.load(id)), {
      refundId: id,
      confirmationUrl: outcome.ok.url ?? null,
      userErrors: [],
    });
  }

  @RequireScopes('refunds:review')
  @Budget({ calls: 1 })
  @Mutation(() => ReviewRefundsPayload, {
    description: 'Approves or denies pre-refunds; each id succeeds or fails on its own.',
  })
  async reviewRefunds(
    @Ctx() { api, invalidate }: GatewayContext,
    @Arg('input', () => ReviewRefundsInput, { description: 'The pre-refunds and the verdict.' })
    input: ReviewRefundsInput,
  ): Promise<ReviewRefundsPayload> {
    const problems = validateReviewRefunds(input);
    if (problems.length) {
      // Nothing was sent: each id says why it was not reviewed.
      const invalid = new Set(problems.map((problem) => problem.field));
      const outcomes = input.ids.map((id, i) =>
        invalid.has(`input.ids[${i}]`)
          ? {
              refundId: id,
              code: ReviewOutcomeCode.INVALID_ID,
              ok: false,
              message: 'not a refund id (a UUID)',
            }
          : {
              refundId: id,
              code: ReviewOutcomeCode.NOT_REVIEWED,
              ok: false,
              message: 'not reviewed: the request was refused',
            },
      );
      return { outcomes, confirmationUrl: null, userErrors: problems };
    }
    const outcome = await asUserErrors(
      () =>
        api.reviewRefunds({
          channel: input.channel,
          ids: input.ids,
          agree: input.agree,
          ...(input.denyReason ? { deny_reason: input.denyReason } : {}),
        }),
      refundFieldOf,
      { CHANNEL_INVALID: 'channel' },
    );
    if ('userErrors' in outcome) return { outcomes: [], confirmationUrl: null, ...outcome };
    // Approved refunds may complete at once, and denied ones are DENIED now: their bills and
    // refund lists change, and which bills they belong to is not in the answer.
    invalidate({ all: true });
    return {
      outcomes: input.ids.map((id) => reviewOutcome(id, input.agree, outcome.ok.result_map)),
      confirmationUrl: outcome.ok.url ?? null,
      userErrors: [],
    };
  }

  @RequireScopes('refunds:read')
  @Budget({ calls: 3 }) // the status, then the settled refund and its bill
  @Mutation(() => SyncRefundStatusPayload, {
    description:
      'Asks the provider (WX, YEE, KUAIQIAN, BD, BC) how a refund stands; a settled refund completes here.',
  })
  async syncRefundStatus(
    @Ctx() { api, invalidate, announce, loaders }: GatewayContext,
    @Arg('channel', () => StatusQueryChannel, { description: "The refund's provider." })
    channel: StatusQueryChannel,
    @Arg('refundNo', { description: 'Your refund number (refund_no).' }) refundNo: string,
  ): Promise<SyncRefundStatusPayload> {
    const outcome = await asUserErrors(
      // bill_update_flag "1": a settled refund is recorded on its bill too (BC needs it asked).
      () => api.refundStatus({ channel, refund_no: refundNo, bill_update_flag: '1' }),
      refundFieldOf,
      REFUND_FIELD_BY_CODE,
      '', // plain arguments: the field is `refundNo`, not under `input`
    );
    if ('userErrors' in outcome)
      return Object.assign(new SyncRefundStatusPayload(), { status: null, ...outcome });
    // A refund the provider settled just completed here, changing its bill; no webhook says so.
    const loadRefund = () => api.refundByNo(refundNo);
    if (outcome.ok.refund_status !== 'PROCESSING') {
      invalidate({ all: true });
      // No webhook announces these refunds: publish their REFUND event here, as a webhook would.
      const refund = await loadRefund();
      if (refund?.finish) {
        const bill = await loaders.billByNo.load(refund.bill_no);
        await announce(refundEventFromRecords(refund, bill, Date.now()));
      }
      const settled = refund;
      return Object.assign(new SyncRefundStatusPayload(async () => settled), {
        status: outcome.ok.refund_status,
        userErrors: [],
      });
    }
    return Object.assign(new SyncRefundStatusPayload(loadRefund), {
      status: outcome.ok.refund_status,
      userErrors: [],
    });
  }
}

/**
 * One id's outcome. BeeCloud reports per id only when approving (`result_map`: "OK" or why
 * not); a denial moves no money and has no map. Read with Object.hasOwn: an id such as
 * `__proto__` must find nothing, not Object.prototype.
 */
function reviewOutcome(
  id: string,
  agree: boolean,
  resultMap: Record<string, string> | undefined,
): RefundReviewOutcome {
  if (!agree) return { refundId: id, code: ReviewOutcomeCode.DENIED, ok: true, message: 'denied' };
  const key =
    resultMap &&
    (Object.hasOwn(resultMap, id) ? id : Object.hasOwn(resultMap, id.trim()) ? id.trim() : undefined);
  if (key === undefined)
    return { refundId: id, code: ReviewOutcomeCode.NO_RESULT, ok: false, message: 'no result for this id' };
  const message = resultMap![key]!;
  return message === 'OK'
    ? { refundId: id, code: ReviewOutcomeCode.APPROVED, ok: true, message }
    : { refundId: id, code: ReviewOutcomeCode.FAILED, ok: false, message };
}

/** Refusals that speak of the bill (its amount, its number, its state), in words that do not. */
const BILL_REFUSALS: Partial<Record<string, string>> = {
  NO_SUCH_BILL: 'the bill cannot be refunded: none such, or not yours to see',
  BILL_UNSUCCESS: 'the bill cannot be refunded: it is not paid',
  REFUND_EXCEED_TIME: 'the bill cannot be refunded: past its refund period',
  ALREADY_REFUNDING: 'the bill has a refund in progress',
  REFUND_AMOUNT_TOO_LARGE: 'refundFeeFen exceeds what the bill can still refund',
  PREREFUND_DUPLICATE: 'the bill already has a pre-refund awaiting review',
  CHANNEL_INVALID: "the bill's channel does not allow this refund",
};

/**
 * userErrors for a caller without `bills:read`: the codes stay (a client must branch on
 * them), BeeCloud's details — which name the bill's total and number — do not.
 */
function withoutBillDetails(errors: UserError[]): UserError[] {
  return errors.map((error) => {
    const message = BILL_REFUSALS[error.code];
    return message ? Object.assign({}, error, { message }) : error;
  });
}
