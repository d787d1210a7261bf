import { describe, expect, it } from 'vitest';
import type { OverviewGroups } from '../../data/types.ts';
import fc from 'fast-check';
import { groupPositions, groupSize, indexAggregate, monthSlot, NO_GROUP, strongTies, tieId, tieWidth, valueAt } from '../aggregate.ts';

// Two segments of one chain, one of another, and the firms with none; months 2019-01 … 2019-04.
const data: OverviewGroups = {
  groupBy: 'SEGMENT',
  enterprises: 9,
  tieCount: 4,
  months: ['2019-01', '2019-02', '2019-03', '2019-04'],
  groups: [
    { id: 'seg-ai-chip', name: '芯片', nameEn: 'Chips', chainId: 'chain-ai', order: 1, count: 4, innerTies: 1, arrivals: [1, 2, 0, 1], departures: [0, 0, 0, 0] },
    { id: 'seg-ai-cloud', name: '云', nameEn: 'Cloud', chainId: 'chain-ai', order: 2, count: 2, innerTies: 0, arrivals: [0, 1, 1, 0], departures: [0, 0, 1, 0] },
    { id: 'seg-health-med', name: '医疗', nameEn: null, chainId: 'chain-health', order: 1, count: 2, innerTies: 0, arrivals: [0, 0, 2, 0], departures: [0, 0, 0, 0] },
    { id: null, name: null, nameEn: null, chainId: null, order: null, count: 1, innerTies: 0, arrivals: [0, 0, 0, 0], departures: [0, 0, 0, 0] },
  ],
  ties: [
    { source: 'seg-ai-chip', target: 'seg-ai-cloud', weight: 3, byType: [{ type: 'SUPPLIES', weight: 3 }], added: [0, 1, 2, 0], removed: [0, 0, 0, 1] },
    { source: 'seg-ai-cloud', target: null, weight: 1, byType: [{ type: 'PARTNER_OF', weight: 1 }], added: [0, 0, 0, 0], removed: [0, 0, 0, 0] },
  ],
};

