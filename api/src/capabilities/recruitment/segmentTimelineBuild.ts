import type { Row } from '@cangshan/neo4j';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { TimelineBuilder, type FirmRow, type PrefixFirm, type SegmentMeta, type SegmentTimeline } from './segmentTimeline.ts';
import { GAP_RULE } from './gapStatus.ts';
import type { ReadFn } from './recruitmentService.ts';

/** Firms read per statement: one short transaction each, the firms in id order (unique index). */
export const TIMELINE_BATCH = 5000;

/** chainGaps lists at most this many firms per segment (the resolver's MAX_FIRMS_PER_SEGMENT). */
export const TIMELINE_MAX_FIRMS = 50;

/**
 * One batch of firms after `$after` in id order, each with its segments and its supply ties: the
 * tie's start, the other end's dates and — on the side with the smaller id only — the segments the
 * two ends share. A firm in no segment counts in no figure: its ties are not read.
 */
export const FIRMS_CYPHER = `MATCH (o:Enterprise) WHERE o.id > $after
WITH o ORDER BY o.id LIMIT $batch
WITH o, [(o)-[:IN_SEGMENT]->(s) | s.id] AS segs
RETURN o.id AS id, o.landedOn AS landedOn, o.leftOn AS leftOn, segs,
       CASE WHEN size(segs) = 0 THEN [] ELSE
         [(o)-[r:SUPPLIES]-(b) | [r.since, b.landedOn, b.leftOn, CASE WHEN o.id < b.id THEN [(b)-[:IN_SEGMENT]->(y) WHERE y.id IN segs | y.id] ELSE [] END]]
       END AS ties`;

/**
 * Each segment's firms with a landing date, in (landedOn, id) order — the order chainGaps lists
 * them in — cut once `$keep` of them never left: at any cursor the first `$keep` local firms are
 * then among those kept (a later firm lands after all of them, and they are all still there).
 */
export const PREFIX_CYPHER = `MATCH (s:Segment)
CALL (s) {
  MATCH (s)<-[:IN_SEGMENT]-(e:Enterprise) WHERE e.landedOn IS NOT NULL
  WITH e ORDER BY e.landedOn, e.id
  WITH collect(e) AS es
  WITH reduce(acc = {xs: [], stay: 0}, x IN es |
         CASE WHEN acc.stay >= $keep THEN acc ELSE {xs: acc.xs + [x], stay: acc.stay + CASE WHEN x.leftOn IS NULL THEN 1 ELSE 0 END} END).xs AS xs
  RETURN [x IN xs | ${enterpriseProjection('x')}] AS firms
}
RETURN s.id AS id, firms`;

/** Every segment with its chain, in chainGaps' order. */
export const META_CYPHER = `MATCH (ch:Chain)-[:HAS_SEGMENT]->(s:Segment)
RETURN ch {.id, .name, .nameEn, .order} AS chain, s {.id, .name, .nameEn, .order, .layer, .layerEn, .chainId} AS segment
ORDER BY chain.order, chain.id, segment.order, segment.id`;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A row of FIRMS_CYPHER as the builder takes it. */
export function toFirmRow(r: Row): FirmRow {
  const ties = (r.ties as unknown[][] | null) ?? [];
  return {
    id: String(r.id),
    landedOn: str(r.landedOn),
    leftOn: str(r.leftOn),
    segments: (r.segs as string[] | null) ?? [],
    ties: ties.map((t) => ({ since: str(t[0]), otherLandedOn: str(t[1]), otherLeftOn: str(t[2]), shared: (t[3] as string[] | null) ?? [] })),
  };
}

export interface BuildProgress {
  firms: number;
  ties: number;
  ms: number;
}

/**
 * Walks the database once and returns its segment timeline, tagged `version` (null if `stopped` said so between two batches). The reads are many
 * short transactions (a write may land between two): the caller compares the data version before
 * and after and keeps the timeline only if nothing was written in between.
 */
export async function buildSegmentTimeline(
  read: ReadFn,
  version: string,
  onProgress?: (p: BuildProgress) => void,
  stopped: () => boolean = () => false,
): Promise<SegmentTimeline | null> {
  const t0 = performance.now();
  const b = new TimelineBuilder();
  let after = '';
  for (;;) {
    if (stopped()) return null;
    const rows = await read(FIRMS_CYPHER, { after, batch: TIMELINE_BATCH });
    for (const r of rows) b.addFirm(toFirmRow(r));
    if (rows.length < TIMELINE_BATCH) break;
    after = String(rows[rows.length - 1]?.id);
    onProgress?.({ firms: b.firms, ties: b.ties, ms: performance.now() - t0 });
  }
  const keep = Math.max(TIMELINE_MAX_FIRMS, GAP_RULE.strongMin);
  for (const r of await read(PREFIX_CYPHER, { keep })) {
    const firms = ((r.firms as Record<string, unknown>[] | null) ?? []).map(
      (f): PrefixFirm => ({ landedOn: String(f.landedOn), leftOn: str(f.leftOn), firm: f }),
    );
    b.setPrefix(String(r.id), firms);
  }
  const meta = (await read(META_CYPHER)).map((r) => ({ chain: r.chain, segment: r.segment }) as SegmentMeta);
  const all = (await read('MATCH (s:Segment) RETURN s.id AS id, s.chainId AS chainId ORDER BY id')).map((r) => ({ id: String(r.id), chainId: str(r.chainId) }));
  return b.build(version, meta, performance.now() - t0, all);
}
