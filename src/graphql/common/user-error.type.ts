import { Field, ObjectType } from 'type-graphql';
import type { UserErrorShape } from '../errors.js';

@ObjectType({ description: 'A problem with the input of a mutation; nothing was changed.' })
export class UserError implements UserErrorShape {
  @Field({
    description:
      'Stable code: a BeeCloud result name such as BILL_NO_DUPLICATE, MISS_PARAM or PARAM_INVALID.',
  })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The input field at fault, like `input.billNo`.' })
  field!: string | null;

  @Field()
  message!: string;
}
