import type { Db } from '@cangshan/neo4j';
import type { DataSet, NodeRecord, PropValue, RelRecord } from '@cangshan/model';
import { DERIVED_PROPS } from '../../importer/prepareRows.ts';
import { importDataSet, type FinalStatement, type ImportProgress } from '../../importer/importDataSet.ts';
import type { ImportReport } from '../../importer/importReport.ts';
import { historyLine } from './planContext.ts';
import { PLACED_BY_REGISTRY } from './placementWrite.ts';
import { RegistryImportRefused } from './registryErrors.ts';
import type { FirmUpdate, RegistryCounts, RegistryPlan } from './registryPlan.ts';

export interface ApplyOptions {
  /** Who imports, for the Change record (`cli:alice`, the API token's name). */
  actor: string;
  onProgress?: (p: ImportProgress) => void;
  /** Tests only: importDataSet's one-transaction limit, to exercise a staged import. */
  maxSingleTxRows?: number;
  /** Rows per statement (importDataSet's batchSize). */
  batchSize?: number;
  /** The caller's statements, committed with the import after its own (the API's pipeline follows landings). */
  finalStatements?: readonly FinalStatement[];
}

export interface RegistryImportResult {
  counts: RegistryCounts;
  districtId: string;
  documentId: string;
  report: ImportReport;
}

/** Properties the importer derives or keeps for itself: never echoed back into a record. */
const NOT_ECHOED = new Set<string>([...DERIVED_PROPS, 'nameKey']);
const PLACEMENT_PROPS = ['placementReview', 'suggestedSegmentId', 'placementConfidence', 'placementReason'];

/** The most firms whose field changes the Change record lists (the counts are always complete). */
const DETAIL_FIRMS = 2000;

/**
 * An existing enterprise as a record of the import format: every property it has, with the
 * update's on top. importDataSet MERGEs it (`SET n += props`), so what is echoed is written back
 * unchanged, the record passes the format's checks (name, provenance), and the search fields are
 * derived again from the name it ends up with.
 */
function echoRecord(id: string, stored: Record<string, unknown>, set: Record<string, PropValue>): NodeRecord {
  const rec: NodeRecord = { id, label: 'Enterprise', synthetic: false };
  for (const [k, v] of Object.entries(stored)) if (!k.startsWith('_') && !NOT_ECHOED.has(k) && k !== 'id') rec[k] = v as PropValue;
  return Object.assign(rec, set);
}

/** A planner confirmed a placement between the preview and now: the import leaves it alone. */
function withoutPlacement(u: FirmUpdate): FirmUpdate {
  const set = Object.fromEntries(Object.entries(u.set).filter(([k]) => !PLACEMENT_PROPS.includes(k)));
  const { placement: _dropped, ...rest } = u;
  return { ...rest, set, unset: u.unset.filter((k) => !PLACEMENT_PROPS.includes(k)), changes: u.changes.filter((c) => c.field !== 'placement') };
}

async function readCurrent(db: Db, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read('UNWIND $ids AS id MATCH (e:Enterprise {id: id}) RETURN e.id AS id, properties(e) AS props', { ids: [...ids] });
  return new Map(rows.map((r) => [String(r.id), (r.props ?? {}) as Record<string, unknown>]));
}

