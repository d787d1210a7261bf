import type { Db, Tx } from '@cangshan/neo4j';
import type { ImportReport } from './importReport.ts';
import type { WriteStep } from './planWrites.ts';

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
 * per transaction, which spends less on commits and heartbeats than one per batch.
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
 * The staged write of a large import (docs/DATA-FORMAT.md, "All or nothing"):
 * 1. `(:ImportRun {id, heartbeat, committed: false})` records the attempt.
 * 2. New nodes and the relationships touching them are written in transactions of up to 10k nodes
 *    or 50k relationships (STAGED_TX_ROWS; pipelined batches), each also refreshing the heartbeat;
 *    the nodes carry `:ImportStaging {_importId}`.
 * 3. One final transaction applies every update to what existed before and sets `committed`.
 * 4. Markers are removed and the ImportRun deleted.
 * Failure or Ctrl-C before step 3 commits deletes every staged node (their relationships go with
 * them, since each new relationship touches a new node): the database is as before. A SIGKILLed
 * import leaves its staged nodes; `recoverStagedImports` (run at the start of every import and by
 * `npm run seed -- --recover`) deletes them once the heartbeat is stale, or finishes step 4 when
 * the run had committed.
 */
export async function stagedWrite(db: Db, steps: WriteStep[], report: ImportReport, runSteps: RunSteps, progress: (s: WriteStep) => void): Promise<void> {
  const stage = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const creates = steps.filter((s) => s.kind === 'createNodes' || s.kind === 'createRels');
  const merges = steps.filter((s) => s.kind === 'mergeNodes' || s.kind === 'mergeRels');
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await db.write('CREATE (:ImportRun {id: $stage, heartbeat: timestamp(), committed: false, pid: $pid})', { stage, pid: process.pid });
  try {
    const t0 = performance.now();
    for (const group of groupSteps(creates, STAGED_TX_ROWS)) {
      if (stop.signal.aborted) throw new Error('Import interrupted; rolled back.');
      const snapshot = structuredClone({ created: report.created, updated: report.updated });
      let reported: WriteStep[] = [];
      await db.writeTx(async (tx) => {
        // A transient error makes the driver run this again: count from the snapshot.
        report.created = structuredClone(snapshot.created);
        report.updated = structuredClone(snapshot.updated);
        reported = [];
        await runSteps(tx.run, group, stage, report, (s) => reported.push(s));
        await tx.run('MATCH (r:ImportRun {id: $stage}) SET r.heartbeat = timestamp()', { stage });
      });
      for (const s of reported) progress(s);
    }
    const t1 = performance.now();
    const before = structuredClone({ created: report.created, updated: report.updated });
    await db.writeTx(async (tx) => {
      report.created = structuredClone(before.created);
      report.updated = structuredClone(before.updated);
      await runSteps(tx.run, merges, stage, report, () => undefined);
      await tx.run('MATCH (r:ImportRun {id: $stage}) SET r.committed = true', { stage });
    });
    for (const s of merges) progress(s);
    report.phases = { ...report.phases, writeMs: Math.round(t1 - t0), commitMs: Math.round(performance.now() - t1) };
  } catch (err) {
    await deleteStaged(db, stage);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const t2 = performance.now();
  await unmarkStaged(db, stage);
  report.phases = { ...report.phases, finishMs: Math.round(performance.now() - t2) };
}

async function loop(db: Db, cypher: string, stage: string): Promise<void> {
  for (;;) {
    const [r] = await db.write(cypher, { stage });
    if (!r || (r.c as number) === 0) break;
  }
}

async function unmarkStaged(db: Db, stage: string): Promise<void> {
  await loop(db, 'MATCH (n:ImportStaging {_importId: $stage}) WITH n LIMIT 20000 REMOVE n:ImportStaging, n._importId RETURN count(*) AS c', stage);
  await db.write('MATCH (r:ImportRun {id: $stage}) DELETE r', { stage });
}

async function deleteStaged(db: Db, stage: string): Promise<void> {
  await loop(db, 'MATCH (n:ImportStaging {_importId: $stage}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c', stage);
  await db.write('MATCH (r:ImportRun {id: $stage}) DELETE r', { stage });
}

/**
 * Cleans up after staged imports that died (SIGKILL, power loss): finishes committed ones, rolls
 * back the others once their heartbeat is older than `staleAfterMs`. Staged nodes with no
 * ImportRun at all are rolled back too. Returns what it did.
 */
export async function recoverStagedImports(db: Db, staleAfterMs = STALE_AFTER_MS): Promise<{ rolledBack: string[]; finished: string[] }> {
  const runs = await db.read(
    `MATCH (r:ImportRun) RETURN r.id AS id, r.committed AS committed, timestamp() - r.heartbeat AS age
     UNION
     MATCH (n:ImportStaging) WHERE NOT EXISTS { MATCH (:ImportRun {id: n._importId}) }
     RETURN DISTINCT n._importId AS id, false AS committed, ${Number.MAX_SAFE_INTEGER} AS age`,
  );
  const out = { rolledBack: [] as string[], finished: [] as string[] };
  for (const r of runs) {
    const id = String(r.id);
    if (r.committed === true) {
      await unmarkStaged(db, id);
      out.finished.push(id);
    } else if ((r.age as number) > staleAfterMs) {
      await deleteStaged(db, id);
      out.rolledBack.push(id);
    }
  }
  return out;
}
