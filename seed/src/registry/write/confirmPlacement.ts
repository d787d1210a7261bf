import type { Db } from '@cangshan/neo4j';

export interface ConfirmPlacementInput {
  enterpriseId: string;
  /** The segment a planner chose; null: the firm is on no chain. */
  segmentId: string | null;
  /** Who decided (the API token's name, `cli:alice`). */
  actor: string;
  /** When (ISO datetime; default now). */
  at?: string;
}

/** The firm or the segment named does not exist; nothing was written. */
export class PlacementTargetMissing extends Error {
  constructor(
    readonly argument: 'enterpriseId' | 'segmentId',
    readonly id: string,
  ) {
    super(argument === 'enterpriseId' ? `No enterprise has id "${id}".` : `No chain segment has id "${id}" (see the chains' segments).`);
    this.name = 'PlacementTargetMissing';
  }
}

/** The mark of an IN_SEGMENT a planner confirmed. */
export const PLACED_BY_PLANNER = 'planner';

/**
 * A planner's decision on a firm's chain placement, in one transaction: the firm's IN_SEGMENTs
 * are replaced by the chosen one (CURATED, with who and when), or removed when it is on no chain;
 * the firm is marked `placementReview: 'confirmed'` (the review queue drops it, and registry
 * imports never touch its placement again); one Change record says what was decided and what was
 * removed.
 */
export async function confirmPlacement(db: Db, input: ConfirmPlacementInput): Promise<{ removed: string[] }> {
  const at = input.at ?? new Date().toISOString();
  const params = { id: input.enterpriseId, seg: input.segmentId, actor: input.actor, at };
  return db.writeTx(async (tx) => {
    const [found] = await tx.run(
      'OPTIONAL MATCH (e:Enterprise {id: $id}) OPTIONAL MATCH (s:Segment {id: $seg}) RETURN e IS NOT NULL AS firm, s IS NOT NULL AS segment, e.suggestedSegmentId AS suggested, e.placementReason AS rule',
      params,
    );
    if (found?.firm !== true) throw new PlacementTargetMissing('enterpriseId', input.enterpriseId);
    if (input.segmentId !== null && found.segment !== true) throw new PlacementTargetMissing('segmentId', input.segmentId);
    const [gone] = await tx.run('MATCH (e:Enterprise {id: $id})-[r:IN_SEGMENT]->(s:Segment) WITH r, s.id AS segmentId DELETE r RETURN collect(segmentId) AS removed', params);
    const removed = ((gone?.removed as string[] | undefined) ?? []).sort();
    const agreed = input.segmentId !== null && found.suggested === input.segmentId && typeof found.rule === 'string' ? `; as the rules suggested (${found.rule})` : '';
    const reason = `confirmed by ${input.actor} on ${at.slice(0, 10)}${agreed}`;
    if (input.segmentId !== null) {
      await tx.run(
        `MATCH (e:Enterprise {id: $id}), (s:Segment {id: $seg})
         CREATE (e)-[:IN_SEGMENT {sourceKind: 'CURATED', reason: $reason, reviewedBy: $actor, reviewedAt: $at, placedBy: $planner, synthetic: false}]->(s)`,
        { ...params, reason, planner: PLACED_BY_PLANNER },
      );
    }
    await tx.run("MATCH (e:Enterprise {id: $id}) SET e.placementReview = 'confirmed', e.placementReviewedBy = $actor, e.placementReviewedAt = $at", params);
    await tx.run("CREATE (:Change {at: $at, actor: $actor, action: 'confirmPlacement', detail: $detail})", {
      ...params,
      detail: JSON.stringify({ enterpriseId: input.enterpriseId, segmentId: input.segmentId, removed }),
    });
    return { removed };
  });
}
