import { DateTime } from './date-time.scalar.js';
import { Field, InputType } from 'type-graphql';
import { Channel, ChannelFamilyEnum } from './enums.js';
import { badUserInput } from '../errors.js';
import type { ChannelFilter } from '../../wire/index.js';

/** What the bill and refund filters share: channel, creation time, detail. */
@InputType()
export class ListFilter {
  @Field(() => ChannelFamilyEnum, {
    nullable: true,
    description: 'Every channel of a provider. Not with `channel`.',
  })
  family?: ChannelFamilyEnum | null;

  @Field(() => Channel, { nullable: true, description: 'One channel. Not with `family`.' })
  channel?: Channel | null;

  @Field(() => DateTime, { nullable: true, description: 'Created at or after (inclusive).' })
  createdFrom?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Created at or before (inclusive).' })
  createdTo?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Load `messageDetail` of the listed records.' })
  needDetail?: boolean | null;
}

/** The channel part of a filter: a family or one channel (not both), as BeeCloud's one `channel` field. */
export function channelFilter(filter: {
  family?: ChannelFamilyEnum | null;
  channel?: Channel | null;
}): ChannelFilter | undefined {
  if (filter.family && filter.channel)
    throw badUserInput('give family or channel, not both', 'filter.family');
  return filter.family ?? filter.channel ?? undefined;
}

/** An inclusive creation-time range in BeeCloud's 13-digit milliseconds. */
export function timeRange(filter: { createdFrom?: Date | null; createdTo?: Date | null }) {
  const range: { start_time?: number; end_time?: number } = {};
  if (filter.createdFrom) range.start_time = filter.createdFrom.getTime();
  if (filter.createdTo) range.end_time = filter.createdTo.getTime();
  return range;
}
