import type { Row } from '@cangshan/neo4j';
import { CandidateListsBuilder, monthIndex, type CandidateLists, type ListTie } from './candidateLists.ts';
import { TIE_PATTERN } from './buildScope.ts';
import { TARGET_LIMITS } from './buildTargetsQuery.ts';
import { RELATION_WEIGHTS } from './scoring.ts';
import { GONE_HOWS } from './targetKind.ts';
import { TIMELINE_BATCH, type BuildProgress } from './segmentTimelineBuild.ts';
import type { ReadFn } from './recruitmentService.ts';

/** Candidates kept per month end and scope: above any shortlist of a limit up to 150 (10 × limit). */
export const LIST_KEEP = 2000;

/**
 * A firm with at least this many ties is a hub: its ties are kept so that its degree and its ties to
 * local firms at a cursor are counted in memory for Adamic–Adar (else the statement counts them).
 */
export const HUB_MIN_TIES = 50;

/**
 * One batch of firms after `$after` in id order: what decides whether each is a candidate, its
 * chains, and — for a firm with a landing date, the only kind that is ever local — its ties with
 * the other end's node id, the tie's weight as the ranking computes it, and its start. Node ids
 * (`id()`) key the lists: stable within one data version, the only one the lists serve.
 */
export const LIST_FIRMS_CYPHER = `MATCH (f:Enterprise) WHERE f.id > $after
WITH f ORDER BY f.id LIMIT $batch
RETURN f.id AS key, id(f) AS nid, f.landedOn AS landedOn, f.leftOn AS leftOn, f.leftHow AS leftHow, f.local AS local,
       f.isAnchor AS isAnchor, f.origin AS origin, [(f)-[:IN_SEGMENT]->(s:Segment) | [s.id, s.chainId]] AS segs,
       [(a:Enterprise {isAnchor: true})-[r:ATTRACTED]->(f) | [id(a), r.since]] AS attractedBy,
       CASE WHEN f.landedOn IS NULL THEN [] ELSE
         [(f)-[r:${TIE_PATTERN}]-(o:Enterprise) |
           [id(o), type(r) = 'PART_OF', type(r) = 'SUPPLIES' AND startNode(r) = o,
            toFloat($relWeights[type(r)]) * coalesce(toFloat(r.weight), 1.0), r.since]]
       END AS ties,
       CASE WHEN COUNT { (f)-[:${TIE_PATTERN}]-() } >= $hubMin THEN [(f)-[r:${TIE_PATTERN}]-(o:Enterprise) | [id(o), r.since]] END AS hubTies`;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v));

/** Walks the firms once and sweeps their tie events into per-month candidate lists (null if stopped). */
export async function buildCandidateLists(
  read: ReadFn,
  version: string,
  opts: { keep?: number; today?: Date; onProgress?: (p: BuildProgress) => void; stopped?: () => boolean } = {},
): Promise<CandidateLists | null> {
  const t0 = performance.now();
  const b = new CandidateListsBuilder();
  let after = '';
  for (;;) {
    if (opts.stopped?.()) return null;
    const rows: Row[] = await read(LIST_FIRMS_CYPHER, { after, batch: TIMELINE_BATCH, relWeights: { ...RELATION_WEIGHTS }, hubMin: HUB_MIN_TIES });
    for (const r of rows) {
      const landedOn = str(r.landedOn);
      const segs = (r.segs as unknown[][] | null) ?? [];
      const ties = ((r.ties as unknown[][] | null) ?? []).map(
        (t): ListTie => ({ other: num(t[0]), group: t[1] === true, sells: t[2] === true, w: Number(t[3]), since: str(t[4]) }),
      );
      b.addFirm(
        {
          nid: num(r.nid),
          landedOn,
          leftOn: str(r.leftOn),
          gone: (GONE_HOWS as readonly string[]).includes(str(r.leftHow) ?? ''),
          eligible: landedOn !== null || r.local !== true,
          isAnchor: r.isAnchor === true,
          chains: segs.map((x) => x[1]).filter((c): c is string => typeof c === 'string'),
          segments: segs.map((x) => String(x[0])),
          origin: str(r.origin),
          hubTies: Array.isArray(r.hubTies) ? (r.hubTies as unknown[][]).map((x) => ({ other: num(x[0]), since: str(x[1]) })) : undefined,
          attractedBy: ((r.attractedBy as unknown[][] | null) ?? []).map((x) => ({ anchor: num(x[0]), since: str(x[1]) })),
        },
        ties,
      );
    }
    if (rows.length < TIMELINE_BATCH) break;
    after = String(rows[rows.length - 1]?.key);
    opts.onProgress?.({ firms: b.firmCount, ties: b.tieEnds, ms: performance.now() - t0 });
  }
  const today = (opts.today ?? new Date()).toISOString().slice(0, 7);
  return b.build(version, { keep: opts.keep ?? LIST_KEEP, lastMonth: monthIndex(today), gapPicks: TARGET_LIMITS.gapCandidatesPerSegment, builtMs: performance.now() - t0 });
}
