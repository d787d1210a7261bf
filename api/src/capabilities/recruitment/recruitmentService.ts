import type { Params, Row } from '@cangshan/neo4j';
import { buildChainGapsQuery } from './buildChainGapsQuery.ts';
import { buildShortlistCheckQuery, buildTargetsQuery, shortlistSize, TARGET_LIMITS } from './buildTargetsQuery.ts';
import { classifyGap, GAP_RULE, type GapStatus } from './gapStatus.ts';
import type { SegmentTimeline } from './segmentTimeline.ts';
import { timelineGapRows, timelineSegFigs, type SegmentTimelines } from './segmentTimelines.ts';
import type { TargetKind } from './targetKind.ts';
import { groupByChain, toSegmentGap, toTarget, type RecruitmentTarget, type SegmentGap } from './mapRows.ts';
import { DEFAULT_WEIGHTS, type FactorWeights, type Saturation } from './scoring.ts';

/** Runs one read; the API passes its context reader (deadline, error mapping), the backtest `db.read`. */
export type ReadFn = (cypher: string, params?: Params) => Promise<Row[]>;

/**
 * The recruitment cursor: `asOf` as the AsOf scalar gave it (at the end of its period), or today.
 * Without a date the question is "as of today", not "with no cursor", which would count every
 * outside firm as landed and leave no candidate.
 */
export function recruitmentCursor(asOf: string | null | undefined, today: Date = new Date()): string {
  return asOf ?? today.toISOString().slice(0, 10);
}

export interface ScopeArgs {
  asOf: string;
  chainId: string | null;
  anchorId: string | null;
}

/**
 * chainGaps. The district's (no anchor) is read off the server's segment timeline when one was built
 * at the database's present version (segmentTimelines.ts): the same rows as the live statement,
 * without its walk. Otherwise the live statement answers, and if it was slow the timeline is built
 * in the background for the next request.
 */
export async function chainGaps(read: ReadFn, args: ScopeArgs & { firmsPerSegment: number }, timelines?: SegmentTimelines) {
  const district = args.anchorId === null && timelines !== undefined;
  if (district) {
    const t = await timelines.current();
    if (t) return groupByChain(timelineGapRows(t, args), args.asOf);
  }
  const q = buildChainGapsQuery(args);
  const t0 = performance.now();
  try {
    return groupByChain(await read(q.cypher, q.params), args.asOf);
  } finally {
    // A live run that failed at the deadline was slow too: the walk is what makes the next one fast.
    if (district) timelines.liveTook(performance.now() - t0);
  }
}

export async function recruitmentTargets(
  read: ReadFn,
  args: ScopeArgs & { limit: number; weights?: FactorWeights; saturation?: Saturation; evidence?: boolean; kinds?: readonly TargetKind[] | null },
  timelines?: SegmentTimelines,
): Promise<RecruitmentTarget[]> {
  const weights = args.weights ?? DEFAULT_WEIGHTS;
  const current = timelines ? await timelines.current() : null;
  // The district's segment figures from the timeline when it is current: the same figures the
  // statement would compute, without its walk over every supply tie.
  const t = args.anchorId === null ? current : null;
  const segments = t ? timelineSegFigs(t, args.asOf, args.chainId) : null;
  const lists = current && timelines ? timelines.listsFor(current) : null;
  // Every scope's gap picks among the few firms the lists name per segment, not all of its firms.
  const gapPicks = lists?.gapPicksAt(args.asOf) ?? null;
  // The shortlist from the candidate lists when they prove it (candidateLists.ts); else the walk.
  const at = t && args.weights === undefined && args.saturation === undefined ? (lists?.at(args.asOf, args.chainId) ?? null) : null;
  if (at && t && timelines) {
    const check = buildShortlistCheckQuery({ ...args, weights, segments, gapPicks, candidates: { mode: 'list', ids: at.ids } }, at.bound === -Infinity ? -1 : at.bound + LIST_BOUND_MARGIN);
    const ids = (await read(check.cypher, check.params)).map((r) => Number(r.nid));
    // Full above the bound (or the lists held every candidate): the walk's own shortlist.
    if (ids.length === shortlistSize(args.limit) || at.bound === -Infinity) {
      timelines.listCounts.served++;
      const q = buildTargetsQuery({ ...args, weights, segments, recent: at.recent, circles: at.circles, hubs: at.hubs, candidates: { mode: 'exact', ids } });
      return segmentFirmsFromTimeline(t, await read(q.cypher, q.params), args.asOf).map((r) => toTarget(r, weights));
    }
    timelines.listCounts.walked++;
  }
  // An anchor's circle and its candidates from its neighbourhood, read once per data version (anchorBall.ts).
  const ball = args.anchorId !== null && current && timelines ? await timelines.ballFor(current, args.anchorId) : null;
  if (ball && timelines) {
    const { scope, candidates } = ball.at(args.asOf);
    timelines.ballCounts.served++;
    // Only the followers of the anchors in the circle: a likely anchor is one of them, and every
    // anchor's (400 at 1M, 160 kB) cost the statement 0.1–0.15 s as a parameter.
    const inScope = new Set(scope.map(String));
    const followers = lists?.followersAt(args.asOf);
    const circles = followers ? Object.fromEntries(Object.entries(followers).filter(([nid]) => inScope.has(nid))) : null;
    const q = buildTargetsQuery({ ...args, weights, segments: null, gapPicks, circles, scopeIds: scope, candidates: { mode: 'list', ids: candidates } });
    return (await read(q.cypher, q.params)).map((r) => toTarget(r, weights));
  }
  // The walk too takes the counts the lists give at any cursor: the anchors' followers for every
  // scope (they do not depend on it), the recent arrivals and hubs for the district's.
  const counts = lists?.countsAt(args.asOf) ?? null;
  const q = buildTargetsQuery({ ...args, weights, segments, gapPicks, circles: counts?.circles, recent: t ? counts?.recent : null, hubs: t ? counts?.hubs : null });
  const rows = await read(q.cypher, q.params);
  return (t ? segmentFirmsFromTimeline(t, rows, args.asOf) : rows).map((r) => toTarget(r, weights));
}

