import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOfJs, type DataSet } from '@cangshan/model';
import { testDb, resetDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { generateSynthetic, importDataSet } from '@cangshan/seed';
import { GAP_RULE, classifyGap, gapFillValue, gapRuleParam, gapStatusCypher, leakThresholds, referenceShareCypher } from '../gapStatus.ts';
import { chainGaps, recruitmentTargets } from '../recruitmentService.ts';
import { DEFAULT_WEIGHTS } from '../scoring.ts';

// Gap status on a district of 5,000 generated firms (docs/SYNTHETIC.md), where a fixed count of
// firms called every segment STRONG: the statuses now follow what the district's firms buy and sell
// outside (docs/RECRUITMENT.md, "Gap status").
describe('gap status at scale (real Neo4j, synthetic district of 5,000 firms)', () => {
  let db: Db;
  let data: DataSet;
  const read = (c: string, p?: Record<string, unknown>) => db.read(c, p);
  const CUTS = ['2019-06-31', '2022-12-31'];

  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
    data = generateSynthetic({ enterprises: 5000, seed: 7 });
    await importDataSet(db, data);
  }, 300_000);
  afterAll(() => db.close());

  it('the Cypher of the rule agrees with the JavaScript on every case of a table, boundaries included', async () => {
    const cases: Array<{ n: number; ties: number; outside: number; allTies: number; allOutside: number }> = [];
    for (const n of [0, 1, 2, 3, 40])
      for (const ties of [0, 1, 4, 5, 20, 100])
        for (const outside of [0, 1, 4, 9, 10, 20, 44, 45, 50, 59, 60, 100].filter((o) => o <= ties))
          for (const [allTies, allOutside] of [[0, 0], [1000, 0], [1000, 20], [1000, 300], [1000, 500], [1000, 700]] as const) {
            if (ties <= allTies && outside <= allOutside) cases.push({ n, ties, outside, allTies, allOutside });
          }
    const rows = await db.read(
      `UNWIND $cases AS c WITH c, ${referenceShareCypher('c.allTies', 'c.allOutside')} AS ref
       RETURN ${gapStatusCypher({ n: 'c.n', ties: 'c.ties', outside: 'c.outside', ref: 'ref' })} AS status`,
      { cases, gapRule: gapRuleParam() },
    );
    expect(cases.length).toBeGreaterThan(500);
    const js = cases.map((c) => classifyGap({ localCount: c.n, supplyTies: c.ties, outsideTies: c.outside, allSupplyTies: c.allTies, allOutsideTies: c.allOutside }).status);
    expect(rows.map((r) => r.status)).toEqual(js);
    expect(new Set(js)).toEqual(new Set(['GAP', 'WEAK', 'STRONG']));
  });

  it('counts each segment’s supply ties as of the cursor exactly as the data set says (checked in JavaScript)', async () => {
    const segsOf = new Map<string, string[]>();
    for (const r of data.relations) if (r.type === 'IN_SEGMENT') segsOf.set(r.from, [...(segsOf.get(r.from) ?? []), r.to]);
    const firms = new Map(data.nodes.filter((n) => n.label === 'Enterprise').map((n) => [n.id, n]));
    for (const cut of ['2016-12-31', '2022-12-31']) {
      const local = (id: string) => asOfJs.node(firms.get(id) as { landedOn?: string | null }, cut);
      const ties = new Map<string, Set<number>>();
      const outside = new Map<string, Set<number>>();
      const add = (m: Map<string, Set<number>>, s: string, i: number) => m.set(s, (m.get(s) ?? new Set()).add(i));
      data.relations.forEach((r, i) => {
        if (r.type !== 'SUPPLIES' || !asOfJs.rel(r as { since?: string | null }, cut)) return;
        for (const [l, o] of [[r.from, r.to], [r.to, r.from]] as const) {
          if (!local(l)) continue;
          for (const s of segsOf.get(o) ?? []) {
            add(ties, s, i);
            if (!local(o)) add(outside, s, i);
          }
        }
      });
      const gaps = (await chainGaps(read, { asOf: cut, chainId: null, anchorId: null, firmsPerSegment: 1 })).flatMap((c) => c.segments);
      expect(gaps.length).toBe(30);
      for (const g of gaps) {
        const id = String(g.segment.id);
        expect([id, g.supplyTies, g.outsideTies]).toEqual([id, ties.get(id)?.size ?? 0, outside.get(id)?.size ?? 0]);
      }
      const all = [...ties.values()].reduce((a, s) => a + s.size, 0);
      expect(gaps[0]?.allSupplyTies).toBe(all);
    }
  });

  it('is not all STRONG at any cut, and follows the demand: the leakiest segments are weak, those whose demand stays local are strong', async () => {
    for (const cut of CUTS) {
      const segs = (await chainGaps(read, { asOf: cut, chainId: null, anchorId: null, firmsPerSegment: 1 })).flatMap((c) => c.segments);
      // Every segment has three local firms or more here: a fixed count called them all STRONG.
      expect(segs.every((s) => s.localCount >= GAP_RULE.strongMin)).toBe(true);
      expect(segs.filter((s) => s.status !== 'STRONG').length).toBeGreaterThan(0);
      expect(segs.filter((s) => s.status === 'STRONG').length).toBeGreaterThan(segs.length / 2);
      const ref = segs[0]?.referenceShare ?? 0;
      const t = leakThresholds(ref);
      for (const s of segs) {
        expect(s.supplyTies).toBeGreaterThanOrEqual(GAP_RULE.minTies);
        const share = s.outsideTies / s.supplyTies;
        expect(s.leakShare).toBeCloseTo(share, 12);
        if (s.status === 'STRONG') expect([s.basis, share < t.weak]).toEqual(['DEMAND_MET', true]);
        else expect([s.basis, share >= t.weak]).toEqual(['LEAKAGE', true]);
        expect(s.reasonEn).toContain(`${s.outsideTies} of its ${s.supplyTies} supply ties go outside`);
      }
      const byLeak = [...segs].sort((a, b) => (b.leakShare ?? 0) - (a.leakShare ?? 0));
      expect(byLeak[0]?.status).not.toBe('STRONG');
      expect(byLeak[byLeak.length - 1]?.status).toBe('STRONG');
    }
  });

  it('judges an anchor’s circle against the circle’s own demand', async () => {
    const [anchor] = await db.read(
      `MATCH (a:Enterprise {isAnchor: true})-[:ATTRACTED]->(f) WHERE a.landedOn <= '2022-12-31' RETURN a.id AS id, count(f) AS n ORDER BY n DESC, id LIMIT 1`,
    );
    const segs = (await chainGaps(read, { asOf: '2022-12-31', chainId: null, anchorId: anchor?.id as string, firmsPerSegment: 1 })).flatMap((c) => c.segments);
    const district = (await chainGaps(read, { asOf: '2022-12-31', chainId: null, anchorId: null, firmsPerSegment: 1 })).flatMap((c) => c.segments);
    expect(segs[0]?.allSupplyTies).toBeGreaterThan(0);
    expect(segs[0]?.allSupplyTies).toBeLessThan(district[0]?.allSupplyTies ?? 0);
    for (const s of segs) expect(s.status).toBe(classifyGap(s).status);
    expect(new Set(segs.map((s) => s.status)).size).toBeGreaterThan(1);
  });

  it('a chain filter does not change a segment’s status (the yardstick is every segment of the scope)', async () => {
    const all = (await chainGaps(read, { asOf: '2019-06-31', chainId: null, anchorId: null, firmsPerSegment: 1 })).flatMap((c) => c.segments);
    const iiot = (await chainGaps(read, { asOf: '2019-06-31', chainId: 'chain-iiot', anchorId: null, firmsPerSegment: 1 })).flatMap((c) => c.segments);
    expect(iiot.map((s) => [s.segment.id, s.status, s.referenceShare])).toEqual(
      all.filter((s) => s.chain.id === 'chain-iiot').map((s) => [s.segment.id, s.status, s.referenceShare]),
    );
  });

  it('the ranking’s gap-fill factor reads the same status', async () => {
    const cut = '2016-12-31';
    // Gap fill weighted up (taken from anchor ties), so the top 40 reach firms of leaking segments:
    // the fitted defaults put most weight on anchor ties, and this test is about the factor's value.
    const weights = { ...DEFAULT_WEIGHTS, anchorTies: DEFAULT_WEIGHTS.anchorTies - 0.4, gapFill: DEFAULT_WEIGHTS.gapFill + 0.4 };
    const targets = await recruitmentTargets(read, { asOf: cut, chainId: null, anchorId: null, limit: 40, weights, evidence: false });
    const segs = new Map((await chainGaps(read, { asOf: cut, chainId: null, anchorId: null, firmsPerSegment: 1 })).flatMap((c) => c.segments).map((s) => [s.segment.id, s]));
    expect(targets.length).toBe(40);
    for (const t of targets) {
      const g = t.segmentGap;
      if (!g) continue;
      expect([g.segment.id, g.status]).toEqual([g.segment.id, segs.get(g.segment.id)?.status]);
      expect(t.factors.find((f) => f.name === 'gapFill')?.value).toBe(gapFillValue(g.status));
    }
    expect(targets.some((t) => t.fillsGap !== null && t.fillsGap.basis === 'LEAKAGE')).toBe(true);
  });
});
