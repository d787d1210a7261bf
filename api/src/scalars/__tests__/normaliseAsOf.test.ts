import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors/index.ts';
import { asOfFragment } from '../../cypher/asOf.ts';
import { normaliseAsOf, normaliseFrom } from '../normaliseAsOf.ts';

describe('normaliseAsOf (docs/MODEL.md, "Time")', () => {
  it('moves the cursor to the last moment of its period', () => {
    expect(normaliseAsOf('2019')).toBe('2019-12-31');
    expect(normaliseAsOf('2019-11')).toBe('2019-11-31');
    expect(normaliseAsOf('2019-11-05')).toBe('2019-11-05');
    expect(normaliseAsOf(' 2019-03 ')).toBe('2019-03-31');
  });

  it('treats no cursor as none (null: no cut)', () => {
    expect(normaliseAsOf(null)).toBeNull();
    expect(normaliseAsOf(undefined)).toBeNull();
    expect(normaliseAsOf('')).toBeNull();
  });

  it('orders dates of every precision the way "had it happened by then" needs', () => {
    const counts = (landedOn: string, asOf: string) => landedOn <= normaliseAsOf(asOf)!;
    expect(counts('2019-07', '2019-03')).toBe(false); // 大吕 landed 2019-07
    expect(counts('2019-07', '2019-07')).toBe(true);
    expect(counts('2019-07', '2019-08')).toBe(true);
    expect(counts('2019-07-31', '2019-07')).toBe(true);
    expect(counts('2019', '2019-01')).toBe(true); // a year-only date counts from its first period
    expect(counts('2020', '2019-12-31')).toBe(false);
  });

  it('refuses what is not an ISO date, naming the argument', () => {
    for (const bad of ['2019-13', '19-11', 'yesterday', '2019-11-05T00:00', '"}) DETACH DELETE n //', '2019-00']) {
      let caught: unknown;
      try {
        normaliseAsOf(bad, 'asOf');
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ApiError);
      expect((caught as ApiError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
    }
  });

  it('keeps lower bounds at the start of their period', () => {
    expect(normaliseFrom('2019', 'from')).toBe('2019');
    expect(normaliseFrom(null, 'from')).toBeNull();
  });

  it('is one parameterised fragment', () => {
    expect(asOfFragment.node('e')).toBe('($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)))');
    expect(asOfFragment.rel('r')).toBe('($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)');
  });
});
