import { describe, expect, it } from 'vitest';
import { FACTOR_NAMES, weightFloorOf, type FactorName } from '@cangshan/api/recruitment';
import { HAND_SET_WEIGHTS, fitWeights, meanAveragePrecision, rankByWeights, type FactorRow, type TrainingCut } from '../fitWeights.ts';

const zero = (): Record<FactorName, number> => ({ anchorTies: 0, localTies: 0, adamicAdar: 0, gapFill: 0, similarity: 0, recency: 0, focus: 0, customerTies: 0 });
const row = (id: string, v: Partial<Record<FactorName, number>>): FactorRow => ({ id, values: { ...zero(), ...v } });

/** Landers carry a high gapFill and a low anchorTies; non-landers the reverse: only gapFill predicts. */
function cut(offset: number): TrainingCut {
  const rows: FactorRow[] = [];
  const positives = new Set<string>();
  for (let i = 0; i < 40; i++) {
    const id = `f${String(offset + i).padStart(3, '0')}`;
    const lands = i % 4 === 0;
    rows.push(row(id, { anchorTies: lands ? 0.2 : 0.9, gapFill: lands ? 1 : 0.1, recency: 0.5 }));
    if (lands) positives.add(id);
  }
  return { rows, positives };
}

describe('fitWeights', () => {
  it('ranks as the Cypher does: score descending, then id', () => {
    const rows = [row('b', { anchorTies: 1 }), row('a', { anchorTies: 1 }), row('c', { gapFill: 1 })];
    expect(rankByWeights(rows, HAND_SET_WEIGHTS)).toEqual(['a', 'b', 'c']);
  });

  it('moves weight to the factor that predicts the landings, keeps the weights on the simplex, and is deterministic', () => {
    const cuts = [cut(0), cut(100)];
    const before = meanAveragePrecision(cuts, HAND_SET_WEIGHTS, 20);
    const fit = fitWeights(cuts, 20);
    expect(fit.startObjective).toBeCloseTo(before, 12);
    expect(fit.objective).toBeGreaterThan(before);
    expect(fit.objective).toBeCloseTo(1, 9);
    expect(fit.weights.gapFill).toBeGreaterThanOrEqual(HAND_SET_WEIGHTS.gapFill);
    expect(rankByWeights(cuts[0]?.rows ?? [], fit.weights).slice(0, 10).every((id) => cuts[0]?.positives.has(id))).toBe(true);
    expect(fit.weights.anchorTies).toBeLessThan(HAND_SET_WEIGHTS.anchorTies);
    expect(FACTOR_NAMES.reduce((a, f) => a + fit.weights[f], 0)).toBeCloseTo(1, 9);
    expect(FACTOR_NAMES.every((f) => fit.weights[f] >= weightFloorOf(f) - 1e-9)).toBe(true);
    expect(fitWeights(cuts, 20)).toEqual(fit);
  });

  it('never takes a weight below the floor, however useless the factor', () => {
    for (const floor of [0.05, 0.1]) {
      const fit = fitWeights([cut(0), cut(100)], 20, { floor });
      expect(FACTOR_NAMES.every((f) => fit.weights[f] >= weightFloorOf(f, floor) - 1e-9)).toBe(true);
      expect(fit.weights.customerTies).toBe(0);
      expect(fit.objective).toBeGreaterThan(fit.startObjective);
    }
  });

  it('fits the half-saturation constant when 2 and 20 ties must stay apart', () => {
    // Landers have 20 anchor ties, the others 2 plus a weak gap value: with k = 1 both read ≈ 1 and
    // the gap value wins; a larger k keeps them apart. Weights pinned equal (floor 1/7; customer ties exempt, at 0): only k can move.
    const rows: FactorRow[] = [];
    const positives = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const lands = i % 3 === 0;
      rows.push({ id: `g${String(i).padStart(2, '0')}`, values: { ...zero(), gapFill: lands ? 0 : 0.3 }, raw: { anchorTies: lands ? 20 : 2, localTies: 0, adamicAdar: 0, customerTies: 0 } });
      if (lands) positives.add(`g${String(i).padStart(2, '0')}`);
    }
    const start = { weights: HAND_SET_WEIGHTS, saturation: { anchorTies: 1, localTies: 2, adamicAdar: 1, customerTies: 1 } };
    const fixed = fitWeights([{ rows, positives }], 10, { start, floor: 1 / 7, fitSaturation: false });
    const fit = fitWeights([{ rows, positives }], 10, { start, floor: 1 / 7 });
    expect(fixed.objective).toBeLessThan(0.5);
    expect(fit.saturation.anchorTies).toBeGreaterThan(1);
    expect(fit.objective).toBeCloseTo(1, 9);
  });

  it('refuses to fit on nothing', () => {
    expect(() => fitWeights([], 10)).toThrow(RangeError);
  });
});
