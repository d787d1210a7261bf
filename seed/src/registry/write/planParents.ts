import type { NodeRecord, RelRecord } from '@cangshan/model';
import type { RegistryFirm } from '../firmRecord.ts';
import { isGroupName, normaliseName } from '../names.ts';
import type { CandidateIndex } from './matchFirms.ts';
import type { PlannedFirm } from './planFirm.ts';
import type { ExistingFirm } from './readExisting.ts';
import { orgId } from './registryIds.ts';
import { rowsText } from './firmProps.ts';
import type { PlanContext } from './planContext.ts';

/**
 * PART_OF from each branch (…分公司, …分店) to its parent, by the parent's name read out of the
 * branch's: the parent is a firm of the same export if it is there, else one the database has
 * (by name, former name or alias), else a new enterprise outside the district (no landing date,
 * `local: false`), made once however many branches name it. A branch that already has the tie,
 * and a firm the registry did not create, get none.
 */
export function planParents(
  firms: readonly RegistryFirm[],
  planned: readonly PlannedFirm[],
  existing: ReadonlyMap<string, ExistingFirm>,
  index: CandidateIndex,
  ctx: PlanContext,
): { nodes: NodeRecord[]; relations: RelRecord[] } {
  const inExport = new Map<string, string>();
  firms.forEach((f, i) => {
    const id = planned[i]?.enterpriseId;
    if (!id) return;
    if (!inExport.has(f.nameKey)) inExport.set(f.nameKey, id);
    for (const n of f.formerNames) if (!inExport.has(normaliseName(n))) inExport.set(normaliseName(n), id);
  });
  const made = new Map<string, NodeRecord>();
  const relations: RelRecord[] = [];
  firms.forEach((f, i) => {
    const p = planned[i];
    if (!f.parent || !p || !p.registryOwned) return;
    const key = f.parent.parentKey;
    let parentId = inExport.get(key) ?? index.byNameOnly(f.parent.parentName)?.id;
    if (parentId === p.enterpriseId) return;
    if (parentId === undefined) {
      parentId = orgId(key);
      if (!made.has(key)) {
        made.set(key, {
          id: parentId,
          label: 'Enterprise',
          name: f.parent.parentName,
          kind: isGroupName(f.parent.parentName) ? 'group' : 'firm',
          local: false,
          isAnchor: false,
          sourceKind: 'REGISTRY',
          docId: ctx.docId,
          reason: `registry: the parent named by its branch ${f.name} (${ctx.file} ${rowsText(f.rowNumbers)})`,
          synthetic: false,
        });
        ctx.problems.add(
          'parent outside',
          'warning',
          { row: f.rowNumbers[0] ?? null, value: f.parent.parentName },
          `the parent of ${f.name} is neither in the export nor in the database: it is created outside the district (${parentId}, no landing date)`,
        );
      }
    }
    if (existing.get(p.enterpriseId)?.parentIds.includes(parentId)) return;
    relations.push({ type: 'PART_OF', from: p.enterpriseId, to: parentId, since: f.foundedOn, sourceKind: 'REGISTRY', docId: ctx.docId, reason: f.parent.reason, synthetic: false });
  });
  return { nodes: [...made.values()], relations };
}
