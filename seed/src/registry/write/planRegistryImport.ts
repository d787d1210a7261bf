import path from 'node:path';
import type { Db } from '@cangshan/neo4j';
import type { NodeRecord, RelRecord } from '@cangshan/model';
import { isIsoPartialDate } from '@cangshan/model';
import type { HeldFirm } from '../firmRecord.ts';
import { Problems, type RegistryProblem } from '../problems.ts';
import type { UnderstoodExport } from '../understandRegistryExport.ts';
import { CandidateIndex, matchFirms } from './matchFirms.ts';
import type { PlanContext } from './planContext.ts';
import { planMatchedFirm, planNewFirm, type PlannedFirm } from './planFirm.ts';
import { planMissing } from './planMissing.ts';
import { planParents } from './planParents.ts';
import { nodeExists, readCandidates, readExistingFirms, readImportedBefore, readSegments } from './readExisting.ts';
import { documentId } from './registryIds.ts';
import { RegistryPlanError } from './registryErrors.ts';
import type { FirmPreview, RegistryCounts, RegistryPlan } from './registryPlan.ts';
import { resolveDistrict } from './resolveDistrict.ts';

export interface PlanOptions {
  /** The district the export covers (a Place id); default: the database's one district, or one made from 所属区县. */
  districtId?: string;
  /** The export is the district's complete list: firms imported before and missing from it leave. */
  full?: boolean;
  /** Import the valid rows and hold the invalid ones (default: any error refuses the import). */
  holdInvalid?: boolean;
  /** The day of the import, ISO (default: today, UTC): the Document's date, and the month undated departures leave in. */
  today?: string;
}

/** Errors first, then by row (file-level problems first within each level). */
function sortProblems(ps: readonly RegistryProblem[]): RegistryProblem[] {
  return ps
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.level === b.p.level ? 0 : a.p.level === 'error' ? -1 : 1) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

function heldPreview(h: HeldFirm, enterpriseId: string | null): FirmPreview {
  return {
    key: h.key,
    name: h.name || '(no name)',
    enterpriseId: enterpriseId ?? h.key,
    matchedBy: enterpriseId ? 'name' : null,
    rows: h.rowNumbers,
    changes: [],
    segmentId: h.placement.segmentId,
    segmentName: null,
    confidence: h.placement.confidence,
    placementReason: h.placement.reason,
    needsReview: h.placement.needsReview,
    leftOn: h.left?.on ?? null,
    leftHow: h.left?.kind ?? null,
    heldWhy: h.held.why,
  };
}

/** Matches first by name (to check), then by code. */
const NAME_FIRST: Record<string, number> = { name: 0, formerName: 0, alias: 0, registrationNumber: 1, creditCode: 1 };

/**
 * What importing an understood registry export would do, against the database as it is: every
 * firm matched (credit code, registration number, then name, former name, alias) or new, what
 * changes field by field, departures, firms missing from the export, placements and the review
 * queue, branches' parents, the district and the export's Document. Reads only; applyRegistryImport
 * writes the plan. Throws RegistryPlanError when the district cannot be decided.
 */
