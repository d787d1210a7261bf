import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateDataSet } from '../../format/validateDataSet.ts';
import { generateProvince, PROVINCE_ID, provinceDataSet, provinceSizes } from '../generateProvince.ts';

const digest = (v: unknown): string => createHash('sha256').update(JSON.stringify(v)).digest('hex');

describe('generateProvince', () => {
  const opts = { districts: 3, enterprisesPerDistrict: 400, seed: 11 };
  const ds = provinceDataSet(opts);

  it('is a valid data set for an empty database: every reference resolves, no id repeats', () => {
    expect(validateDataSet(ds, { existing: new Map() })).toEqual([]);
    expect(new Set(ds.nodes.map((n) => n.id)).size).toBe(ds.nodes.length);
  });

  it('gives each district its own firms, anchors and parks, under its own id prefix, and shares the chains once', () => {
    const firms = ds.nodes.filter((n) => n.label === 'Enterprise');
    expect(firms).toHaveLength(1200);
    for (const d of ['01', '02', '03']) {
      const own = firms.filter((n) => n.id.startsWith(`syn-d${d}-e`));
      expect(own).toHaveLength(400);
      expect(own.some((n) => n.isAnchor === true)).toBe(true);
      expect(ds.nodes.filter((n) => n.label === 'Place' && n.kind === 'park' && n.id.startsWith(`syn-d${d}-`)).length).toBeGreaterThan(0);
      expect(ds.relations).toContainEqual(expect.objectContaining({ type: 'PART_OF', from: `syn-d${d}-district`, to: PROVINCE_ID }));
    }
    expect(ds.nodes.filter((n) => n.label === 'Segment')).toHaveLength(30);
    expect(ds.nodes.filter((n) => n.label === 'Chain')).toHaveLength(5);
    expect(ds.nodes.filter((n) => n.label === 'Place' && n.kind === 'district').map((n) => n.name)).toEqual(['合成1区', '合成2区', '合成3区']);
  });

  it('ties neighbouring districts by a few supplies, each after both firms landed', () => {
    const dOf = (id: string): string => id.slice(0, 8);
    const cross = ds.relations.filter((r) => r.type === 'SUPPLIES' && dOf(r.from) !== dOf(r.to));
    expect(cross.length).toBeGreaterThanOrEqual(30);
    expect(cross.length).toBeLessThanOrEqual(40);
    const landed = new Map(ds.nodes.map((n) => [n.id, n.landedOn]));
    for (const r of cross) {
      expect(String(r.since) >= String(landed.get(r.from))).toBe(true);
      expect(String(r.since) >= String(landed.get(r.to))).toBe(true);
    }
  });

  it('is deterministic, and a different seed gives a different province', () => {
    expect(digest(provinceDataSet(opts))).toBe(digest(ds));
    expect(digest(provinceDataSet({ ...opts, seed: 12 }))).not.toBe(digest(ds));
  });

  it('yields the shared data first, then one district at a time', () => {
    const parts = [...generateProvince(opts)].map((c) => [c.part, c.data.nodes.every((n) => c.part === 'shared' || n.id.startsWith(`syn-d0${String(c.part)}-`))]);
    expect(parts).toEqual([
      ['shared', true],
      [1, true],
      [2, true],
      [3, true],
    ]);
  });

  it('splits a total evenly, and has more than five relations per firm (a million firms: over five million)', () => {
    expect(provinceSizes({ enterprises: 1_000_003, districts: 10, seed: 1 })).toEqual([100_001, 100_001, 100_001, ...new Array<number>(7).fill(100_000)]);
    const big = provinceDataSet({ districts: 2, enterprisesPerDistrict: 20_000, seed: 3 });
    expect(big.relations.length / 40_000).toBeGreaterThan(5);
  });
});
