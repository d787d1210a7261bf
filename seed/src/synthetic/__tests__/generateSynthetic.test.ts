import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSynthetic } from '../generateSynthetic.ts';
import { validateDataSet } from '../../format/validateDataSet.ts';
import type { DataSet, NodeRecord } from '@cangshan/model';

const hash = (ds: DataSet): string => createHash('sha256').update(JSON.stringify(ds)).digest('hex');
const ds = generateSynthetic({ enterprises: 3000, seed: 42 });
const firms = ds.nodes.filter((n) => n.label === 'Enterprise');
const byId = new Map(firms.map((f) => [f.id, f]));
const ties = ds.relations.filter((r) => r.type === 'SUPPLIES' || r.type === 'PARTNER_OF');

/** Area under the ROC curve of `score` for `label` (ties get the average rank). */
function auc(items: { s: number; y: boolean }[]): number {
  const xs = [...items].sort((a, b) => a.s - b.s);
  let pos = 0;
  let sum = 0;
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1]?.s === xs[i]?.s) j++;
    for (let k = i; k <= j; k++) {
      if (xs[k]?.y) {
        sum += (i + j) / 2 + 1;
        pos++;
      }
    }
    i = j + 1;
  }
  return (sum - (pos * (pos + 1)) / 2) / (pos * (xs.length - pos));
}

describe('generateSynthetic', () => {
  it('is deterministic: the same seed gives byte-identical data, another seed different data', () => {
    expect(hash(generateSynthetic({ enterprises: 3000, seed: 42 }))).toBe(hash(ds));
    expect(hash(generateSynthetic({ enterprises: 3000, seed: 43 }))).not.toBe(hash(ds));
  });

  it('is a valid data set on its own: everything generated is synthetic with a syn- id; chains are the real ones', () => {
    expect(validateDataSet(ds, { existing: new Map() })).toEqual([]);
    expect(firms).toHaveLength(3000);
    const generated = ds.nodes.filter((n) => n.id.startsWith('syn-'));
    expect(generated.every((n) => n.synthetic === true && n.sourceKind === 'SYNTHETIC')).toBe(true);
    const real = ds.nodes.filter((n) => !n.id.startsWith('syn-'));
    expect(new Set(real.map((n) => n.label))).toEqual(new Set(['Document', 'Chain', 'Segment']));
    const synRels = ds.relations.filter((r) => r.from.startsWith('syn-'));
    expect(synRels.every((r) => r.synthetic === true && r.sourceKind === 'SYNTHETIC')).toBe(true);
    expect(ds.relations.filter((r) => r.type === 'IN_SEGMENT').every((r) => r.to.startsWith('seg-'))).toBe(true);
  });

  it('lands about 70 % of the firms over 2014–2024, anchors early, each lander signed 0–3 months before', () => {
    const local = firms.filter((f) => f.local);
    expect(local.length / firms.length).toBeCloseTo(0.7, 2);
    expect(firms.filter((f) => !f.local).every((f) => f.landedOn === null)).toBe(true);
    const anchors = firms.filter((f) => f.isAnchor);
    expect(anchors.length).toBeGreaterThanOrEqual(8);
    expect(anchors.every((a) => a.local && (a.landedOn as string) <= '2016-12')).toBe(true);
    const months = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
    for (const f of local) {
      const gap = months(f.landedOn as string) - months(f.signedOn as string);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual(3);
    }
    expect(new Set(local.map((f) => (f.landedOn as string).slice(0, 4))).size).toBeGreaterThanOrEqual(10);
  });

  it('starts each ATTRACTED edge at an anchor in the month its follower landed', () => {
    const att = ds.relations.filter((r) => r.type === 'ATTRACTED');
    expect(att.length).toBeGreaterThan(firms.length * 0.1);
    for (const r of att) {
      expect(byId.get(r.from)?.isAnchor).toBe(true);
      expect(r.since).toBe(byId.get(r.to)?.landedOn);
    }
  });

  it('has outside firms tied to local firms before they land, and heavy-tailed degrees', () => {
    let before = 0;
    for (const r of ties) {
      for (const [x, y] of [
        [r.from, r.to],
        [r.to, r.from],
      ] as const) {
        const fx = byId.get(x) as NodeRecord;
        const fy = byId.get(y) as NodeRecord;
        if (fx.landedOn && fy.landedOn && fy.landedOn < fx.landedOn && (r.since as string) < (fx.landedOn as string)) before++;
      }
    }
    expect(before).toBeGreaterThan(firms.length * 0.3);
    const deg = new Map<string, number>();
    for (const r of ties) for (const x of [r.from, r.to]) deg.set(x, (deg.get(x) ?? 0) + 1);
    const d = [...deg.values()].sort((a, b) => a - b);
    expect((d[d.length - 1] as number) / (d[Math.floor(d.length / 2)] as number)).toBeGreaterThan(10);
  });

  it('makes ties to local firms (anchors weighted) a better predictor of landing than degree (back-test at 2019-12)', () => {
    const cut = '2019-12';
    const isLocal = (id: string): boolean => !!byId.get(id)?.landedOn && (byId.get(id)?.landedOn as string) <= cut;
    const degree = new Map<string, number>();
    const localTies = new Map<string, number>();
    for (const r of ties) {
      if ((r.since as string) > cut) continue;
      for (const [x, y] of [
        [r.from, r.to],
        [r.to, r.from],
      ] as const) {
        degree.set(x, (degree.get(x) ?? 0) + 1);
        if (isLocal(y)) localTies.set(x, (localTies.get(x) ?? 0) + (r.weight as number) * (byId.get(y)?.isAnchor ? 3 : 1));
      }
    }
    const cands = firms.filter((f) => !isLocal(f.id) && f.kind !== 'group');
    const y = (f: NodeRecord): boolean => !!f.landedOn && (f.landedOn as string) <= '2021-12';
    const aucDegree = auc(cands.map((f) => ({ s: degree.get(f.id) ?? 0, y: y(f) })));
    const aucLocal = auc(cands.map((f) => ({ s: localTies.get(f.id) ?? 0, y: y(f) })));
    expect(aucLocal).toBeGreaterThan(aucDegree);
    expect(aucLocal).toBeGreaterThan(0.65);
  });
});
