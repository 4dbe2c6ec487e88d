import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { USER_ERROR_CODES, type UserErrorCode, type UserErrorShape } from '../errors.js';

const UserErrorCodeEnum = Object.fromEntries(USER_ERROR_CODES.map((code) => [code, code])) as {
  [K in UserErrorCode]: K;
};

const MEANING: Record<UserErrorCode, string> = {
  PAY_FACTOR_NOT_SET: 'The channel is not configured for this BeeCloud app.',
  CHANNEL_INVALID: 'This operation does not take the channel (or the bill’s channel does not allow it).',
  MISS_PARAM: 'A required field is missing; `field` names it.',
  PARAM_INVALID: 'A field breaks a rule; `field` names it and `message` the rule.',
  NO_SUCH_BILL: 'No such bill in this app.',
  BILL_UNSUCCESS: 'The bill is not paid.',
  REFUND_EXCEED_TIME: 'The bill is past its refund period.',
  ALREADY_REFUNDING: 'The bill has a refund in progress.',
  REFUND_AMOUNT_TOO_LARGE: 'More than the bill can still refund.',
  NO_SUCH_REFUND: 'No such refund in this app.',
  PREREFUND_DUPLICATE: 'The bill already has a pre-refund awaiting review.',
  BILL_NO_DUPLICATE: 'The billNo was used for another bill (or for this one with other values).',
  CHANNEL_ERROR: 'The channel declined the customer’s pay code (in store): ask for another.',
  NOT_APPLICABLE: 'The field does not apply to the channel: leave it out.',
};

registerEnumType(UserErrorCodeEnum, {
  name: 'UserErrorCode',
  description: 'Why a mutation changed nothing: BeeCloud’s result names, and the gateway’s NOT_APPLICABLE.',
  valuesConfig: Object.fromEntries(USER_ERROR_CODES.map((code) => [code, { description: MEANING[code] }])),
});

@ObjectType({ description: 'A problem with the input of a mutation; nothing was changed.' })
export class UserError implements UserErrorShape {
  @Field(() => UserErrorCodeEnum, { description: 'Stable code to branch on.' })
  code!: UserErrorCode;

  @Field(() => String, {
    nullable: true,
    description: 'The field at fault: `input.billNo` for an input object, `billNo` for an argument.',
  })
  field!: string | null;

  @Field({ description: 'What is wrong, for a developer; not for end users.' })
  message!: string;
}