export async function planRegistryImport(db: Db, u: UnderstoodExport, opts: PlanOptions = {}): Promise<RegistryPlan> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isIsoPartialDate(today)) throw new RegistryPlanError(`today must be an ISO day (YYYY-MM-DD), not "${today}"`);
  const file = path.basename(u.file);
  const docId = documentId(u.sha256 ?? null, JSON.stringify(u.firms.map((f) => [f.key, f.name])));
  const district = await resolveDistrict(db, u, opts.districtId, docId, file);
  const problems = new Problems(u.file);
  const [candidates, segments, docExists, before] = await Promise.all([readCandidates(db), readSegments(db), nodeExists(db, docId), readImportedBefore(db, district.id)]);
  const ctx: PlanContext = { file, docId, districtId: district.id, today, importMonth: today.slice(0, 7), segments, problems, missingSegments: new Set() };

  const index = new CandidateIndex(candidates);
  const matches = matchFirms(u.firms, index);
  const matchedIds = matches.flatMap((m) => (m.kind === 'matched' ? [m.match.candidate.id] : []));
  const existing = await readExistingFirms(db, matchedIds);
  const planned: PlannedFirm[] = u.firms.map((f, i) => {
    const m = matches[i];
    if (m?.kind === 'matched') {
      const ex = existing.get(m.match.candidate.id);
      if (ex) {
        if (m.match.by !== 'creditCode' && m.match.by !== 'registrationNumber') {
          problems.add('matched by name', 'warning', { row: f.rowNumbers[0] ?? null, value: f.name }, `matched by ${m.match.by} to the database's ${m.match.candidate.id} (${m.match.candidate.name}): check before importing`);
        }
        return planMatchedFirm(f, m.match.candidate.id, m.match.by, ex, ctx);
      }
    }
    if (m?.kind === 'ambiguous') {
      problems.add('ambiguous name', 'warning', { row: f.rowNumbers[0] ?? null, value: f.name }, `its ${m.by} matches ${m.candidates.map((c) => c.id).join(', ')} in the database: none is taken, it is imported as a new firm`);
    }
    return planNewFirm(f, ctx);
  });
  const parents = planParents(u.firms, planned, existing, index, ctx);

  // Held rows that name a firm the database has are not "missing": the row is there, only unreadable.
  const heldIds = u.held.map((h) => (h.name ? index.byNameOnly(h.name)?.id ?? null : null));
  const seen = new Set([...matchedIds, ...heldIds.filter((x): x is string => x !== null)]);
  const missing = planMissing(
    before.filter((b) => !seen.has(b.id)),
    opts.full === true,
    ctx,
  );

  const nodes: NodeRecord[] = [];
  if (district.create) nodes.push(district.create);
  if (!docExists) {
    nodes.push({ id: docId, label: 'Document', title: file, name: file, publishedOn: today, sha256: u.sha256 ?? null, rows: u.counts.rows, districtId: district.id, sourceKind: 'REGISTRY', docId, reason: `registry export ${file}, imported ${today}`, synthetic: false });
  }
  nodes.push(...planned.flatMap((p) => (p.node ? [p.node] : [])), ...parents.nodes);
  const relations: RelRecord[] = [...planned.flatMap((p) => p.relations), ...parents.relations];

  const all = sortProblems([...u.problems, ...problems.list]);
  const errors = all.filter((p) => p.level === 'error').length;
  const fileLevelError = all.some((p) => p.level === 'error' && p.row === null);
  const isNew = (p: PlannedFirm): boolean => p.node !== null;
  const changed = planned.filter((p) => p.update !== null);
  const departures = [...planned.filter((p) => p.departs).map((p) => p.preview), ...(opts.full ? missing.previews : [])];
  const counts: RegistryCounts = {
    ...u.counts,
    new: planned.filter(isNew).length,
    changed: changed.length,
    unchanged: planned.length - planned.filter(isNew).length - changed.length,
    departures: departures.length,
    notInExport: missing.previews.length,
    toReview: planned.filter((p) => p.toReview).length,
    errors,
    warnings: all.length - errors,
  };
  return {
    file,
    encoding: u.encoding,
    sheetName: u.sheetName ?? null,
    columns: u.columns,
    districtId: district.id,
    districtCreated: district.create ? { id: district.id, name: district.name } : null,
    document: { id: docId, title: file, publishedOn: today, sha256: u.sha256 ?? null },
    today,
    importMonth: ctx.importMonth,
    full: opts.full === true,
    holdInvalid: opts.holdInvalid === true,
    counts,
    importable: errors === 0 || (opts.holdInvalid === true && !fileLevelError),
    problems: all,
    newFirms: planned.filter(isNew).map((p) => p.preview),
    matched: planned
      .filter((p) => !isNew(p))
      .map((p) => p.preview)
      .sort((a, b) => (NAME_FIRST[a.matchedBy ?? ''] ?? 2) - (NAME_FIRST[b.matchedBy ?? ''] ?? 2)),
    changedFirms: changed.map((p) => p.preview),
    departures,
    notInExport: missing.previews,
    held: u.held.map((h, i) => heldPreview(h, heldIds[i] ?? null)),
    writes: { nodes, updates: [...changed.flatMap((p) => (p.update ? [p.update] : [])), ...missing.updates], relations },
  };
}
