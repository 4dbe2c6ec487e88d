import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description:
    "An object with an id that names it across the API: a Bill or a Refund. BeeCloud's ids are UUIDs, unique " +
    'across bills and refunds, so the id is the BeeCloud id and `node(id:)` finds either.',
})
export abstract class Node {
  @Field(() => ID, { description: "BeeCloud's id of the record." })
  id!: string;
}