/** The statements committed with the data: removals, superseded registry placements, history lines, the Change record. */
function finalStatements(plan: RegistryPlan, updates: readonly FirmUpdate[], actor: string): FinalStatement[] {
  const unset = updates.filter((u) => u.unset.length > 0).map((u) => ({ id: u.id, nulls: Object.fromEntries(u.unset.map((k) => [k, null])) }));
  const placed = updates.flatMap((u) => (u.placement ? [{ id: u.id, keep: u.placement.segmentId }] : []));
  const history = updates.flatMap((u) => (u.changes.length ? [{ id: u.id, line: historyLine(plan.importMonth, plan.file, u.changes) }] : []));
  const changes = updates.slice(0, DETAIL_FIRMS).map((u) => ({ id: u.id, changes: u.changes }));
  const detail = {
    file: plan.file,
    documentId: plan.document.id,
    districtId: plan.districtId,
    ...(plan.districtCreated ? { districtCreated: plan.districtCreated } : {}),
    full: plan.full,
    holdInvalid: plan.holdInvalid,
    counts: plan.counts,
    newIds: plan.newFirms.slice(0, DETAIL_FIRMS).map((f) => f.enterpriseId),
    changes,
    ...(updates.length > DETAIL_FIRMS ? { changesOmitted: updates.length - DETAIL_FIRMS } : {}),
    departures: plan.departures.slice(0, DETAIL_FIRMS).map((f) => ({ id: f.enterpriseId, leftOn: f.leftOn, leftHow: f.leftHow })),
    notInExport: plan.notInExport.slice(0, DETAIL_FIRMS).map((f) => f.enterpriseId),
  };
  const out: FinalStatement[] = [];
  if (unset.length) out.push({ cypher: 'UNWIND $rows AS row MATCH (e:Enterprise {id: row.id}) SET e += row.nulls', params: { rows: unset } });
  if (placed.length) {
    out.push({
      cypher: 'UNWIND $rows AS row MATCH (e:Enterprise {id: row.id})-[r:IN_SEGMENT]->(s:Segment) WHERE r.placedBy = $registry AND (row.keep IS NULL OR s.id <> row.keep) DELETE r',
      params: { rows: placed, registry: PLACED_BY_REGISTRY },
    });
  }
  if (history.length) out.push({ cypher: 'UNWIND $rows AS row MATCH (e:Enterprise {id: row.id}) SET e.registryHistory = coalesce(e.registryHistory, []) + row.line', params: { rows: history } });
  out.push({ cypher: "CREATE (:Change {at: toString(datetime()), actor: $actor, action: 'importRegistry', detail: $detail})", params: { actor, detail: JSON.stringify(detail) } });
  return out;
}

/**
 * Writes a plan of planRegistryImport in one transaction (importDataSet's; staged for very large
 * imports, with everything below in its last swap): new firms, parents, the district and the
 * export's Document; the updates of firms that exist; relations; then removals, superseded
 * registry placements, history lines and one `Change {action: 'importRegistry'}` whose detail
 * lists the file, the counts and the field changes. All of it or nothing: a failure or a kill
 * leaves the database as it was. Refuses (RegistryImportRefused, writing nothing) a plan that is
 * not importable. A placement a planner confirmed since the preview is left alone.
 */
export async function applyRegistryImport(db: Db, plan: RegistryPlan, opts: ApplyOptions): Promise<RegistryImportResult> {
  if (!plan.importable) throw new RegistryImportRefused(plan.file, plan.problems);
  const ids = plan.writes.updates.map((u) => u.id);
  const now = await readCurrent(db, ids);
  const gone = ids.filter((id) => !now.has(id));
  if (gone.length > 0) {
    throw new RegistryImportRefused(plan.file, [], `The database changed since the preview: ${gone.slice(0, 5).join(', ')}${gone.length > 5 ? ' …' : ''} no longer exist(s). Nothing was written; preview the import again.`);
  }
  const confirmed = new Set(ids.filter((id) => now.get(id)?.placementReview === 'confirmed'));
  const updates = plan.writes.updates.map((u) => (confirmed.has(u.id) && u.placement ? withoutPlacement(u) : u));
  const relations: RelRecord[] = plan.writes.relations.filter((r) => !(r.type === 'IN_SEGMENT' && r.placedBy === PLACED_BY_REGISTRY && confirmed.has(r.from)));
  const ds: DataSet = {
    nodes: [...plan.writes.nodes, ...updates.map((u) => echoRecord(u.id, now.get(u.id) ?? {}, u.set))],
    relations,
  };
  const report = await importDataSet(db, ds, {
    onProgress: opts.onProgress,
    finalStatements: [...finalStatements(plan, updates, opts.actor), ...(opts.finalStatements ?? [])],
    ...(opts.maxSingleTxRows === undefined ? {} : { maxSingleTxRows: opts.maxSingleTxRows }),
    ...(opts.batchSize === undefined ? {} : { batchSize: opts.batchSize }),
  });
  return { counts: plan.counts, districtId: plan.districtId, documentId: plan.document.id, report };
}
