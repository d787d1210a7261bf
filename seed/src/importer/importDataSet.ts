import type { Db, Tx } from '../../../neo4j/src/index.ts';
import type { DataSet, ImportReport, LabelCounts } from '../model/types.ts';
import { existingIds } from './existingIds.ts';
import { planWrites, type WriteStep } from './planWrites.ts';
import { validateDataSet, ImportValidationError, type Problem, type RecordOrigin } from '../format/validateDataSet.ts';
import { recoverStagedImports, stagedWrite } from './stagedWrite.ts';

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Rows per UNWIND statement (default 5,000). */
  batchSize?: number;
  /** Validate against the file rules and the database, write nothing. */
  dryRun?: boolean;
  /**
   * Up to this many rows (nodes + relations) go in one transaction (default 150,000); above it the
   * import is staged (see below): measured on the 1 GB-heap embedded server, one transaction of
   * 100k nodes + 150k relationships hits `dbms.memory.transaction.total.max` (717 MiB).
   */
  maxSingleTxRows?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Where each record came from (file, row), so that problems name them; see readDataFiles. */
  origins?: { nodes: readonly (RecordOrigin | undefined)[]; relations: readonly (RecordOrigin | undefined)[] };
}

/**
 * Every problem of a data set, against the format and the database (references may point at nodes
 * already there; an id may not change its label). Empty when it can be imported.
 */
export async function checkDataSet(db: Db, ds: DataSet, origins?: ImportOptions['origins']): Promise<{ problems: Problem[]; existing: Map<string, string> }> {
  const ids = new Set<string>();
  for (const n of ds.nodes) if (n && typeof n.id === 'string') ids.add(n.id);
  for (const r of ds.relations) {
    if (r && typeof r.from === 'string') ids.add(r.from);
    if (r && typeof r.to === 'string') ids.add(r.to);
    if (r && typeof r.docId === 'string') ids.add(r.docId);
  }
  for (const n of ds.nodes) if (n && typeof n.docId === 'string') ids.add(n.docId);
  const existing = await existingIds(db, ids);
  const problems = validateDataSet(ds, { existing, nodeOrigins: origins?.nodes, relOrigins: origins?.relations });
  return { problems, existing };
}

function emptyCounts(): LabelCounts {
  return { nodes: {}, rels: {} };
}

function add(c: LabelCounts, step: WriteStep, n: number): void {
  const m = step.isNode ? c.nodes : c.rels;
  if (n > 0) m[step.key] = (m[step.key] ?? 0) + n;
}

/**
 * Runs one step; while the database works on it, prepares the rows of `next` (search fields and
 * property maps are CPU work that would otherwise sit between round-trips).
 */
export async function runStep(run: Tx['run'], step: WriteStep, stage: string | null, report: ImportReport, next?: WriteStep): Promise<void> {
  const pending = run(step.cypher, { rows: step.rows(), stage });
  next?.rows();
  const [res] = await pending;
  const rows = (res?.rows as number | undefined) ?? 0;
  if (rows !== step.size) {
    // Validation checked every end exists; a shortfall means a concurrent writer removed one.
    throw new Error(`${step.key}: wrote ${rows} of ${step.size} rows; a referenced node disappeared during the import.`);
  }
  add(report.created, step, (res?.created as number | undefined) ?? 0);
  add(report.updated, step, (res?.updated as number | undefined) ?? 0);
}

/**
 * Imports a data set: validates everything first (throws ImportValidationError listing every
 * problem, writing nothing), then writes with batched UNWIND statements grouped by label / type.
 * Idempotent: nodes are keyed by `id`, relationships by (from, type, to); a rerun reports 0 created
 * and 0 updated.
 *
 * All-or-nothing, in one of two ways:
 * - single-tx (≤ maxSingleTxRows): every statement in one transaction.
 * - staged (larger): batches in their own transactions, marked, rolled back on failure
 *   (stagedWrite.ts explains how, and how a killed import is cleaned up).
 */
export async function importDataSet(db: Db, ds: DataSet, opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 5_000;
  const total = ds.nodes.length + ds.relations.length;
  // A staged import that was killed may have left marked nodes: clean them up before looking.
  await recoverStagedImports(db);
  const { problems, existing } = await checkDataSet(db, ds, opts.origins);
  if (problems.length > 0) throw new ImportValidationError(problems);

  const staged = total > (opts.maxSingleTxRows ?? 150_000);
  const report: ImportReport = {
    created: emptyCounts(),
    updated: emptyCounts(),
    rows: { nodes: ds.nodes.length, relations: ds.relations.length },
    ms: 0,
    dryRun: !!opts.dryRun,
    mode: opts.dryRun ? 'none' : staged ? 'staged' : 'single-tx',
  };
  if (opts.dryRun) {
    report.ms = Math.round(performance.now() - t0);
    return report;
  }
  let known = existing;
  for (let attempt = 1; ; attempt++) {
    try {
      await write(db, planWrites(ds, known, batchSize, staged), staged, report, total, opts.onProgress);
      break;
    } catch (err) {
      // Another import created some of our ids between our check and our write (both saw them
      // missing). Nothing of ours was kept; look again and MERGE what now exists.
      if (attempt >= 3 || (err as { code?: string }).code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') throw err;
      known = (await checkDataSet(db, ds, opts.origins)).existing;
    }
  }
  report.ms = Math.round(performance.now() - t0);
  return report;
}

async function write(db: Db, steps: WriteStep[], staged: boolean, report: ImportReport, total: number, onProgress: ImportOptions['onProgress']): Promise<void> {
  let done = 0;
  const progress = (s: WriteStep): void => {
    done += s.size;
    onProgress?.({ done, total });
  };
  report.created = emptyCounts();
  report.updated = emptyCounts();
  if (staged) return stagedWrite(db, steps, report, runStep, progress);
  await db.writeTx(async (tx) => {
    // The driver may retry the whole function on a transient error: start the counts afresh.
    report.created = emptyCounts();
    report.updated = emptyCounts();
    done = 0;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i] as WriteStep;
      await runStep(tx.run, s, null, report, steps[i + 1]);
      progress(s);
    }
  });
}
