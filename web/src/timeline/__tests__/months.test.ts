import { describe, expect, it } from 'vitest';
import { node } from '../../data/__tests__/graphFixtures.ts';
import { monthAt, monthIndex, monthOf, timelineMonths } from '../months.ts';

describe('timeline months', () => {
  it('round-trips month indexes', () => {
    expect(monthAt(monthIndex('2019-12'))).toBe('2019-12');
    expect(monthAt(monthIndex('2019-12') + 1)).toBe('2020-01');
  });
  it('counts a year-only date in its January', () => {
    expect(monthOf('2019')).toBe('2019-01');
    expect(monthOf('2019-11-05')).toBe('2019-11');
  });
  it('runs from the January of the first landing to the last landing', () => {
    const m = timelineMonths([
      node({ id: 'a', label: 'a', kind: 'Enterprise', landedOn: '2018-11' }),
      node({ id: 'b', label: 'b', kind: 'Enterprise', landedOn: '2020-03' }),
      node({ id: 'c', label: 'c', kind: 'Enterprise', landedOn: null }),
    ]);
    expect(m[0]).toBe('2018-01');
    expect(m.at(-1)).toBe('2020-03');
    expect(m).toHaveLength(27);
  });
  it('runs to the month after the last departure, so the firm can be seen gone', () => {
    const m = timelineMonths([
      node({ id: 'a', label: 'a', kind: 'Enterprise', landedOn: '2019-01' }),
      node({ id: 'b', label: 'b', kind: 'Enterprise', landedOn: '2019-05', leftOn: '2021-03-15' }),
    ]);
    expect(m[0]).toBe('2019-01');
    expect(m.at(-1)).toBe('2021-04');
  });
});
