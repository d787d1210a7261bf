import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketGrowth, periodOf, type Interval } from '../bucketGrowth.ts';

/** The definition, period by period: what bucketGrowth computes in one pass over the data. */
function byDefinition(
  firms: Array<{ id: string; landedOn: string; leftOn?: string | null }>,
  projects: Array<{ date: string | null; amount: number }>,
  periods: string[],
  interval: Interval,
) {
  const upTo = (date: string | null | undefined, p: string) => {
    const q = typeof date === 'string' ? periodOf(date, interval) : null;
    return q !== null && q <= p;
  };
  return periods.map((p) => {
    const landedIds = firms.filter((f) => periodOf(f.landedOn, interval) === p).map((f) => f.id).sort();
    const departedIds = firms.filter((f) => typeof f.leftOn === 'string' && periodOf(f.leftOn, interval) === p).map((f) => f.id).sort();
    const amounts = projects.filter((x) => x.date !== null && periodOf(x.date, interval) === p).map((x) => x.amount);
    const cumulative = firms.filter((f) => upTo(f.landedOn, p)).length;
    const cumulativeDepartures = firms.filter((f) => upTo(f.leftOn, p)).length;
    return {
      period: p,
      landed: landedIds.length,
      departures: departedIds.length,
      net: landedIds.length - departedIds.length,
      cumulative,
      cumulativeDepartures,
      cumulativeNet: cumulative - cumulativeDepartures,
      investmentYuan: amounts.length > 0 ? amounts.reduce((a, b) => a + b, 0) : null,
      landedIds,
      departedIds,
    };
  });
}

const date = fc.tuple(fc.integer({ min: 2015, max: 2022 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined })).map(([y, m]) => (m === undefined ? String(y) : `${y}-${String(m).padStart(2, '0')}-15`));

describe('bucketGrowth', () => {
  it('every period equals its definition: firms landed and left in it, everyone landed and left up to it, its projects summed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), landedOn: fc.oneof(date, fc.constant('unknown')), leftOn: fc.option(date, { nil: null }) }),
          { maxLength: 40 },
        ),
        fc.array(fc.record({ date: fc.option(date, { nil: null }), amount: fc.integer({ min: 1, max: 1e6 }) }), { maxLength: 20 }),
        fc.constantFrom<Interval>('MONTH', 'QUARTER', 'YEAR'),
        fc.option(date, { nil: null }),
        (firms, projects, interval, from) => {
          const out = bucketGrowth(firms, projects, { from, to: null, interval });
          expect(out).toEqual(byDefinition(firms, projects, out.map((o) => o.period), interval));
          // Periods are consecutive, from `from` (or the first landing or departure) to the last one.
          const dated = firms.flatMap((f) => [periodOf(f.landedOn, interval), f.leftOn ? periodOf(f.leftOn, interval) : null]).filter((p) => p !== null).sort();
          if (out.length > 0) {
            expect(out[0]!.period).toBe(from !== null ? periodOf(from, interval) : dated[0]);
            expect(out.at(-1)!.period).toBe(dated.at(-1));
          }
        },
      ),
    );
  });

  it('firms counted by their dates (the district without ids) give the same periods, with no ids listed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), landedOn: date, leftOn: fc.option(date, { nil: null }) }), { maxLength: 60 }),
        fc.array(fc.record({ date: fc.option(date, { nil: null }), amount: fc.integer({ min: 1, max: 1e6 }) }), { maxLength: 20 }),
        fc.constantFrom<Interval>('MONTH', 'QUARTER', 'YEAR'),
        fc.option(date, { nil: null }),
        (firms, projects, interval, from) => {
          // What the grouped query returns: one row per pair of dates with its count, one per project date with the sum.
          const counted = new Map<string, { n: number; landedOn: string; leftOn: string | null }>();
          for (const f of firms) {
            const key = JSON.stringify([f.landedOn, f.leftOn]);
            const row = counted.get(key) ?? { n: 0, landedOn: f.landedOn, leftOn: f.leftOn };
            row.n += 1;
            counted.set(key, row);
          }
          const sums = new Map<string | null, number>();
          for (const x of projects) sums.set(x.date, (sums.get(x.date) ?? 0) + x.amount);
          const out = bucketGrowth([...counted.values()], [...sums].map(([d, amount]) => ({ date: d, amount })), { from, to: null, interval });
          const expected = bucketGrowth(firms, projects, { from, to: null, interval }).map((p) => ({ ...p, landedIds: [], departedIds: [] }));
          expect(out).toEqual(expected);
        },
      ),
    );
  });

  it('quarters of a small example', () => {
    const out = bucketGrowth(
      [{ id: 'b', landedOn: '2019-05-02' }, { id: 'a', landedOn: '2019-04' }, { id: 'c', landedOn: '2019' }, { id: 'd', landedOn: '2020-01-09' }],
      [{ date: '2019-06-30', amount: 5 }, { date: '2019-04-01', amount: 7 }, { date: null, amount: 100 }],
      { from: '2019-04', to: null, interval: 'QUARTER' },
    );
    expect(out.map((o) => [o.period, o.landed, o.cumulative, o.investmentYuan, o.landedIds.join()])).toEqual([
      ['2019-Q2', 2, 3, 12, 'a,b'],
      ['2019-Q3', 0, 3, null, ''],
      ['2019-Q4', 0, 3, null, ''],
      ['2020-Q1', 1, 4, null, 'd'],
    ]);
  });

  it('a departure counts in the period of its leftOn, and from then on the firm is no longer there', () => {
    const out = bucketGrowth(
      [{ id: 'a', landedOn: '2019-01' }, { id: 'b', landedOn: '2019-05', leftOn: '2021-03-15' }, { id: 'c', landedOn: '2020-02', leftOn: '2022' }],
      [],
      { from: '2021-02', to: '2022-01', interval: 'MONTH' },
    );
    expect(out.slice(0, 3).map((o) => [o.period, o.landed, o.departures, o.net, o.cumulative, o.cumulativeDepartures, o.cumulativeNet, o.departedIds.join()])).toEqual([
      ['2021-02', 0, 0, 0, 3, 0, 3, ''],
      ['2021-03', 0, 1, -1, 3, 1, 2, 'b'],
      ['2021-04', 0, 0, 0, 3, 1, 2, ''],
    ]);
    // A year known only as "2022" leaves in its first month, as asOf counts it.
    expect(out.at(-1)).toMatchObject({ period: '2022-01', departures: 1, cumulativeNet: 1, departedIds: ['c'] });
  });
});
