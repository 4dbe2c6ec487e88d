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

  @Field({ description: 'The amount as a person reads it, e.g. ¥12.34 or US$5.00 (zh-CN conventions).' })
  formatted!: string;

  /** An amount of `channel`'s currency. */
  static of(amount: number, channel: PayChannel): Money {
    const currency = currencyOf(channel);
    let format = formats.get(currency);
    if (!format)
      formats.set(currency, (format = new Intl.NumberFormat('zh-CN', { style: 'currency', currency })));
    return Object.assign(new Money(), { amount, currency, formatted: format.format(amount / 100) });
  }
}
