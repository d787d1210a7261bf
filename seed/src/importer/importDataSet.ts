import type { Db, Tx } from '../../../neo4j/src/index.ts';
import type { DataSet, ImportReport, LabelCounts } from '../model/types.ts';
import { existingIds } from './existingIds.ts';
import { planWrites, type WriteStep } from './planWrites.ts';
import { validateDataSet, ImportValidationError } from '../format/validateDataSet.ts';

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
   * Up to this many rows (nodes + relations) go in one transaction (default 60,000); above it the
   * import is staged (see below), because one transaction of 100k nodes and 400k relationships
   * outgrows a 1 GB heap.
   */
  maxSingleTxRows?: number;
  onProgress?: (p: ImportProgress) => void;
}

function emptyCounts(): LabelCounts {
  return { nodes: {}, rels: {} };
}

function add(c: LabelCounts, step: WriteStep, n: number): void {
  const m = step.isNode ? c.nodes : c.rels;
  if (n > 0) m[step.key] = (m[step.key] ?? 0) + n;
}

async function runStep(run: Tx['run'], step: WriteStep, stage: string | null, report: ImportReport): Promise<void> {
  const [res] = await run(step.cypher, { rows: step.rows, stage });
  const rows = (res?.rows as number | undefined) ?? 0;
  if (rows !== step.rows.length) {
    // Validation checked every end exists; a shortfall means a concurrent writer removed one.
    throw new Error(`${step.key}: wrote ${rows} of ${step.rows.length} rows; a referenced node disappeared during the import.`);
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
 * - staged (larger): new nodes and the relationships that touch them are written in batches of
 *   their own transactions, each new node marked `:ImportStaging {_importId}`; updates of nodes and
 *   relationships that already existed go in one final transaction. On any failure before that
 *   commits, every marked node is DETACH DELETEd — which removes the new relationships with them,
 *   since each touches a new node — and the database is as before. After the commit the markers
 *   are removed. Readers can see marked nodes while the import runs (filter `NOT n:ImportStaging`).
 */
export async function importDataSet(db: Db, ds: DataSet, opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 5_000;
  const total = ds.nodes.length + ds.relations.length;
  const ids = new Set<string>();
  for (const n of ds.nodes) if (typeof n.id === 'string') ids.add(n.id);
  for (const r of ds.relations) {
    if (typeof r.from === 'string') ids.add(r.from);
    if (typeof r.to === 'string') ids.add(r.to);
  }
  const existing = await existingIds(db, ids);
  const problems = validateDataSet(ds, { existing });
  if (problems.length > 0) throw new ImportValidationError(problems);

  const staged = total > (opts.maxSingleTxRows ?? 60_000);
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
  const steps = planWrites(ds, existing, batchSize, staged);
  let done = 0;
  const progress = (s: WriteStep): void => {
    done += s.rows.length;
    opts.onProgress?.({ done, total });
  };
  if (!staged) {
    await db.writeTx(async (tx) => {
      // The driver may retry the whole function on a transient error: start the counts afresh.
      report.created = emptyCounts();
      report.updated = emptyCounts();
      done = 0;
      for (const s of steps) {
        await runStep(tx.run, s, null, report);
        progress(s);
      }
    });
  } else {
    await stagedWrite(db, steps, report, progress);
  }
  report.ms = Math.round(performance.now() - t0);
  return report;
}

async function stagedWrite(db: Db, steps: WriteStep[], report: ImportReport, progress: (s: WriteStep) => void): Promise<void> {
  const stage = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const creates = steps.filter((s) => s.kind === 'createNodes' || s.kind === 'createRels');
  const merges = steps.filter((s) => s.kind === 'mergeNodes' || s.kind === 'mergeRels');
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const s of creates) {
      if (stop.signal.aborted) throw new Error('Import interrupted; rolling back.');
      await db.writeTx((tx) => runStep(tx.run, s, stage, report));
      progress(s);
    }
    const before = structuredClone(report);
    await db.writeTx(async (tx) => {
      Object.assign(report, structuredClone(before));
      for (const s of merges) await runStep(tx.run, s, stage, report);
    });
    for (const s of merges) progress(s);
  } catch (err) {
    await deleteStaged(db, stage);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // Committed: unmark in batches (idempotent; a crash here leaves markers, not partial data).
  for (;;) {
    const [r] = await db.write(
      'MATCH (n:ImportStaging {_importId: $stage}) WITH n LIMIT 20000 REMOVE n:ImportStaging, n._importId RETURN count(*) AS c',
      { stage },
    );
    if (!r || (r.c as number) === 0) break;
  }
}

/** Deletes every node a failed staged import created, with the relationships that touch them. */
async function deleteStaged(db: Db, stage: string): Promise<void> {
  for (;;) {
    const [r] = await db.write('MATCH (n:ImportStaging {_importId: $stage}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c', { stage });
    if (!r || (r.c as number) === 0) break;
  }
}
