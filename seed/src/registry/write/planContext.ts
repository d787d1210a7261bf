import type { Problems } from '../problems.ts';
import type { RegistryFirm } from '../firmRecord.ts';
import type { FieldChange, FirmPreview, MatchedBy } from './registryPlan.ts';
import { decide, type PlacementDecision } from './placementWrite.ts';

/** What every step of planning a registry import shares. */
export interface PlanContext {
  /** The file's name, as reasons and history lines cite it. */
  file: string;
  docId: string;
  districtId: string;
  today: string;
  importMonth: string;
  /** Segment names by id (the chains the database holds). */
  segments: ReadonlyMap<string, string>;
  problems: Problems;
  /** Segments the rules named that the database lacks, reported once each. */
  missingSegments: Set<string>;
}

/** The rules' placement of a firm as a decision, reporting a segment the database lacks once. */
export function decisionOf(f: RegistryFirm, ctx: PlanContext): PlacementDecision {
  const seg = f.placement.segmentId;
  if (seg !== null && !ctx.segments.has(seg) && !ctx.missingSegments.has(seg)) {
    ctx.missingSegments.add(seg);
    ctx.problems.add(
      'segment missing',
      'warning',
      { value: seg },
      `the placement rules chose segment ${seg}, which the database does not hold (load the chains: npm run seed -- --chains-only): its firms wait in the review queue`,
    );
  }
  return decide(f.placement, (id) => ctx.segments.has(id));
}

/** When and how a firm of the export left; a departure the export gives no date for leaves in the import month. */
export function leftOf(f: RegistryFirm, ctx: PlanContext): { how: string; on: string } | null {
  if (!f.left) return null;
  if (f.left.on !== null) return { how: f.left.kind, on: f.left.on };
  ctx.problems.add('left date', 'warning', { row: f.rowNumbers[f.rowNumbers.length - 1] ?? null, value: f.statusText }, `${f.left.kind} with no date in the export: it leaves in the month of the import (${ctx.importMonth})`);
  return { how: f.left.kind, on: ctx.importMonth };
}

/** A firm of the export as the preview shows it. */
export function previewOf(
  f: RegistryFirm,
  enterpriseId: string,
  matchedBy: MatchedBy | null,
  changes: FieldChange[],
  left: { how: string; on: string } | null,
  needsReview: boolean,
  ctx: PlanContext,
): FirmPreview {
  const seg = f.placement.segmentId;
  return {
    key: f.key,
    name: f.name,
    enterpriseId,
    matchedBy,
    rows: f.rowNumbers,
    changes,
    segmentId: seg,
    segmentName: seg === null ? null : (ctx.segments.get(seg) ?? null),
    confidence: f.placement.confidence,
    placementReason: f.placement.reason,
    needsReview,
    leftOn: left?.on ?? null,
    leftHow: left?.how ?? null,
    heldWhy: null,
  };
}

/** `2026-12 仓山区企业名录-2026-12.csv: status 存续 → 注销; registeredCapitalText 5000万元 → 8000万元` */
export function historyLine(month: string, file: string, changes: readonly FieldChange[]): string {
  return `${month} ${file}: ${changes.map((c) => `${c.field} ${c.from ?? '—'} → ${c.to ?? '—'}`).join('; ')}`;
}