describe('the aggregated overview', () => {
  it('reads each group and pair at a month from the series cumulated once', () => {
    const idx = indexAggregate(data);
    const chip = idx.counts.get('seg-ai-chip');
    expect([...chip!]).toEqual([1, 3, 3, 4]);
    expect([...idx.counts.get('seg-ai-cloud')!]).toEqual([0, 1, 1, 1]);
    expect([...idx.weights.get(tieId('seg-ai-chip', 'seg-ai-cloud'))!]).toEqual([0, 1, 3, 2]);
    expect(idx.counts.has(NO_GROUP)).toBe(true);
    expect(valueAt(chip, monthSlot(idx.months, '2019-02'), 4)).toBe(3);
    // Before the first month nothing counts; past the last, the last month's count; no cursor: the API's own count.
    expect(valueAt(chip, monthSlot(idx.months, '2018-12'), 4)).toBe(0);
    expect(valueAt(chip, monthSlot(idx.months, '2030-01'), 4)).toBe(4);
    expect(valueAt(chip, monthSlot(idx.months, null), 4)).toBe(4);
  });

  it('places segments one row per chain in chain order, whatever the cursor, the firms with none last', () => {
    const p = groupPositions(data);
    expect(p.get('seg-ai-chip')!.y).toBe(p.get('seg-ai-cloud')!.y);
    expect(p.get('seg-ai-chip')!.x).toBeLessThan(p.get('seg-ai-cloud')!.x);
    expect(p.get('seg-health-med')!.y).toBeGreaterThan(p.get('seg-ai-chip')!.y);
    expect(p.get(NO_GROUP)!.y).toBeGreaterThan(p.get('seg-health-med')!.y);
    // Same groups, other counts (another cursor or day): the same positions.
    expect(groupPositions({ ...data, groups: data.groups.map((g) => ({ ...g, count: 0 })) })).toEqual(p);
  });

  it('places parks in a grid, the largest first', () => {
    const parks: OverviewGroups = { ...data, groupBy: 'PARK', groups: data.groups.map((g, i) => ({ ...g, id: g.id && `park-${i}`, chainId: null, order: null, count: i })) };
    const p = groupPositions(parks);
    expect(p.get('park-2')).toEqual({ x: 0, y: 0 });
    expect(p.size).toBe(4);
  });

  it('sizes groups by area and ties by the log of their number', () => {
    expect(groupSize(100, 100)).toBe(120);
    expect(groupSize(25, 100)).toBe(71);
    expect(groupSize(0, 100)).toBe(14);
    expect(tieWidth(0, 50)).toBe(0);
    expect(tieWidth(50, 50)).toBe(12);
    expect(tieWidth(1, 50)).toBeLessThan(tieWidth(5, 50));
  });

  it('draws each group\'s heaviest ties: a hub keeps its top k, a group tied only lightly keeps its own', () => {
    // A hub tied to five groups (weights 50 … 10), two of which are also tied to each other lightly.
    const ties = [
      { source: 'hub', target: 'a', weight: 50 },
      { source: 'b', target: 'hub', weight: 40 },
      { source: 'hub', target: 'c', weight: 30 },
      { source: 'hub', target: 'd', weight: 20 },
      { source: 'hub', target: 'e', weight: 10 },
      { source: 'd', target: 'e', weight: 1 },
      { source: 'a', target: null, weight: 0 },
    ];
    const ids = [...strongTies(ties, 2)].sort();
    // hub: a, b; a: hub-a (its tie to the firms with none weighs nothing); d: hub-d and d-e; e: hub-e and d-e.
    expect(ids).toEqual([tieId('b', 'hub'), tieId('d', 'e'), tieId('hub', 'a'), tieId('hub', 'c'), tieId('hub', 'd'), tieId('hub', 'e')].sort());
    // With one per group, the light d-e tie is neither d's nor e's heaviest: left out.
    expect([...strongTies(ties, 1)].sort()).toEqual([tieId('b', 'hub'), tieId('hub', 'a'), tieId('hub', 'c'), tieId('hub', 'd'), tieId('hub', 'e')].sort());
  });

  it('keeps at most k ties per group, every group with a weighted tie keeps one, and the choice does not depend on order', () => {
    const group = fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5', 'g6', null);
    const tie = fc.record({ source: group, target: group, weight: fc.integer({ min: 0, max: 30 }) });
    // One tie per ordered pair, as the API answers.
    const tiesArb = fc.uniqueArray(tie, { selector: (t) => tieId(t.source, t.target), maxLength: 40 });
    fc.assert(
      fc.property(tiesArb, fc.integer({ min: 1, max: 4 }), (ties, k) => {
        const chosen = strongTies(ties, k);
        const shuffled = strongTies([...ties].reverse(), k);
        expect([...shuffled].sort()).toEqual([...chosen].sort());
        const groups = new Set(ties.flatMap((t) => [t.source ?? NO_GROUP, t.target ?? NO_GROUP]));
        for (const g of groups) {
          const own = ties.filter((t) => (t.source ?? NO_GROUP) === g || (t.target ?? NO_GROUP) === g);
          const kept = own.filter((t) => chosen.has(tieId(t.source, t.target)));
          // Its own choice brings at most k; others' choices may add more of its ties, never a lighter one than all of its own top k.
          if (own.some((t) => t.weight > 0)) expect(kept.length).toBeGreaterThan(0);
          const heaviest = Math.max(...own.map((t) => t.weight));
          if (heaviest > 0) expect(kept.some((t) => t.weight === heaviest)).toBe(true);
        }
        expect(chosen.size).toBeLessThanOrEqual(groups.size * k);
        for (const id of chosen) expect(ties.find((t) => tieId(t.source, t.target) === id)!.weight).toBeGreaterThan(0);
      }),
    );
  });
});
