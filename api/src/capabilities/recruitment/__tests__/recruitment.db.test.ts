import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, resetDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { chainGaps, recruitmentTargets, whatIf } from '../recruitmentService.ts';
import { buildTargetsQuery } from '../buildTargetsQuery.ts';
import { DEFAULT_WEIGHTS, explainScore, type FactorName } from '../scoring.ts';
import { CUT, writeHandBuiltGraph } from './handBuiltGraph.ts';

describe('recruitment on a hand-built graph (real Neo4j)', () => {
  let db: Db;
  const read = (c: string, p?: Record<string, unknown>) => db.read(c, p);
  const district = { asOf: CUT, chainId: null, anchorId: null };

  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
    await writeHandBuiltGraph(db);
  });
  afterAll(() => db.close());

  it('classifies each segment of the chain as of the cut, with its firms and since when', async () => {
    const [ai, ...others] = await chainGaps(read, { ...district, firmsPerSegment: 2 });
    expect(others).toEqual([]);
    expect(ai?.chain.id).toBe('t-ai');
    expect(ai?.segments.map((s) => [s.segment.id, s.status, s.localCount])).toEqual([
      ['t-cloud', 'STRONG', 4],
      ['t-speech', 'GAP', 0],
      ['t-vision', 'WEAK', 1],
      ['t-apps', 'WEAK', 1],
    ]);
    expect([ai?.gaps, ai?.weak, ai?.strong]).toEqual([1, 2, 1]);
    const cloud = ai?.segments[0];
    expect(cloud?.firms.map((f) => [f.id, f.landedOn])).toEqual([['t-fii', '2019-03'], ['t-cloud1', '2019-04']]);
    expect([cloud?.firstLandedOn, cloud?.strongSince]).toEqual(['2019-03', '2019-05']);
  });

  it('reads gaps as of an earlier date: before 工业富联 landed, cloud was a gap', async () => {
    const [ai] = await chainGaps(read, { asOf: '2019-02-31', chainId: 't-ai', anchorId: null, firmsPerSegment: 5 });
    expect(ai?.segments.map((s) => s.status)).toEqual(['GAP', 'GAP', 'GAP', 'WEAK']);
  });

  it("counts an anchor's circle only: 今日头条's circle has no cloud firm", async () => {
    const [ai] = await chainGaps(read, { asOf: CUT, chainId: null, anchorId: 't-toutiao', firmsPerSegment: 5 });
    expect(ai?.segments.map((s) => [s.segment.id, s.localCount])).toEqual([
      ['t-cloud', 0],
      ['t-speech', 0],
      ['t-vision', 0],
      ['t-apps', 1],
    ]);
  });

  it('ranks the only firm of an empty segment first, with fillsGap and reasons', async () => {
    const targets = await recruitmentTargets(read, { ...district, limit: 10 });
    const top = targets[0];
    expect(top?.enterprise.id).toBe('t-speechco');
    expect(top?.fillsGap?.segment.id).toBe('t-speech');
    expect(top?.fillsGap?.status).toBe('GAP');
    expect(top?.statusIfLanded).toBe('WEAK');
    expect(top?.reasonEn).toContain('supplies Toutiao (anchor)');
    expect(top?.reasonEn).toContain('fills the empty segment Speech recognition');
    expect(top?.reasonZh).toContain('供应 今日头条（链主）');
    expect(top?.reasonZh).toContain('填补空白环节 语音识别');
  });

  it('puts a candidate tied to two anchors above one tied to none', async () => {
    const ids = (await recruitmentTargets(read, { ...district, limit: 10 })).map((t) => t.enterprise.id);
    expect(ids.indexOf('t-twoanchors')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('t-twoanchors')).toBeLessThan(ids.indexOf('t-loner'));
    expect(ids.indexOf('t-twoanchors')).toBe(1);
  });

  it('uses only what was known at the cut: a tie begun later does not count, a firm landed later is a candidate', async () => {
    const before = (await recruitmentTargets(read, { ...district, limit: 10 })).map((t) => t.enterprise.id);
    expect(before).not.toContain('t-late');
    expect(before).toContain('t-landed2020');
    const after = (await recruitmentTargets(read, { asOf: '2020-03-31', chainId: null, anchorId: null, limit: 10 })).map((t) => t.enterprise.id);
    expect(after).toContain('t-late');
    expect(after).not.toContain('t-landed2020');
  });

  it('explains each score: factors sum to it, shares sum to 1, and the Cypher score equals the explained one', async () => {
    const q = buildTargetsQuery({ ...district, limit: 10 });
    const rows = await db.read(q.cypher, q.params);
    expect(rows.length).toBe(4);
    for (const r of rows) {
      const { score } = explainScore(r.values as Record<FactorName, number>, DEFAULT_WEIGHTS);
      expect(r.score as number).toBeCloseTo(score, 10);
    }
    const targets = await recruitmentTargets(read, { ...district, limit: 10 });
    for (const t of targets) {
      expect(t.factors.reduce((a, f) => a + f.contribution, 0)).toBeCloseTo(t.score, 10);
      expect(t.factors.reduce((a, f) => a + f.share, 0)).toBeCloseTo(1, 10);
    }
    const scores = targets.map((t) => t.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('gives the connecting edges as evidence, with their source kind and quotes', async () => {
    const [top] = await recruitmentTargets(read, { ...district, limit: 1 });
    expect(top?.evidence.nodes.map((n) => n.id).sort()).toEqual(['t-fii', 't-speechco', 't-toutiao']);
    expect(top?.evidence.edges.map((e) => e.id).sort()).toEqual(['PARTNER_OF:t-speechco->t-fii', 'SUPPLIES:t-speechco->t-toutiao']);
    const supplies = top?.ties.find((t) => t.edge.type === 'SUPPLIES');
    expect(supplies).toMatchObject({ sourceKind: 'STATED', quotes: ['北科瑞声为今日头条提供语音识别'], via: null });
    expect(supplies?.edge.since).toBe('2019-06');
    expect(top?.ties.find((t) => t.edge.type === 'PARTNER_OF')).toMatchObject({ sourceKind: 'CURATED', reason: 'hand-built test graph' });
  });

  it('ranks within an anchor circle and a chain', async () => {
    const targets = await recruitmentTargets(read, { asOf: CUT, chainId: 't-ai', anchorId: 't-toutiao', limit: 10 });
    expect(targets.length).toBeGreaterThan(0);
    // Tied to the anchor: ahead of every firm that is a candidate only through a gap of the circle.
    const tied = targets.filter((t) => t.factors.find((f) => f.name === 'anchorTies')!.value > 0).map((t) => t.rank);
    const untied = targets.filter((t) => t.factors.find((f) => f.name === 'anchorTies')!.value === 0).map((t) => t.rank);
    expect(Math.max(...tied)).toBeLessThan(Math.min(...untied));
    // 迟到云 enters only as a firm of a segment the circle lacks: its tie to 今日头条 begins after the cut.
    const late = targets.find((t) => t.enterprise.id === 't-late');
    expect(late?.factors.find((f) => f.name === 'anchorTies')?.value).toBe(0);
    expect(late?.fillsGap?.segment.id).toBe('t-cloud');
  });

  it('answers an unknown anchor with no targets rather than an error', async () => {
    expect(await recruitmentTargets(read, { asOf: CUT, chainId: null, anchorId: 'no-such-anchor', limit: 5 })).toEqual([]);
  });

  it('what-if: the speech firm landing closes the speech gap', async () => {
    const w = await whatIf(read, { ...district, enterpriseIds: ['t-speechco', 't-loner'] });
    expect(w.changes.map((c) => [c.before.segment.id, c.before.status, c.statusAfter, c.localCountAfter])).toEqual([
      ['t-speech', 'GAP', 'WEAK', 1],
      ['t-vision', 'WEAK', 'WEAK', 2],
    ]);
    expect([w.closedGaps, w.strengthened]).toEqual([1, 0]);
    const local = await whatIf(read, { ...district, enterpriseIds: ['t-cloud1'] });
    expect(local.changes).toEqual([]);
  });
});
