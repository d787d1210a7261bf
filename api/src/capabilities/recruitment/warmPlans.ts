import { buildChainGapsQuery } from './buildChainGapsQuery.ts';
import { buildShortlistCheckQuery, buildTargetsQuery } from './buildTargetsQuery.ts';
import type { ReadFn } from './recruitmentService.ts';

/**
 * Plans the recruitment statements once at start-up, so the first leader to open the panel does not
 * wait for it: on a cold JVM, planning the long ranking statement took 10–20 s of the first call's
 * 13–56 s on the 100k district. Neo4j caches a plan by statement text, and our parameters never
 * change the text, so planning each shape once caches its plan. Planned with EXPLAIN, not run: Neo4j
 * strips EXPLAIN before it looks the statement up in its plan cache, so the plan is the one a real
 * call finds. (Run on a cursor before any firm landed, the ranking treated every firm as a candidate
 * and outgrew the 716 MiB transaction limit on the 1M province.)
 */
export async function warmRecruitmentPlans(read: ReadFn): Promise<number> {
  const t0 = performance.now();
  const asOf = '0001-01-01';
  // The district's shapes with the segment timeline and the candidate lists (segmentTimelines.ts).
  const segments = { ids: [], figs: [] };
  const recent = { segCounts: [], segMax: null, originCounts: [], originMax: null };
  const shapes = [
    buildTargetsQuery({ asOf, chainId: null, anchorId: null, limit: 1 }),
    buildTargetsQuery({ asOf, chainId: null, anchorId: null, limit: 1, segments }),
    buildShortlistCheckQuery({ asOf, chainId: null, anchorId: null, limit: 1, segments, candidates: { mode: 'list', ids: [] } }, 1),
    buildTargetsQuery({ asOf, chainId: null, anchorId: null, limit: 1, segments, candidates: { mode: 'exact', ids: [] } }),
    buildTargetsQuery({ asOf, chainId: null, anchorId: null, limit: 1, segments, recent, circles: {}, hubs: {}, candidates: { mode: 'exact', ids: [] } }),
    buildTargetsQuery({ asOf, chainId: null, anchorId: '\u0000no-such-anchor', limit: 1 }),
    // With the gap picks from the candidate lists: an anchor's circle, and the district's walk when the check falls back.
    buildTargetsQuery({ asOf, chainId: null, anchorId: '\u0000no-such-anchor', limit: 1, gapPicks: {}, circles: {} }),
    buildTargetsQuery({ asOf, chainId: null, anchorId: null, limit: 1, segments, gapPicks: {}, recent, circles: {}, hubs: {} }),
    buildShortlistCheckQuery({ asOf, chainId: null, anchorId: null, limit: 1, segments, gapPicks: {}, candidates: { mode: 'list', ids: [] } }, 1),
    buildChainGapsQuery({ asOf, chainId: null, anchorId: null, firmsPerSegment: 1 }),
    buildChainGapsQuery({ asOf, chainId: null, anchorId: '\u0000no-such-anchor', firmsPerSegment: 1 }),
  ];
  for (const q of shapes) await read(`EXPLAIN ${q.cypher}`, q.params);
  return performance.now() - t0;
}
