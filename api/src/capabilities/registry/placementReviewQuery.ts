import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';

/** One PlacementReviewItem's row: the firm, the suggested segment and what the rules said. */
const ITEM = `{enterprise: ${enterpriseProjection('e')}, suggestedSegment: s {.*}, confidence: e.placementConfidence, reason: e.placementReason, industry: e.industry, businessScope: e.businessScope}`;

/**
 * A page of the review queue: firms whose placement waits for a planner (`placementReview:
 * 'pending'`), the least sure first (no confidence at all before the lowest), then by id so that
 * pages do not overlap; and how many wait in all.
 */
export function buildPlacementReviewQuery(first: number, offset: number): CypherQuery {
  return {
    cypher: lines(
      "MATCH (e:Enterprise) WHERE e.placementReview = 'pending'",
      'WITH e ORDER BY coalesce(e.placementConfidence, -1.0), e.id',
      'WITH collect(e) AS queue',
      'UNWIND (CASE WHEN size(queue) > $offset THEN queue[$offset..($offset + $first)] ELSE [null] END) AS e',
      'OPTIONAL MATCH (s:Segment {id: e.suggestedSegmentId})',
      `RETURN size(queue) AS totalCount, collect(CASE WHEN e IS NULL THEN null ELSE ${ITEM} END) AS items`,
    ),
    params: { first, offset },
  };
}

/** One firm as a PlacementReviewItem (the answer of confirmPlacement), or no row. */
export function buildPlacementItemQuery(enterpriseId: string): CypherQuery {
  return {
    cypher: lines('MATCH (e:Enterprise {id: $id})', 'OPTIONAL MATCH (s:Segment {id: e.suggestedSegmentId})', `RETURN ${ITEM} AS item`),
    params: { id: enterpriseId },
  };
}
