import type { Db, Params, Row, Tx } from '@cangshan/neo4j';
import type { DataSet } from '@cangshan/model';
import type { ImportReport, LabelCounts } from './importReport.ts';
import { existingIds } from './existingIds.ts';
import { planStaged, planWrites, type StagedPlan, type WriteStep } from './planWrites.ts';
import { validateDataSet, ImportValidationError, type Problem, type RecordOrigin } from '../format/validateDataSet.ts';
import { recoverStagedImports, stagedWrite, SWAP_NODE_WEIGHT, SWAP_TX_ROWS, type StagedHooks } from './stagedWrite.ts';

export interface ImportProgress {
  done: number;
  total: number;
}

/** A statement a caller commits together with an import (ImportOptions.finalStatements). */
export interface FinalStatement {
  cypher: string;
  params?: Params;
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
  /**
   * Statements run last in the transaction that makes the import visible — the one transaction,
   * or a staged import's last swap — after every node and relation of the data set: what must be
   * committed with the data or not at all (the registry import's removals, history lines and its
   * Change record). In order; not run on a dry run.
   */
  finalStatements?: readonly FinalStatement[];
  /** Tests only: hooks into a staged import (stagedWrite.ts). */
  stagedHooks?: StagedHooks;
  /** Tests only: the staged import's swap transaction limit in rows (default SWAP_TX_ROWS, stagedWrite.ts). */
  maxSwapTxRows?: number;
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

function add(m: Record<string, number>, key: string, n: number): void {
  if (n > 0) m[key] = (m[key] ?? 0) + n;
}

/** Statements in flight at once within a transaction (see runSteps). */
const PIPELINE = 3;

/**
 * Runs steps in one transaction, pipelined: up to PIPELINE statements are sent before the first
 * result is awaited, so that the driver encodes the next batch (and the importer builds its rows:
 * search fields, property tuples) while Neo4j executes the current one, instead of each side
 * waiting for the other. Results are checked in order; `done` is called as each one arrives.
 * The first failure is thrown (the statements after it fail with the transaction and are ignored).
 */
export async function runSteps(run: Tx['run'], steps: readonly WriteStep[], stage: string | null, report: ImportReport, done: (s: WriteStep) => void): Promise<void> {
  const pending: { step: WriteStep; result: Promise<Row[]> }[] = [];
  let i = 0;
  while (i < steps.length || pending.length > 0) {
    while (i < steps.length && pending.length < PIPELINE) {
      const step = steps[i++] as WriteStep;
      const { cypher, rows } = step.statement();
      const result = run(cypher, { rows, stage });
      result.catch(() => undefined); // handled below, in order; keeps a later echo of the first failure quiet
      pending.push({ step, result });
    }
    steps[i]?.statement();
    const { step, result } = pending.shift() as { step: WriteStep; result: Promise<Row[]> };
    const [res] = await result;
    const rows = (res?.rows as number | undefined) ?? 0;
    if (rows !== step.size) {
      // Validation checked every end exists; a shortfall means a concurrent writer removed one.
      throw new Error(`${[...step.counts.keys()].join(', ')}: wrote ${rows} of ${step.size} rows; a referenced node disappeared during the import.`);
    }
    const created = step.isNode ? report.created.nodes : report.created.rels;
    if (step.kind === 'createNodes' || step.kind === 'createRels') {
      for (const [k, n] of step.counts) add(created, k, n);
    } else {
      const [key] = step.counts.keys();
      add(created, key as string, (res?.created as number | undefined) ?? 0);
      add(step.isNode ? report.updated.nodes : report.updated.rels, key as string, (res?.updated as number | undefined) ?? 0);
    }
    done(step);
  }
}

/**
 * Imports a data set: validates everything first (throws ImportValidationError listing every
 * problem, writing nothing), then writes with batched UNWIND statements grouped by label / type.
 * Idempotent: nodes are keyed by `id`, relationships by (from, type, to); a rerun reports 0 created
 * and 0 updated.
 *
 * All-or-nothing, in one of two ways:
 * - single-tx (≤ maxSingleTxRows): every statement in one transaction.
 * - staged (larger): new nodes and the relations between them in batches of their own, invisible
 *   to readers, then one transaction that makes them visible with every other change (several for
 *   the largest imports); rolled back on failure (stagedWrite.ts explains how, what readers can see,
 *   and how a killed import is cleaned up).
 */
export async function importDataSet(db: Db, ds: DataSet, opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 5_000;
  const total = ds.nodes.length + ds.relations.length;
  // A staged import that was killed may have left marked nodes: clean them up before looking.
  // Usually there is nothing to clean, so the look runs meanwhile (one round-trip less), and is
  // repeated only when the clean-up changed something.
  const [recovered, checked] = await Promise.all([recoverStagedImports(db), checkDataSet(db, ds, opts.origins)]);
  const { problems, existing } = recovered.rolledBack.length + recovered.finished.length > 0 ? await checkDataSet(db, ds, opts.origins) : checked;
  if (problems.length > 0) throw new ImportValidationError(problems);
  const checkMs = Math.round(performance.now() - t0);

  const staged = total > (opts.maxSingleTxRows ?? 150_000);
  const report: ImportReport = {
    created: emptyCounts(),
    updated: emptyCounts(),
    rows: { nodes: ds.nodes.length, relations: ds.relations.length },
    ms: 0,
    dryRun: !!opts.dryRun,
    mode: opts.dryRun ? 'none' : staged ? 'staged' : 'single-tx',
    phases: { checkMs },
  };
  if (opts.dryRun) {
    report.ms = Math.round(performance.now() - t0);
    return report;
  }
  let known = existing;
  for (let attempt = 1; ; attempt++) {
    try {
      const plan = staged ? planStaged(ds, known, batchSize, opts.maxSwapTxRows ?? SWAP_TX_ROWS, SWAP_NODE_WEIGHT) : planWrites(ds, known, batchSize);
      await write(db, plan, report, total, opts);
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

async function write(db: Db, plan: WriteStep[] | StagedPlan, report: ImportReport, total: number, opts: ImportOptions): Promise<void> {
  let done = 0;
  const progress = (s: WriteStep): void => {
    done += s.size;
    opts.onProgress?.({ done, total });
  };
  report.created = emptyCounts();
  report.updated = emptyCounts();
  const final = opts.finalStatements ?? [];
  if (!Array.isArray(plan)) return stagedWrite(db, plan, report, runSteps, progress, { hooks: opts.stagedHooks, finalStatements: final });
  let statementsDone = 0;
  const t0 = performance.now();
  await db.writeTx(async (tx) => {
    // The driver may retry the whole function on a transient error: start the counts afresh.
    report.created = emptyCounts();
    report.updated = emptyCounts();
    done = 0;
    await runSteps(tx.run, plan, null, report, progress);
    for (const f of final) await tx.run(f.cypher, f.params ?? {});
    statementsDone = performance.now();
  });
  report.phases = { ...report.phases, writeMs: Math.round(statementsDone - t0), commitMs: Math.round(performance.now() - statementsDone) };
}
