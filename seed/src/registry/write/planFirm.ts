import type { NodeRecord, PropValue, RelRecord } from '@cangshan/model';
import type { RegistryFirm } from '../firmRecord.ts';
import { diffFirm } from './diffFirm.ts';
import { registryFields, registryReason, storedFields } from './firmProps.ts';
import { current, placementProps, sameDecision, showDecision } from './placementWrite.ts';
import type { ExistingFirm } from './readExisting.ts';
import { firmId } from './registryIds.ts';
import type { FirmPreview, FirmUpdate, MatchedBy } from './registryPlan.ts';
import { decisionOf, leftOf, previewOf, type PlanContext } from './planContext.ts';

/** What planning one firm of the export gives. */
export interface PlannedFirm {
  enterpriseId: string;
  preview: FirmPreview;
  /** A new firm's node. */
  node: NodeRecord | null;
  /** An existing firm's update (null: unchanged, or new). */
  update: FirmUpdate | null;
  relations: RelRecord[];
  departs: boolean;
  /** Its placement goes to the review queue with this import. */
  toReview: boolean;
  /** The import may write its relations (a firm of the registry's own, or a new one). */
  registryOwned: boolean;
}

const defined = (o: Record<string, PropValue>): Record<string, PropValue> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));

/**
 * A firm the database does not have: a local firm of the district, landed when it was founded
 * (成立日期), sourced to the export's Document and rows, located in the district, and placed on its
 * chain (or queued for review).
 */
export function planNewFirm(f: RegistryFirm, ctx: PlanContext): PlannedFirm {
  const id = firmId(f);
  const reason = registryReason(ctx.file, f.rowNumbers);
  const left = leftOf(f, ctx);
  const decision = decisionOf(f, ctx);
  const placement = placementProps(id, decision, f.placement, ctx.docId);
  if (f.foundedOn === null) {
    ctx.problems.add('no founding date', 'warning', { row: f.rowNumbers[0] ?? null, value: f.name }, 'no 成立日期: the firm is imported without a landing date, so views as of a date do not show it');
  }
  const node: NodeRecord = {
    id,
    label: 'Enterprise',
    name: f.name,
    ...defined(storedFields(registryFields(f))),
    kind: f.kind,
    ...(f.kind === 'unit' ? { unitType: 'branch' } : {}),
    local: true,
    isAnchor: false,
    ...(f.foundedOn === null ? {} : { landedOn: f.foundedOn }),
    ...(left ? { leftOn: left.on, leftHow: left.how } : {}),
    registryDistrictId: ctx.districtId,
    ...placement.set,
    sourceKind: 'REGISTRY',
    docId: ctx.docId,
    reason,
    synthetic: false,
  };
  const located: RelRecord = { type: 'LOCATED_IN', from: id, to: ctx.districtId, since: f.foundedOn, sourceKind: 'REGISTRY', docId: ctx.docId, reason, synthetic: false };
  return {
    enterpriseId: id,
    preview: previewOf(f, id, null, [], left, decision.kind === 'pending', ctx),
    node,
    update: null,
    relations: [located, ...(placement.relation ? [placement.relation] : [])],
    departs: left !== null,
    toReview: decision.kind === 'pending',
    registryOwned: true,
  };
}

/**
 * A firm the database has: what changes, field by field and in its placement. Unchanged firms
 * are not written. A firm the registry did not create (the article's) keeps its name, landing,
 * provenance and curated placement: the export adds its registry fields only.
 */
export function planMatchedFirm(f: RegistryFirm, id: string, by: MatchedBy, existing: ExistingFirm, ctx: PlanContext): PlannedFirm {
  const registryOwned = existing.props.sourceKind === 'REGISTRY';
  const left = leftOf(f, ctx);
  const diff = diffFirm(existing.props, registryFields(f), { name: f.name, kind: f.kind, left, statusKnown: f.status !== null }, { registryOwned, districtId: ctx.districtId });
  if (diff.returned) {
    ctx.problems.add('returned', 'warning', { row: f.rowNumbers[0] ?? null, value: f.name }, `had left (${String(existing.props.leftHow)}, ${String(existing.props.leftOn)}) and the export lists it as ${f.statusText ?? 'present'}: it counts as in the district again`);
  }
  const changes = [...diff.changes];
  const set = { ...diff.set };
  const unset = [...diff.unset];
  let placement: FirmUpdate['placement'];
  const relations: RelRecord[] = [];
  const decision = decisionOf(f, ctx);
  const now = current(existing.placement);
  let toReview = false;
  if (now !== null && !sameDecision(now, decision, existing.placement)) {
    const p = placementProps(id, decision, f.placement, ctx.docId);
    changes.push({ field: 'placement', from: showDecision(now), to: showDecision(decision) });
    Object.assign(set, p.set);
    unset.push(...p.unset);
    if (p.relation) relations.push(p.relation);
    placement = { segmentId: decision.kind === 'placed' ? decision.segmentId : null };
    toReview = decision.kind === 'pending';
  }
  let update: FirmUpdate | null = null;
  if (changes.length > 0) {
    // The registry's own firms cite the export that last changed them; the article's keep their sources.
    if (registryOwned) Object.assign(set, { docId: ctx.docId, reason: registryReason(ctx.file, f.rowNumbers) });
    update = { id, set, unset, changes, ...(placement ? { placement } : {}) };
  }
  return {
    enterpriseId: id,
    preview: previewOf(f, id, by, changes, left, now !== null && decision.kind === 'pending', ctx),
    node: null,
    update,
    relations,
    departs: diff.departs,
    toReview,
    registryOwned,
  };
}
