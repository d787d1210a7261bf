import os from 'node:os';
import type { Db, Params, Row, Tx } from '@cangshan/neo4j';
import { STAGING_INDEX } from '@cangshan/neo4j';
import { SWAP_BATCH_CYPHER, SWAP_STAGED_CYPHER } from './cypher.ts';
import type { ImportReport } from './importReport.ts';
import type { StagedPlan, WriteStep } from './planWrites.ts';

/** A staged import whose heartbeat is older than this is considered dead (its process was killed). */
export const STALE_AFTER_MS = 2 * 60_000;

type RunSteps = (run: Tx['run'], steps: readonly WriteStep[], stage: string | null, report: ImportReport, done: (s: WriteStep) => void) => Promise<void>;

/**
 * Size of a staged transaction, in relation rows; a node counts as NODE_WEIGHT rows. Measured on
 * the 1 GB-heap embedded server (100k district): a transaction of 250k rows hits
 * `dbms.memory.transaction.total.max`; the 121k nodes took 31.7 s (22.5 s of Neo4j CPU) in
 * transactions of 10k nodes against 38.9 s (29.0 s) in transactions of 50k — a large transaction
 * of nodes (each with ~20 properties, two unique-index entries, range and full-text index
 * entries) makes the garbage collector copy its state again and again. Relations are light: 50k
 * per transaction, which spends less on commits and heartbeats than one per batch. (Measured when
 * staged nodes bore their labels; now their index entries are made by the swap, SWAP_TX_ROWS.)
 */
export const STAGED_TX_ROWS = 50_000;
export const NODE_WEIGHT = 5;

/** Consecutive steps grouped so that each group weighs at most `maxRows` (a heavier step alone). */
export function groupSteps(steps: readonly WriteStep[], maxRows: number): WriteStep[][] {
  const groups: WriteStep[][] = [];
  let cur: WriteStep[] = [];
  let rows = 0;
  for (const s of steps) {
    const w = s.size * (s.isNode ? NODE_WEIGHT : 1);
    if (cur.length > 0 && rows + w > maxRows) {
      groups.push(cur);
      cur = [];
      rows = 0;
    }
    cur.push(s);
    rows += w;
  }
  if (cur.length > 0) groups.push(cur);
  return groups;
}

/**
 * The swap's transaction, in rows: a new node weighs SWAP_NODE_WEIGHT rows (its label change, its
 * markers' removal and its entries in the unique, range and full-text indexes), a relation to a
 * node that existed and an update one row each. Measured on the 1 GB-heap embedded server (100k
 * district on the article data): swapping 120,906 staged nodes took 463 MiB of transaction memory,
 * adding their 100,000 relations to existing nodes 597 MiB, and its commit then broke the 717 MiB
 * `dbms.memory.transaction.total.max`; 200k rows is ≈ 280 MiB.
 */
export const SWAP_TX_ROWS = 200_000;
export const SWAP_NODE_WEIGHT = 3;

/** Test hooks of a staged import (never set in production). */
export interface StagedHooks {
  /** Awaited after each staged transaction has committed (`batch` counts from 1), before the next. */
  afterStagedBatch?: (batch: number) => Promise<void> | void;
  /** Awaited after each transaction of a swap in several has committed (`batch` counts from 1). */
  afterSwapBatch?: (batch: number) => Promise<void> | void;
}

export interface StagedOptions {
  hooks?: StagedHooks;
  /** Run at the end of the last swap transaction, after the updates (ImportOptions.finalStatements). */
  finalStatements?: readonly { cypher: string; params?: Params }[];
}

/** A write transaction whose counts start again from where they were if the driver retries it. */
async function countedTx(db: Db, report: ImportReport, work: (tx: Tx) => Promise<void>): Promise<void> {
  const before = structuredClone({ created: report.created, updated: report.updated });
  await db.writeTx(async (tx) => {
    report.created = structuredClone(before.created);
    report.updated = structuredClone(before.updated);
    await work(tx);
  });
}

/**
 * Takes the ImportRun's lock for a swap transaction, first thing in it: a recovery that judged this
 * run dead (stale heartbeat) and claimed it makes the swap refuse; one that comes later waits for
 * the lock, then finds the run committed and no staged node left.
 */
async function lockRun(tx: Tx, stage: string): Promise<void> {
  const [run] = await tx.run('MATCH (r:ImportRun {id: $stage}) WHERE r.rollingBack IS NULL SET r.swapping = true, r.heartbeat = timestamp() RETURN count(r) AS c', { stage });
  if (run?.c !== 1) throw new Error('This staged import was rolled back meanwhile by a recovery that took it for dead (no heartbeat for too long); nothing was kept. Run it again.');
}

