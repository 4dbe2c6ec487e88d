import { Field, Int, ObjectType } from 'type-graphql';
import { currencyOf, type PayChannel } from '../../wire/index.js';

const formats = new Map<string, Intl.NumberFormat>();

@ObjectType({
  simpleResolvers: true,
  description: 'An amount of money: minor units (fen, cents) and their currency, and the amount written out.',
})
export class Money {
  @Field(() => Int, { description: 'The amount in minor units: fen for CNY, cents for USD.' })
  amount!: number;

  @Field({ description: 'ISO 4217: CNY, or USD for PayPal.' })
  currency!: string;

  /** Written out only when selected: every bill carries several amounts, few clients read this. */
  @Field({ description: 'The amount as a person reads it, e.g. ¥12.34 or US$5.00 (zh-CN conventions).' })
  get formatted(): string {
    let format = formats.get(this.currency);
    if (!format)
      formats.set(
        this.currency,
        (format = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: this.currency })),
      );
    return format.format(this.amount / 100);
  }

  /** An amount of `channel`'s currency. */
  static of(amount: number, channel: PayChannel): Money {
    const money = new Money();
    money.amount = amount;
    money.currency = currencyOf(channel);
    return money;
  }
}
