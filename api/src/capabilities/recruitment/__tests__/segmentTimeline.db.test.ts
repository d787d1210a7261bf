import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfPeriod } from '@cangshan/model';
import { testDb, resetDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { generateSynthetic, importDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '../../../index.ts';
import { TEST_ENV } from '../../../__tests__/harness.ts';
import { chainGaps, recruitmentTargets } from '../recruitmentService.ts';
import { buildSegmentTimeline } from '../segmentTimelineBuild.ts';
import { LIST_FIRMS_CYPHER } from '../candidateListsBuild.ts';
import { SegmentTimelines, timelineGapRows } from '../segmentTimelines.ts';
import { groupByChain } from '../mapRows.ts';
import type { SegmentTimeline } from '../segmentTimeline.ts';

// chainGaps of the district read off the segment timeline must be the live statement's answer, field
// by field, at every cursor: a generated district of 2,000 firms with, on top, firms that left (at
// day, month and year precision, some on their landing date), firms marked local with no landing
// date, and supply ties begun at every precision.
describe('segment timeline (real Neo4j): the live chainGaps answer at any cursor, without the walk', () => {
  let db: Db;
  const read = (c: string, p?: Record<string, unknown>) => db.read(c, p);
  let timeline: SegmentTimeline;
  let chainId: string;
  /** The anchor that drew the most firms in. */
  let anchor: string;

  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
    await importDataSet(db, generateSynthetic({ enterprises: 2000, seed: 11 }));
    // Departures: every 9th landed firm by id, at three precisions and on its own landing date.
    await db.write(`MATCH (e:Enterprise) WHERE e.landedOn IS NOT NULL
      WITH e ORDER BY e.id WITH collect(e) AS es
      UNWIND range(0, size(es) - 1, 9) AS i WITH es[i] AS e, i
      SET e.leftOn = CASE i % 4
        WHEN 0 THEN toString(toInteger(substring(e.landedOn, 0, 4)) + 2) + '-03-15'
        WHEN 1 THEN toString(toInteger(substring(e.landedOn, 0, 4)) + 1) + '-07'
        WHEN 2 THEN toString(toInteger(substring(e.landedOn, 0, 4)) + 3)
        ELSE e.landedOn END,
        e.leftHow = 'MOVED_OUT'`);
    // Marked local, landing date unknown: never in the scope, never a candidate.
    const marked = await db.write(`MATCH (e:Enterprise)-[:IN_SEGMENT]->() WHERE e.landedOn IS NULL OR e.landedOn > '2024'
      WITH DISTINCT e ORDER BY e.id LIMIT 40 SET e.landedOn = null, e.local = true RETURN count(e) AS n`);
    expect(marked[0]?.n).toBe(40);
    // Tie starts at year and month precision too.
    await db.write(`MATCH ()-[r:SUPPLIES]->() WHERE r.since IS NOT NULL WITH r ORDER BY r.since, elementId(r) WITH collect(r) AS rs
      UNWIND range(0, size(rs) - 1, 7) AS i WITH rs[i] AS r, i SET r.since = CASE i % 2 WHEN 0 THEN substring(r.since, 0, 4) ELSE substring(r.since, 0, 7) END`);
    const left = await db.read('MATCH (e:Enterprise) WHERE e.leftOn IS NOT NULL RETURN count(e) AS n');
    expect(left[0]?.n).toBeGreaterThan(50);
    timeline = (await buildSegmentTimeline(read, 'v1')) as SegmentTimeline;
    chainId = String(timeline.meta[0]?.segment.chainId);
    const busiest = await db.read('MATCH (a:Enterprise {isAnchor: true})-[:ATTRACTED]->(f) RETURN a.id AS id, count(f) AS n ORDER BY n DESC, id LIMIT 1');
    anchor = String(busiest[0]?.id);
  }, 300_000);
  afterAll(() => db.close());

  const CURSORS = ['1990', '2008', '2012-06', '2014-03-15', '2015', '2016-02', '2017-07-31', '2018', '2019-03', '2019-11-05', '2020-06', '2021', '2022-12', '2024-05-20', '2030'];

  it('gives the live statement’s segments, figures, statuses, firms and dates at cursors of every precision', async () => {
    let compared = 0;
    const statuses = new Set<string>();
    for (const c of CURSORS) {
      const asOf = endOfPeriod(c) as string;
      for (const [cid, k] of [[null, 5], [chainId, 50], [null, 1]] as const) {
        const args = { asOf, chainId: cid, anchorId: null, firmsPerSegment: k };
        const live = await chainGaps(read, args);
        const off = groupByChain(timelineGapRows(timeline, args), asOf);
        expect(off, `${c} chain ${cid} k ${k}`).toEqual(live);
        compared += live.reduce((a, ch) => a + ch.segments.length, 0);
        for (const ch of live) for (const s of ch.segments) statuses.add(s.status);
      }
    }
    expect(compared).toBeGreaterThan(CURSORS.length * 60);
    expect(statuses).toEqual(new Set(['GAP', 'WEAK', 'STRONG']));
  }, 300_000);

  // Sums of floats in another row order differ in the last bit (Adamic–Adar's raw sum): compared to 12 digits.
  const digits12 = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)));

  it('ranks the same targets with the timeline’s segment figures and candidate lists as with the statement’s own walk', async () => {
    const store = new SegmentTimelines({ version: async () => 'v1', read, minLiveMs: 0 });
    await store.build();
    let compared = 0;
    const cursors = ['2012-06', '2014', '2016-02-29', '2017-07-31', '2018-05', '2019-11-05', '2020-06', '2021-03-15', '2022-12', '2030'];
    for (const c of cursors) {
      const asOf = endOfPeriod(c) as string;
      for (const [cid, kinds, limit, anchorId] of [
        [null, null, 10, null],
        [chainId, null, 10, null],
        [null, ['EXPANSION', 'WIN_BACK'], 10, null],
        [null, null, 60, null],
        // An anchor's circle: its gap picks come from the lists, its circle and candidates from the
        // anchor's neighbourhood read once (anchorBall.ts).
        [null, null, 10, anchor],
        [chainId, null, 20, anchor],
      ] as const) {
        const args = { asOf, chainId: cid, anchorId, limit, kinds };
        const live = await recruitmentTargets(read, args);
        const off = await recruitmentTargets(read, args, store);
        expect(digits12(off), `${c} chain ${cid} kinds ${String(kinds)} limit ${limit} anchor ${anchorId}`).toEqual(digits12(live));
        compared += live.length;
      }
    }
    expect(compared).toBeGreaterThan(300);
    // Most answers came from the lists (month and day cursors alike); a few checks fell back to the walk.
    expect(store.listCounts.served).toBeGreaterThan(cursors.length * 2);
    // Every anchor ranking from the anchor's neighbourhood, read once for all cursors.
    expect(store.ballCounts).toEqual({ read: 1, served: cursors.length * 2 });
  }, 300_000);

  it('falls back to the walk, with the same answer, when the lists cannot prove the shortlist', async () => {
    // Lists of one firm per month end: the check never fills a shortlist of 500 above the bound.
    const store = new SegmentTimelines({ version: async () => 'v1', read, minLiveMs: 0, listKeep: 1 });
    await store.build();
    for (const c of ['2016-02-29', '2019-11', '2022-12']) {
      const args = { asOf: endOfPeriod(c) as string, chainId: null, anchorId: null, limit: 10 };
      expect(digits12(await recruitmentTargets(read, args, store)), c).toEqual(digits12(await recruitmentTargets(read, args)));
    }
    expect(store.listCounts).toEqual({ served: 0, walked: 3 });
  }, 300_000);

  it('counts a firm up to the period before it left, and the segment’s first firms skip it from then on', async () => {
    const row = (await db.read(`MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE e.leftOn STARTS WITH '20' AND size(e.leftOn) = 10
      RETURN e.id AS id, e.leftOn AS leftOn, s.id AS seg ORDER BY e.landedOn, e.id LIMIT 1`))[0] as { id: string; leftOn: string; seg: string };
    const dayBefore = new Date(Date.parse(row.leftOn) - 86_400_000).toISOString().slice(0, 10);
    const nBefore = timeline.figuresAt(row.seg, dayBefore).n;
    const nOn = timeline.figuresAt(row.seg, row.leftOn).n;
    const live = async (asOf: string) =>
      (await chainGaps(read, { asOf, chainId: null, anchorId: null, firmsPerSegment: 50 })).flatMap((c) => c.segments).find((s) => s.segment.id === row.seg);
    expect((await live(dayBefore))?.localCount).toBe(nBefore);
    expect((await live(row.leftOn))?.localCount).toBe(nOn);
    expect(nOn).toBeLessThanOrEqual(nBefore);
    // The segment's listed firms: the live ones, and the firm that left not among them from that day.
    const ids = (asOf: string) => timeline.firmsAt(row.seg, asOf, 50).map((f) => f.firm.id);
    expect(ids(dayBefore)).toEqual((await live(dayBefore))?.firms.map((f) => f.id));
    expect(ids(row.leftOn)).toEqual((await live(row.leftOn))?.firms.map((f) => f.id));
    expect(ids(row.leftOn)).not.toContain(row.id);
  });

  it('serves only the version it was built at: after a write the store says so and the request runs live; a walk under a write is dropped', async () => {
    let version = 'a';
    const said: string[] = [];
    const store = new SegmentTimelines({ version: async () => version, read, minLiveMs: 0, say: (l) => said.push(l) });
    expect(await store.current()).toBeNull();
    await store.build();
    expect(store.counts).toEqual({ started: 1, kept: 1, dropped: 0 });
    expect((await store.current())?.version).toBe('a');
    expect(said.some((l) => /chainGaps of the district now reads it/.test(l))).toBe(true);
    expect(said.at(-1)).toMatch(/candidate lists: .* the ranking of the district starts from them/);
    // An anchor's neighbourhood is read at the timeline's version, once, and kept while it holds.
    const t = (await store.current())!;
    const ball = await store.ballFor(t, anchor);
    expect(ball?.version).toBe('a');
    expect(await store.ballFor(t, anchor)).toBe(ball);
    expect(store.ballCounts.read).toBe(1);
    expect(said.at(-1)).toMatch(/circle of .*: .* firms, .* tie ends read in/);
    version = 'b';
    expect(await store.current()).toBeNull();
    // After a write, the neighbourhood read at the old version is never handed out.
    expect(await store.ballFor(t, anchor)).toBeNull();
    // A write lands while the walk reads: the version after differs from the one before.
    const racing = new SegmentTimelines({
      version: async () => version,
      read: async (c, p) => {
        version = `${version}+`;
        return read(c, p);
      },
      minLiveMs: 0,
      say: (l) => said.push(l),
    });
    await racing.build();
    expect(racing.counts).toEqual({ started: 1, kept: 0, dropped: 1 });
    expect(await racing.current()).toBeNull();
    expect(said.at(-1)).toMatch(/the data changed while it was read/);
  });

  it('walks again by itself once a write has settled while the gaps are in demand, and after a live run that failed at its deadline', async () => {
    let version = 'a';
    const store = new SegmentTimelines({ version: async () => version, read, minLiveMs: 0, refreshMs: 50 });
    try {
      await store.build();
      version = 'b';
      // In demand: the request runs live (null), and the store looks at the version from now on.
      expect(await store.current()).toBeNull();
      for (let i = 0; i < 100 && (await store.current())?.version !== 'b'; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await store.current())?.version).toBe('b');
      expect(store.counts).toEqual({ started: 2, kept: 2, dropped: 0 });
    } finally {
      await store.close();
    }
    // A live chainGaps that fails (here: at once) still starts the walk that makes the next one fast.
    const quiet = new SegmentTimelines({ version: async () => 'c', read, minLiveMs: 0 });
    const failing = async (): Promise<never> => {
      throw new Error('The database did not answer within 15000 ms');
    };
    await expect(chainGaps(failing, { asOf: '2019-12-31', chainId: null, anchorId: null, firmsPerSegment: 5 }, quiet)).rejects.toThrow(/did not answer/);
    expect(quiet.counts.started).toBe(1);
    await quiet.build();
    expect(quiet.counts.kept).toBe(1);
    expect((await quiet.current())?.version).toBe('c');
  });

  it('through the server: a slow-enough live answer builds the timeline, the next request reads it with the same answer, and a write sends it back to live', async () => {
    const server: RunningServer = await startServer({ db, port: 0, env: { ...TEST_ENV, SEGMENT_TIMELINE_MIN_MS: '0' }, log: () => {}, say: () => {} });
    const lines: string[] = [];
    const stop = db.onQuery((q) => lines.push(q.cypher));
    try {
      const ask = async () => {
        const r = await fetch(`${server.url}graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: '{ chainGaps(asOf: "2019-06") { chain { id } segments { segment { id } status basis localCount supplyTies outsideTies outsideFirms firms { id } firstLandedOn strongSince } } }',
          }),
        });
        return (await r.json()) as { data: unknown };
      };
      const first = await ask();
      // The walk runs in the background: wait for its statements to have come and gone.
      for (let i = 0; i < 100 && !lines.some((l) => l.startsWith('MATCH (ch:Chain)-[:HAS_SEGMENT]')); i++) await new Promise((r) => setTimeout(r, 100));
      const before = lines.length;
      const second = await ask();
      expect(second).toEqual(first);
      // Read off the timeline: no chainGaps statement ran (only the version's empty read).
      // (The candidate lists' walk, which follows the timeline's, may still be reading.)
      expect(lines.slice(before).filter((l) => l.includes('IN_SEGMENT') && l !== LIST_FIRMS_CYPHER)).toEqual([]);
      // The ranking through the server reads the timeline (and the lists once walked): rows from the
      // read cache are frozen, so the segment's first firms must be added to new rows, not set on them.
      const ranked = (await (
        await fetch(`${server.url}graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ recruitmentTargets(asOf: "2019-06", limit: 5) { rank segmentGap { firms { id } firstLandedOn } } }' }),
        })
      ).json()) as { data?: { recruitmentTargets: { segmentGap: { firms: unknown[] } | null }[] }; errors?: unknown };
      expect(ranked.errors).toBeUndefined();
      expect(ranked.data?.recruitmentTargets.some((t) => (t.segmentGap?.firms.length ?? 0) > 0)).toBe(true);
      const moved = await db.write("MATCH (e:Enterprise)-[:IN_SEGMENT]->() WHERE e.landedOn > '2019-06-31' AND e.leftOn IS NULL WITH DISTINCT e ORDER BY e.id LIMIT 1 SET e.landedOn = '2019-01' RETURN count(e) AS n");
      expect(moved[0]?.n).toBe(1);
      const mark = lines.length;
      const third = await ask();
      expect(lines.slice(mark).some((l) => l.includes('IN_SEGMENT'))).toBe(true);
      expect(third).not.toEqual(first);
    } finally {
      stop();
      await server.close();
    }
  }, 120_000);
});
