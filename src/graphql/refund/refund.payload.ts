import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { RefundRecord } from '../../wire/index.js';
import { RefundChannelStatus } from '../common/enums.js';
import { UserError } from '../common/user-error.type.js';
import { RequireScopes } from '../require-scopes.js';
import { Budget } from '../operation-budget.js';
import { Refund } from './refund.type.js';

/** Where a refund-payload's `refund` comes from: loaded only when selected. */
type RefundThunk = () => Promise<RefundRecord | null>;

@ObjectType({ description: 'The outcome of createRefund.' })
export class CreateRefundPayload {
  constructor(private readonly loadRefund: RefundThunk = async () => null) {}

  @Field(() => ID, { nullable: true, description: 'The refund, or the same refund when this was a retry.' })
  refundId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ALI: the page where the merchant confirms the refund with the Alipay password. The refund stays pending until then.',
  })
  confirmationUrl!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was refunded; empty on success.' })
  userErrors!: UserError[];

  @RequireScopes('refunds:read')
  @Budget({ calls: 1 })
  @Field(() => Refund, {
    nullable: true,
    description: 'The refund as BeeCloud now has it (one look-up when selected; needs refunds:read).',
  })
  async refund(): Promise<Refund | null> {
    const record = await this.loadRefund();
    return record && Refund.fromWire(record);
  }
}

export enum ReviewOutcomeCode {
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
  FAILED = 'FAILED',
  NO_RESULT = 'NO_RESULT',
  INVALID_ID = 'INVALID_ID',
  NOT_REVIEWED = 'NOT_REVIEWED',
}
registerEnumType(ReviewOutcomeCode, {
  name: 'ReviewOutcomeCode',
  description: 'How reviewing one refund ended.',
  valuesConfig: {
    APPROVED: { description: 'Approved: the refund started (ALI: after the merchant confirms).' },
    DENIED: { description: 'Denied: the pre-refund is closed and the bill may be refunded again.' },
    FAILED: {
      description: 'BeeCloud refused this id; `message` says why (unknown, not awaiting review, …).',
    },
    NO_RESULT: { description: "BeeCloud's answer said nothing of this id." },
    INVALID_ID: { description: 'Not a refund id (a UUID): nothing was sent to BeeCloud.' },
    NOT_REVIEWED: {
      description:
        'Another id (or the list) was refused before anything was sent: this one was not reviewed.',
    },
  },
});

@ObjectType({ description: 'The result of reviewing one refund.' })
export class RefundReviewOutcome {
  @Field(() => ID, { description: 'The refund reviewed, as given.' })
  refundId!: string;

  @Field(() => ReviewOutcomeCode, { description: 'How it ended, to branch on.' })
  code!: ReviewOutcomeCode;

  @Field({ description: 'APPROVED or DENIED.' })
  ok!: boolean;

  @Field({ description: '"OK", or why this refund was not reviewed.' })
  message!: string;
}

@ObjectType({ description: 'The outcome of reviewRefunds: one outcome per id.' })
export class ReviewRefundsPayload {
  @Field(() => [RefundReviewOutcome], { description: 'One per id given, in order.' })
  outcomes!: RefundReviewOutcome[];

  @Field(() => String, { nullable: true, description: 'ALI approvals: where the merchant confirms them.' })
  confirmationUrl!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The outcome of syncRefundStatus.' })
export class SyncRefundStatusPayload {
  constructor(private readonly loadRefund: RefundThunk = async () => null) {}

  @Field(() => RefundChannelStatus, {
    nullable: true,
    description: 'What the provider says; null on userErrors.',
  })
  status!: RefundChannelStatus | null;

  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];

  @Budget({ calls: 1 })
  @Field(() => Refund, {
    nullable: true,
    description: 'The refund after the sync (one look-up when selected).',
  })
  async refund(): Promise<Refund | null> {
    const record = await this.loadRefund();
    return record && Refund.fromWire(record);
  }
}
