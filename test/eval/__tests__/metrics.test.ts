import { describe, expect, it } from 'vitest';
import { averagePrecisionAt, precisionAt, recallAt, shuffled } from '../metrics.ts';

describe('backtest metrics', () => {
  const pos = new Set(['a', 'c', 'x']);
  const ranked = ['a', 'b', 'c', 'd'];
  it('precision@k and recall@k count hits in the top k', () => {
    expect(precisionAt(ranked, pos, 2)).toBe(0.5);
    expect(precisionAt(ranked, pos, 4)).toBe(0.5);
    expect(recallAt(ranked, pos, 1)).toBeCloseTo(1 / 3, 12);
    expect(recallAt(ranked, pos, 4)).toBeCloseTo(2 / 3, 12);
    expect(recallAt(ranked, new Set(), 4)).toBe(0);
  });
  it('AP@k averages precision at each hit over min(positives, k)', () => {
    expect(averagePrecisionAt(ranked, pos, 4)).toBeCloseTo((1 / 1 + 2 / 3) / 3, 12);
    expect(averagePrecisionAt(['a', 'c'], new Set(['a', 'c']), 2)).toBe(1);
    expect(averagePrecisionAt(['b', 'a'], new Set(['a']), 2)).toBe(0.5);
  });
  it('shuffles deterministically by seed, keeping every item', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i);
    expect(shuffled(xs, 1)).toEqual(shuffled(xs, 1));
    expect(shuffled(xs, 1)).not.toEqual(shuffled(xs, 2));
    expect([...shuffled(xs, 3)].sort((a, b) => a - b)).toEqual(xs);
  });
});