/**
 * With the segment figures from the timeline the statement leaves out each target's segment's
 * first firms (buildTargetsQuery.ts): they come from the timeline, as chainGaps takes them.
 */
function segmentFirmsFromTimeline(t: SegmentTimeline, rows: Row[], asOf: string): Row[] {
  // New rows, not the read's: the server's read cache hands out frozen rows.
  return rows.map((r) => {
    const g = r.gap as (Row & { segment: { id: string }; figs: { status: string } }) | null;
    if (!g) return r;
    const firms = t.firmsAt(g.segment.id, asOf, Math.max(TARGET_LIMITS.firmsPerSegment, GAP_RULE.strongMin));
    return {
      ...r,
      gap: {
        ...g,
        firms: firms.slice(0, TARGET_LIMITS.firmsPerSegment).map((x) => x.firm),
        firstLandedOn: firms[0]?.landedOn ?? null,
        strongSince: g.figs.status === 'STRONG' ? (firms[GAP_RULE.strongMin - 1]?.landedOn ?? null) : null,
      },
    };
  });
}

/**
 * Added to the lists' bound before the check: the bound is an upper bound computed in JavaScript,
 * the scores in Neo4j; a rounding difference in the last bit must never let a candidate through.
 */
export const LIST_BOUND_MARGIN = 1e-9;

export interface SegmentChange {
  before: SegmentGap;
  landing: number;
  statusAfter: GapStatus;
  localCountAfter: number;
}

/** What-if: the segments whose count would change if `enterpriseIds` landed at the cursor. */
export async function whatIf(read: ReadFn, args: ScopeArgs & { enterpriseIds: string[] }) {
  const q = buildChainGapsQuery({ ...args, firmsPerSegment: 5, landingIds: args.enterpriseIds });
  const rows = await read(q.cypher, q.params);
  // The scope's total moves by the landing firms' ties in every segment, in view or not; the
  // segments in view are what the rows hold (a chain filter can hide some: then it is a lower bound).
  const movedInAll = rows.reduce((a, r) => a + (r.landingTies as number), 0);
  const changes: SegmentChange[] = rows
    .filter((r) => (r.landing as number) > 0)
    .map((r) => {
      const before = toSegmentGap(r);
      const landing = r.landing as number;
      const moved = r.landingTies as number;
      // The landing firms' ties with the scope's firms are met locally once they land.
      const after = classifyGap({
        ...before,
        localCount: before.localCount + landing,
        outsideTies: before.outsideTies - Math.min(moved, before.outsideTies),
        allOutsideTies: before.allOutsideTies - Math.min(movedInAll, before.allOutsideTies),
      });
      return { before, landing, statusAfter: after.status, localCountAfter: before.localCount + landing };
    });
  return {
    asOf: args.asOf,
    enterpriseIds: args.enterpriseIds,
    changes,
    closedGaps: changes.filter((c) => c.before.status === 'GAP' && c.statusAfter !== 'GAP').length,
    strengthened: changes.filter((c) => c.before.status !== 'STRONG' && c.statusAfter === 'STRONG').length,
  };
}
