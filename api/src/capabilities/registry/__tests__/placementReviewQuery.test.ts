// Golden Cypher of the review queue: the exact statement and parameters (the enterprise projection,
// shared with every read and golden-tested there, stands as <enterprise e>).
import { describe, expect, it } from 'vitest';
import { enterpriseProjection } from '../../../cypher/enterpriseProjection.ts';
import { buildPlacementItemQuery, buildPlacementReviewQuery } from '../placementReviewQuery.ts';

const golden = (q: { cypher: string; params: Record<string, unknown> }) => ({ ...q, cypher: q.cypher.replace(enterpriseProjection('e'), '<enterprise e>') });

describe('golden Cypher: the review queue', () => {
  it('placementReview(first, offset)', () => {
    expect(golden(buildPlacementReviewQuery(20, 40))).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise) WHERE e.placementReview = 'pending'
      WITH e ORDER BY coalesce(e.placementConfidence, -1.0), e.id
      WITH collect(e) AS queue
      UNWIND (CASE WHEN size(queue) > $offset THEN queue[$offset..($offset + $first)] ELSE [null] END) AS e
      OPTIONAL MATCH (s:Segment {id: e.suggestedSegmentId})
      RETURN size(queue) AS totalCount, collect(CASE WHEN e IS NULL THEN null ELSE {enterprise: <enterprise e>, suggestedSegment: s {.*}, confidence: e.placementConfidence, reason: e.placementReason, industry: e.industry, businessScope: e.businessScope} END) AS items",
        "params": {
          "first": 20,
          "offset": 40,
        },
      }
    `);
  });

  it('one item (confirmPlacement\'s answer)', () => {
    expect(golden(buildPlacementItemQuery('uscc-91350104maa1234513'))).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise {id: $id})
      OPTIONAL MATCH (s:Segment {id: e.suggestedSegmentId})
      RETURN {enterprise: <enterprise e>, suggestedSegment: s {.*}, confidence: e.placementConfidence, reason: e.placementReason, industry: e.industry, businessScope: e.businessScope} AS item",
        "params": {
          "id": "uscc-91350104maa1234513",
        },
      }
    `);
  });
});
