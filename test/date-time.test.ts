/**
 * The DateTime scalar passes strings already in canonical form straight through
 * (src/graphql/builder.ts); every answer must still be exactly what graphql-scalars' DateTime
 * would have written, including its refusals.
 */
import type { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/dialects/basedash/graphql/schema.js';

const dateTime = schema.getType('DateTime') as GraphQLScalarType;

function written(serialize: (value: unknown) => unknown, value: unknown): string {
  try {
    return JSON.stringify(serialize(value));
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

const VALUES: unknown[] = [
  '2026-12-01T00:00:00.000Z',
  '1999-12-31T23:59:59.999Z',
  '2024-02-29T12:00:00.000Z', // leap day
  '2023-02-29T12:00:00.000Z', // no such day
  '2100-02-29T00:00:00.000Z', // not a leap year
  '2000-02-29T00:00:00.000Z', // a leap year
  '2026-04-31T00:00:00.000Z',
  '2026-04-30T00:00:00.000Z',
  '2026-13-01T00:00:00.000Z',
  '2026-12-01T24:00:00.000Z',
  '2026-12-01T23:60:00.000Z',
  '2026-12-31T23:59:60.000Z', // leap second
  '0000-01-01T00:00:00.000Z',
  '2026-12-01T00:00:00Z',
  '2026-12-01T00:00:00.1Z',
  '2026-12-01T01:00:00.000+01:00',
  '2026-12-01t00:00:00.000z',
  '2026-12-01',
  'not a date',
  '',
  new Date('2026-12-01T00:00:00.000Z'),
  1_700_000_000_000,
];

describe('DateTime', () => {
  it.each(VALUES.map((value) => ({ value, label: String(value) })))('writes $label as graphql-scalars does', ({ value }) => {
    expect(written((input) => dateTime.serialize(input), value)).toBe(written((input) => DateTimeResolver.serialize(input), value));
  });

  it('keeps graphql-scalars’ description link and parsing', () => {
    expect(dateTime.specifiedByURL).toBe(DateTimeResolver.specifiedByURL);
    expect(dateTime.parseValue('2026-12-01T00:00:00.000Z')).toEqual(DateTimeResolver.parseValue('2026-12-01T00:00:00.000Z'));
  });
});