/**
 * The staged write of a large import (docs/DATA-FORMAT.md, "All or nothing"), planned by
 * planStaged:
 * 1. `(:ImportRun {id, heartbeat, host, pid})` records the attempt.
 * 2. New nodes are written as `:ImportStaging {_label, _importId}` only — none of the labels a
 *    read matches — and so are the relations between two of them, in transactions of up to 10k
 *    nodes or 50k relations (STAGED_TX_ROWS; pipelined batches), each refreshing the heartbeat.
 *    Nothing visible leads to them: a relation with an end that existed before waits for step 3.
 * 3. The swap. When it fits in SWAP_TX_ROWS (the 30k district does), one transaction locks the
 *    ImportRun, swaps the staged nodes' markers for their labels, creates the relations to what
 *    existed, applies every update, and marks the run committed: readers see none of the import,
 *    then all of it. Larger (the 100k district on top of other data), the swap is cut into
 *    transactions that each make some new nodes visible together with all their relations to the
 *    nodes already visible; the updates and `committed` come with the last. Meanwhile readers see
 *    the database as before plus a growing part of the new nodes, each with all its relations to
 *    what they can see (never a relation to a node they cannot), and none of the updates; the
 *    swapped nodes keep `_importId` until the last batch has committed, so a failure still rolls
 *    back the whole import.
 * 4. The ImportRun is deleted (after a batched swap, the `_importId` markers first).
 * Failure or Ctrl-C before the swap has committed deletes every node of the import (their
 * relations go with them): the database is as before. A SIGKILLed import leaves invisible staged
 * nodes (or, killed during a batched swap, marked visible ones); `recoverStagedImports` (run when
 * `npm start` and the seed CLI start, at the start of every import, and by
 * `npm run seed -- --recover`) deletes them once their importer is known dead.
 */
