import { describe, expect, it } from 'vitest';
import { GROWTH_MONTHS, growthWindow, monthsBefore } from '../growthWindow.ts';

const point = (period: string, landed: number, cumulativeNet: number) => ({ period, landed, departures: 0, cumulativeNet });

describe('the growth chart’s months', () => {
  it('count back across years', () => {
    expect(monthsBefore('2020-04', GROWTH_MONTHS - 1)).toBe('2016-05');
    expect(monthsBefore('2020-01', 1)).toBe('2019-12');
    expect(monthsBefore('2020-12', 0)).toBe('2020-12');
  });

  it('start at the first arrival, not at empty months before it', () => {
    const pts = [point('2018-09', 0, 0), point('2018-10', 0, 0), point('2018-11', 1, 1), point('2018-12', 0, 1)];
    expect(growthWindow(pts).map((p) => p.period)).toEqual(['2018-11', '2018-12']);
  });

  it('keep the last GROWTH_MONTHS months of a long history, and nothing for a scope with no firm', () => {
    const long = Array.from({ length: 60 }, (_, i) => point(monthsBefore('2020-04', 59 - i), 1, i + 1));
    const w = growthWindow(long);
    expect(w).toHaveLength(GROWTH_MONTHS);
    expect(w.at(-1)?.period).toBe('2020-04');
    expect(w[0]?.cumulativeNet).toBe(13);
    expect(growthWindow([point('2020-03', 0, 0), point('2020-04', 0, 0)])).toEqual([]);
  });
});
