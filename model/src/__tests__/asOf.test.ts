// The JavaScript half of the as-of rule against the model's table of cases (the Cypher half runs
// the same table in real Neo4j: api/src/__tests__/asOfRule.test.ts).
import { describe, expect, it } from 'vitest';
import { AS_OF_CASES, AsOfFormatError, asOfJs, endOfPeriod, startOfPeriod } from '../index.ts';

describe('the as-of rule in JavaScript', () => {
  for (const c of AS_OF_CASES) {
    it(c.what, () => {
      const cursor = endOfPeriod(c.asOf);
      expect(asOfJs.node({ landedOn: c.landedOn, leftOn: c.leftOn ?? null }, cursor)).toBe(c.node);
      if (c.since !== undefined) expect(asOfJs.rel({ since: c.since }, cursor)).toBe(c.rel);
    });
  }

  it('moves a cursor to the end of its period and a lower bound to its start', () => {
    expect(endOfPeriod('2019')).toBe('2019-12-31');
    expect(endOfPeriod('2019-11')).toBe('2019-11-31');
    expect(endOfPeriod(' 2019-11-05 ')).toBe('2019-11-05');
    expect(startOfPeriod('2019')).toBe('2019');
    expect(endOfPeriod(null)).toBeNull();
  });

  it('refuses what is not an ISO date', () => {
    for (const bad of ['2019-13', '19-11', 'yesterday', '2019-11-05T00:00', '2019-00', '2019-11-32']) {
      expect(() => endOfPeriod(bad), bad).toThrow(AsOfFormatError);
    }
  });
});