export async function stagedWrite(db: Db, plan: StagedPlan, report: ImportReport, runSteps: RunSteps, progress: (s: WriteStep) => void, opts: StagedOptions = {}): Promise<void> {
  const stage = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const hooks = opts.hooks ?? {};
  const atomic = plan.swaps.length <= 1;
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  const interrupted = (): void => {
    if (stop.signal.aborted) throw new Error('Import interrupted; rolled back.');
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Without it every staged relation would scan all staged nodes for its ends. Normally applySchema
  // made it already, and then this changes nothing.
  await db.write(STAGING_INDEX);
  await db.write("CALL db.awaitIndex('import_staging_id', 300)");
  await db.write('CREATE (:ImportRun {id: $stage, heartbeat: timestamp(), committed: false, host: $host, pid: $pid})', { stage, host: os.hostname(), pid: process.pid });
  let committed = false;
  try {
    const t0 = performance.now();
    let batch = 0;
    for (const group of groupSteps(plan.stage, STAGED_TX_ROWS)) {
      interrupted();
      let reported: WriteStep[] = [];
      await countedTx(db, report, async (tx) => {
        reported = [];
        await runSteps(tx.run, group, stage, report, (s) => reported.push(s));
        await tx.run('MATCH (r:ImportRun {id: $stage}) SET r.heartbeat = timestamp()', { stage });
      });
      for (const s of reported) progress(s);
      await hooks.afterStagedBatch?.(++batch);
    }
    const t1 = performance.now();
    const swaps = plan.swaps.length > 0 ? plan.swaps : [{ ids: [], rels: [] }];
    for (const [i, b] of swaps.entries()) {
      interrupted();
      const last = i === swaps.length - 1;
      await countedTx(db, report, async (tx) => {
        await lockRun(tx, stage);
        const [swapped] = atomic ? await tx.run(SWAP_STAGED_CYPHER, { stage }) : await tx.run(SWAP_BATCH_CYPHER, { stage, ids: b.ids });
        if (swapped?.c !== (atomic ? plan.newNodes : b.ids.length)) throw new Error(`The staged import lost some of its staged nodes (a recovery removed them); nothing was kept. Run it again.`);
        await runSteps(tx.run, b.rels, stage, report, () => undefined);
        if (last) {
          await runSteps(tx.run, plan.updates, stage, report, () => undefined);
          for (const f of opts.finalStatements ?? []) await tx.run(f.cypher, f.params ?? {});
          await tx.run('MATCH (r:ImportRun {id: $stage}) SET r.committed = true', { stage });
        }
      });
      if (last) committed = true;
      for (const s of b.rels) progress(s);
      if (!atomic) await hooks.afterSwapBatch?.(i + 1);
    }
    for (const s of plan.updates) progress(s);
    if (!atomic) await loop(db, UNMARK_SWAPPED, stage);
    report.phases = { ...report.phases, writeMs: Math.round(t1 - t0), commitMs: Math.round(performance.now() - t1) };
  } catch (err) {
    if (!committed) await deleteStaged(db, stage);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // Bookkeeping only: if this fails, the next recovery deletes the committed run.
  await db.write('MATCH (r:ImportRun {id: $stage}) DELETE r', { stage });
}

/** Runs `cypher` (a batch that returns its count as `c`) until a batch does nothing. */
async function loop(db: Db, cypher: string, stage: string): Promise<void> {
  for (;;) {
    const [r] = await db.write(cypher, { stage });
    if (!r || (r.c as number) === 0) break;
  }
}

/** Removes the marker from the nodes a batched swap made visible (`Entity` nodes with `_importId`: no index; a scan). */
const UNMARK_SWAPPED = 'MATCH (n:Entity) WHERE n._importId = $stage WITH n LIMIT 20000 REMOVE n._importId RETURN count(*) AS c';

/**
 * A run that had committed: an atomic swap left only its ImportRun (the process died right after
 * it), a batched one maybe `_importId` markers; an earlier importer's nodes bore their labels and
 * `:ImportStaging` with the marker.
 */
async function unmarkStaged(db: Db, stage: string): Promise<void> {
  await loop(db, 'MATCH (n:ImportStaging {_importId: $stage}) WITH n LIMIT 20000 REMOVE n:ImportStaging, n._importId RETURN count(*) AS c', stage);
  await loop(db, UNMARK_SWAPPED, stage);
  await db.write('MATCH (r:ImportRun {id: $stage}) DELETE r', { stage });
}

/**
 * Deletes a staged import's nodes (their relations go with them), then its ImportRun. The run is
 * claimed first (`rollingBack`), which waits for a swap transaction in progress to release the
 * run's lock: a swap that committed leaves no staged node to delete, and one that starts later
 * sees the claim and refuses. A batched swap that had begun (`swapping`) made some nodes visible
 * already; they still carry `_importId` and go too.
 */
async function deleteStaged(db: Db, stage: string): Promise<{ wasVisible: boolean }> {
  const [claim] = await db.write('MATCH (r:ImportRun {id: $stage}) SET r.rollingBack = true RETURN r.swapping AS swapping', { stage });
  const wasVisible = claim?.swapping === true;
  await loop(db, 'MATCH (n:ImportStaging {_importId: $stage}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c', stage);
  if (wasVisible) await loop(db, 'MATCH (n:Entity) WHERE n._importId = $stage WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c', stage);
  await db.write('MATCH (r:ImportRun {id: $stage}) DELETE r', { stage });
  return { wasVisible };
}

export interface RecoverOptions {
  /** A run whose heartbeat is older than this is dead (default STALE_AFTER_MS); 0: every run is. */
  staleAfterMs?: number;
  /**
   * This process owns the database (it started the embedded server, which no other process can
   * use) and is starting up: no import can be running, so every run found is dead.
   */
  exclusive?: boolean;
  /** Told one line for each run cleaned up. */
  log?: (line: string) => void;
}

export interface Recovered {
  rolledBack: string[];
  finished: string[];
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is another user's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Why the importer of a run is gone, or null while it may still be importing. On this machine its
 * process id says so at once (a process of ours that is still alive is importing); a run of
 * another machine, or one whose id now belongs to some other process, is dead when its heartbeat
 * is older than `staleAfterMs`.
 */
function deathOf(run: Row, opts: RecoverOptions): string | null {
  const staleAfterMs = opts.staleAfterMs ?? STALE_AFTER_MS;
  if (opts.exclusive) return 'this process owns the database and is starting';
  if (staleAfterMs <= 0) return 'every uncommitted run was to be rolled back';
  if (run.host === os.hostname() && typeof run.pid === 'number') {
    if (run.pid === process.pid) return null;
    if (!pidAlive(run.pid)) return `its process ${run.pid} is gone`;
  }
  const age = run.age as number;
  if (age === Number.MAX_SAFE_INTEGER) return 'staged nodes without a run';
  return age > staleAfterMs ? `no heartbeat for ${Math.round(age / 1000)} s` : null;
}

/**
 * Cleans up after staged imports that died (SIGKILL, power loss): deletes what they staged (never
 * visible, unless a batched swap had begun) and their ImportRun; runs that had committed are finished. Staged
 * nodes with no ImportRun at all are deleted too. Each clean-up is one line to `opts.log`.
 * Returns what it did. `opts` may be a number: `staleAfterMs`.
 */
export async function recoverStagedImports(db: Db, opts: RecoverOptions | number = {}): Promise<Recovered> {
  const o: RecoverOptions = typeof opts === 'number' ? { staleAfterMs: opts } : opts;
  const runs = await db.read(
    `MATCH (r:ImportRun) RETURN r.id AS id, r.committed AS committed, timestamp() - r.heartbeat AS age, r.host AS host, r.pid AS pid
     UNION
     MATCH (n:ImportStaging) WHERE NOT EXISTS { MATCH (:ImportRun {id: n._importId}) }
     RETURN DISTINCT n._importId AS id, false AS committed, ${Number.MAX_SAFE_INTEGER} AS age, null AS host, null AS pid`,
  );
  const out: Recovered = { rolledBack: [], finished: [] };
  for (const r of runs) {
    const id = String(r.id);
    if (r.committed === true) {
      await unmarkStaged(db, id);
      out.finished.push(id);
      o.log?.(`[import] finished staged import ${id}, which had committed`);
      continue;
    }
    const death = deathOf(r, o);
    if (death === null) continue;
    const t0 = performance.now();
    const { wasVisible } = await deleteStaged(db, id);
    out.rolledBack.push(id);
    const seen = wasVisible ? 'it had begun its batched swap, so readers saw part of it until now' : 'readers never saw it';
    o.log?.(`[import] rolled back staged import ${id} (${death}) in ${Math.round(performance.now() - t0)} ms; ${seen}`);
  }
  return out;
}
