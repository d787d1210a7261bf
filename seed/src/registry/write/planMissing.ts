import type { FieldChange, FirmPreview, FirmUpdate } from './registryPlan.ts';
import type { PlanContext } from './planContext.ts';

/**
 * The firms an earlier import of this district wrote that this export does not list. An export
 * may be partial (one street, one kind of firm), so they are only reported; with `full` (the
 * planner states the export is the district's complete list) they leave in the month of the
 * import, `leftHow: 'notInFullExport'`. Nothing is ever deleted.
 */
export function planMissing(missing: readonly { id: string; name: string; key: string }[], full: boolean, ctx: PlanContext): { previews: FirmPreview[]; updates: FirmUpdate[] } {
  const previews: FirmPreview[] = [];
  const updates: FirmUpdate[] = [];
  for (const m of missing) {
    const changes: FieldChange[] = full
      ? [
          { field: 'leftOn', from: null, to: ctx.importMonth },
          { field: 'leftHow', from: null, to: 'notInFullExport' },
        ]
      : [];
    previews.push({
      key: m.key,
      name: m.name,
      enterpriseId: m.id,
      matchedBy: null,
      rows: [],
      changes,
      segmentId: null,
      segmentName: null,
      confidence: null,
      placementReason: null,
      needsReview: false,
      leftOn: full ? ctx.importMonth : null,
      leftHow: full ? 'notInFullExport' : null,
      heldWhy: null,
    });
    if (full) updates.push({ id: m.id, set: { leftOn: ctx.importMonth, leftHow: 'notInFullExport' }, unset: [], changes });
  }
  if (missing.length > 0) {
    const what = full ? `they leave in ${ctx.importMonth} (leftHow notInFullExport), as the export is stated complete` : 'reported, not deleted (the export may be partial; --full / full: true says it is complete, and then they leave)';
    ctx.problems.add('not in export', 'warning', { value: String(missing.length) }, `${missing.length} firm(s) imported before for ${ctx.districtId} are not in this export: ${what}`);
  }
  return { previews, updates };
}
