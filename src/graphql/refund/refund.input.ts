import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ListFilter } from '../common/filter.js';
import { OfflineRefundChannel, RefundAccount, RefundChannel } from '../common/enums.js';

@InputType({ description: 'Refund filters; all given ones must match.' })
export class RefundFilter extends ListFilter {
  @Field(() => String, { nullable: true, description: "The refunded bill's order number." })
  billNo?: string | null;

  @Field(() => String, { nullable: true, description: 'Your refund number.' })
  refundNo?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: pre-refunds (created with needApproval) only; false: direct refunds only.',
  })
  needApproval?: boolean | null;
}

/** What every refund takes, online or in store. */
@InputType()
export abstract class RefundBaseInput {
  @Field({ description: 'The order number of the paid bill.' })
  billNo!: string;

  @Field({ description: "Today's date in China time (yyyyMMdd) then 3-24 letters or digits, not 000." })
  refundNo!: string;

  @Field(() => Int, {
    description: 'Amount in fen; at most the bill’s amount. A bill can be refunded successfully once.',
  })
  refundFeeFen!: number;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Your data, returned with the refund and in webhooks: at most LIMIT_MAX_OPTIONAL_BYTES (16 KiB by default) as JSON.',
  })
  optional?: Record<string, unknown> | null;

  @Field(() => RefundAccount, {
    nullable: true,
    description: 'Where the money comes from (default: unsettled funds).',
  })
  refundAccount?: RefundAccount | null;
}

@InputType({ description: 'A refund. Safe to retry with the same refundNo and input.' })
export class CreateRefundInput extends RefundBaseInput {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Create a pre-refund that waits for reviewRefunds; no money moves until then.',
  })
  needApproval!: boolean;

  @Field(() => RefundChannel, { nullable: true, description: "The bill's provider, to double-check." })
  channel?: RefundChannel | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Sends this refund's webhook here instead of to the app's URL; only under the gateway's NOTIFY_URL_PREFIXES.",
  })
  notifyUrl?: string | null;
}

@InputType({
  description: 'An in-store refund: it completes at once. Safe to retry with the same refundNo and input.',
})
export class CreateOfflineRefundInput extends RefundBaseInput {
  @Field(() => OfflineRefundChannel, { nullable: true, description: "The bill's provider, to double-check." })
  channel?: OfflineRefundChannel | null;

  @Field(() => String, { nullable: true, description: 'Why the customer is refunded.' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Your operator at the till.' })
  operatorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Your store number.' })
  storeId?: string | null;
}

@InputType({ description: 'Approve or deny pre-refunds of one provider.' })
export class ReviewRefundsInput {
  @Field(() => RefundChannel, { description: 'The provider of every refund listed.' })
  channel!: RefundChannel;

  @Field(() => [ID], { description: 'Refund ids (1..100).' })
  ids!: string[];

  @Field({ description: 'true approves (money moves), false denies.' })
  agree!: boolean;

  @Field(() => String, { nullable: true, description: 'Why, when denying (kept by BeeCloud).' })
  denyReason?: string | null;
}
