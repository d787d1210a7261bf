import type { PropValue, RelRecord } from '@cangshan/model';
import type { RegistryFirm } from '../firmRecord.ts';

/**
 * What a registry import does with a firm's chain placement (docs/REGISTRY.md, "Placement"):
 * a confident one becomes an IN_SEGMENT marked `placedBy: 'registry'` (so a later import may move
 * it); a doubtful one goes to the review queue instead (`placementReview: 'pending'` and the
 * suggestion on the firm, no IN_SEGMENT). A placement a planner confirmed, or one the registry did
 * not make (the article's curated IN_SEGMENTs), is never touched.
 */
export type PlacementDecision = { kind: 'placed'; segmentId: string } | { kind: 'pending'; segmentId: string | null } | { kind: 'none' };

/** The mark of an IN_SEGMENT a registry import wrote. */
export const PLACED_BY_REGISTRY = 'registry';

/** A firm's placement in the database, as the import sees it. */
export interface PlacementState {
  /** A planner decided (placementReview 'confirmed'). */
  confirmed: boolean;
  /** It has an IN_SEGMENT the registry did not place. */
  foreign: boolean;
  registrySegments: string[];
  pending: boolean;
  suggested: string | null;
}

/** The placement the rules give, as a decision; a segment the database lacks waits for review. */
export function decide(p: RegistryFirm['placement'], segmentExists: (id: string) => boolean): PlacementDecision {
  if (p.segmentId !== null && !segmentExists(p.segmentId)) return { kind: 'pending', segmentId: p.segmentId };
  if (p.needsReview) return { kind: 'pending', segmentId: p.segmentId };
  return p.segmentId === null ? { kind: 'none' } : { kind: 'placed', segmentId: p.segmentId };
}

/** What the database holds now, as a decision; null when the import must leave it alone. */
export function current(s: PlacementState): PlacementDecision | null {
  if (s.confirmed || s.foreign) return null;
  if (s.pending) return { kind: 'pending', segmentId: s.suggested };
  const seg = s.registrySegments[0];
  return seg === undefined ? { kind: 'none' } : { kind: 'placed', segmentId: seg };
}

export function sameDecision(a: PlacementDecision, b: PlacementDecision, s?: PlacementState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'none' || b.kind === 'none') return true;
  // Two registry IN_SEGMENTs (an earlier import was interrupted by hand): not the same, so the extra one goes.
  if (a.kind === 'placed' && s && s.registrySegments.length > 1) return false;
  return a.segmentId === b.segmentId;
}

/** `seg-ai-speech`, `review: seg-ai-speech`, `review: none`, or null (unplaced). */
export function showDecision(d: PlacementDecision): string | null {
  if (d.kind === 'placed') return d.segmentId;
  if (d.kind === 'pending') return `review: ${d.segmentId ?? 'none'}`;
  return null;
}

export interface PlacementProps {
  set: Record<string, PropValue>;
  unset: string[];
  relation: RelRecord | null;
}

/** The properties and IN_SEGMENT of a decision for firm `id` (the rule's confidence and reason are kept either way). */
export function placementProps(id: string, d: PlacementDecision, p: RegistryFirm['placement'], docId: string): PlacementProps {
  const kept = { placementConfidence: p.confidence, placementReason: p.reason };
  if (d.kind === 'pending') {
    return {
      set: { ...kept, placementReview: 'pending', ...(d.segmentId === null ? {} : { suggestedSegmentId: d.segmentId }) },
      unset: d.segmentId === null ? ['suggestedSegmentId'] : [],
      relation: null,
    };
  }
  const relation: RelRecord | null =
    d.kind === 'placed'
      ? { type: 'IN_SEGMENT', from: id, to: d.segmentId, sourceKind: 'CURATED', reason: p.reason, confidence: p.confidence, placedBy: PLACED_BY_REGISTRY, docId, synthetic: false }
      : null;
  return { set: kept, unset: ['placementReview', 'suggestedSegmentId'], relation };
}
