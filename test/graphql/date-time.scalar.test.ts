import { GraphQLDateTime } from 'graphql-scalars';
import { DateTime } from '../../src/graphql/common/date-time.scalar.js';

/** graphql/common/date-time.scalar.ts: graphql-scalars' DateTime, answering text. */
describe('the DateTime scalar', () => {
  it('answers the ISO text JSON would have written for the Date', () => {
    const date = new Date(1764300000123);
    expect(DateTime.serialize(date)).toBe('2025-11-28T03:20:00.123Z');
    expect(DateTime.serialize(date)).toBe(JSON.parse(JSON.stringify(GraphQLDateTime.serialize(date))));
    expect(DateTime.serialize('2025-11-28T11:20:00.123+08:00')).toBe('2025-11-28T03:20:00.123Z');
    expect(DateTime.serialize(1764300000123)).toBe('2025-11-28T03:20:00.123Z');
  });

  it('refuses what graphql-scalars refuses, and reads input as it does', () => {
    for (const bad of [new Date(NaN), 'yesterday', true])
      expect(() => DateTime.serialize(bad)).toThrow(/DateTime cannot/);
    expect(DateTime.parseValue('2025-11-28T03:20:00Z')).toEqual(
      GraphQLDateTime.parseValue('2025-11-28T03:20:00Z'),
    );
    expect(() => DateTime.parseValue('yesterday')).toThrow(/DateTime cannot/);
  });

  it('is the same type in the schema: name, description and specification', () => {
    const { name, description, specifiedByURL } = GraphQLDateTime;
    expect(DateTime).toMatchObject({ name, description, specifiedByURL });
  });
});
