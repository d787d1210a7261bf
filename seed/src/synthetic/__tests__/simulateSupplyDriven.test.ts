import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DataSet, NodeRecord } from '@cangshan/model';
import { generateSynthetic } from '../generateSynthetic.ts';
import { simulateSupplyDriven } from '../simulateSupplyDriven.ts';
import { validateDataSet } from '../../format/validateDataSet.ts';
import { chainReferenceDataSet } from '../../chains/chainReferenceData.ts';
import { CITIES } from '../names.ts';

const hash = (ds: DataSet): string => createHash('sha256').update(JSON.stringify(ds)).digest('hex');
const ds = generateSynthetic({ enterprises: 3000, seed: 42, process: 'supply' });
const firms = ds.nodes.filter((n) => n.label === 'Enterprise');
const byId = new Map(firms.map((f) => [f.id, f]));

/** The simulation behind `ds`, to know which firms are its hubs. */
function simOf(enterprises: number, seed: number) {
  const ref = chainReferenceDataSet();
  const segs = ref.nodes.filter((n) => n.label === 'Segment');
  const idx = new Map(segs.map((s, i) => [s.id, i]));
  return simulateSupplyDriven({
    enterprises,
    seed,
    segments: segs.map((s) => ({ id: s.id, chainId: String(s.chainId) })),
    feeds: ref.relations.filter((r) => r.type === 'FEEDS').map((r) => [idx.get(r.from) ?? -1, idx.get(r.to) ?? -1] as [number, number]),
    cities: CITIES.length,
    cityWeights: CITIES.map((c) => c[3]),
  });
}

describe('the supply-driven arrival process', () => {
  it('is deterministic, differs from the hazard process, and leaves the default process unchanged', () => {
    expect(hash(generateSynthetic({ enterprises: 3000, seed: 42, process: 'supply' }))).toBe(hash(ds));
    expect(hash(generateSynthetic({ enterprises: 3000, seed: 43, process: 'supply' }))).not.toBe(hash(ds));
    const hazard = generateSynthetic({ enterprises: 3000, seed: 42 });
    expect(hash(generateSynthetic({ enterprises: 3000, seed: 42, process: 'hazard' }))).toBe(hash(hazard));
    expect(hash(hazard)).not.toBe(hash(ds));
  });

  it('keeps the data set shape: valid, the same labels, relation types and properties as the hazard process', () => {
    expect(validateDataSet(ds, { existing: new Map() })).toEqual([]);
    const hazard = generateSynthetic({ enterprises: 3000, seed: 42 });
    const shape = (d: DataSet) => ({
      labels: [...new Set(d.nodes.map((n) => n.label))].sort(),
      types: [...new Set(d.relations.map((r) => r.type))].sort(),
      firmProps: Object.keys(d.nodes.find((n) => n.label === 'Enterprise') as NodeRecord).sort(),
    });
    expect(shape(ds)).toEqual(shape(hazard));
    expect(firms).toHaveLength(3000);
    const share = firms.filter((f) => f.local).length / firms.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.75);
  });

  it('has hubs with many ties, local ones among them, that never land', () => {
    const sim = simOf(3000, 42);
    const hubs = sim.hubs ?? [];
    expect(hubs.length).toBe(30);
    const degree = new Int32Array(sim.n);
    const localTies = new Int32Array(sim.n);
    for (let k = 0; k < sim.ties; k++) {
      const [a, b] = [sim.tieFrom[k] as number, sim.tieTo[k] as number];
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
      if ((sim.landed[b] as number) >= 0 && (sim.tieSince[k] as number) >= (sim.landed[b] as number)) localTies[a] = (localTies[a] as number) + 1;
      if ((sim.landed[a] as number) >= 0 && (sim.tieSince[k] as number) >= (sim.landed[a] as number)) localTies[b] = (localTies[b] as number) + 1;
    }
    expect(hubs.every((h) => sim.landed[h] === -1)).toBe(true);
    const sorted = [...degree].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    const hubDegrees = hubs.map((h) => degree[h] as number).sort((a, b) => a - b);
    expect(hubDegrees[0]).toBeGreaterThan(2 * median);
    expect(hubDegrees[Math.floor(hubDegrees.length / 2)]).toBeGreaterThan(5 * median);
    expect(hubs.filter((h) => (localTies[h] as number) >= 3).length).toBeGreaterThan(hubs.length / 2);
  });

  it('lands firms tied to local firms (supplying them most) far more often than untied ones', () => {
    const cut = '2019-12';
    const end = '2021-12';
    const isLocal = (id: string): boolean => !!byId.get(id)?.landedOn && (byId.get(id)?.landedOn as string) <= cut;
    const supplying = new Set<string>();
    const tied = new Set<string>();
    for (const r of ds.relations) {
      if ((r.type !== 'SUPPLIES' && r.type !== 'PARTNER_OF') || (r.since as string) > cut) continue;
      if (isLocal(r.to) && !isLocal(r.from)) (r.type === 'SUPPLIES' ? supplying : tied).add(r.from);
      if (isLocal(r.from) && !isLocal(r.to)) tied.add(r.to);
    }
    const cands = firms.filter((f) => !isLocal(f.id) && f.kind !== 'group');
    const rate = (xs: NodeRecord[]): number => xs.filter((f) => f.landedOn && (f.landedOn as string) <= end).length / xs.length;
    const untied = cands.filter((f) => !supplying.has(f.id) && !tied.has(f.id));
    const supplier = cands.filter((f) => supplying.has(f.id));
    expect(supplier.length).toBeGreaterThan(50);
    expect(rate(supplier)).toBeGreaterThan(2 * rate(untied));
    expect(rate(cands.filter((f) => tied.has(f.id) && !supplying.has(f.id)))).toBeGreaterThan(rate(untied));
  });
});
