import type { Db } from '@cangshan/neo4j';
import { isGraphEmpty, loadStartingData, type ImportReport } from '@cangshan/seed';
import type { SeedData } from './config.ts';

/** The lock's uniqueness: a second MERGE of the same lock waits for the first one's transaction to end. */
const LOCK_CONSTRAINT = 'CREATE CONSTRAINT starting_data_lock IF NOT EXISTS FOR (l:StartingDataLock) REQUIRE l.id IS UNIQUE';
const TAKE_LOCK = "MERGE (l:StartingDataLock {id: 'startingData'}) SET l.by = $by";
const RELEASE_LOCK = "MATCH (l:StartingDataLock {id: 'startingData'}) DELETE l";
/** isGraphEmpty's question, asked inside the lock's write transaction: on the leader, after every earlier holder committed. */
const ANY_ENTITY = 'MATCH (n:Entity) RETURN n.id AS id LIMIT 1';

/**
 * Loads the starting data (SEED_DATA) into an empty graph, once however many replicas start
 * together on it. The check and the load happen under a lock held by a write transaction: a node
 * whose id a uniqueness constraint guards, MERGEd at the start of the transaction — another
 * replica's MERGE of the same id waits inside Neo4j until this transaction has ended, then sees the
 * data and skips. The lock node is deleted in the transaction that made it, so it is never seen;
 * a replica that dies holding it ends its transaction with its connection, and the lock with it.
 * Resolves with the import's report, or null when the graph was not empty. `announce` is told
 * before the load begins.
 */
export async function loadStartingDataOnce(db: Db, kind: SeedData, opts: { by: string; announce?: () => void }): Promise<ImportReport | null> {
  // Without the lock when the graph holds data: every start but the first.
  if (!(await isGraphEmpty(db))) return null;
  await db.write(LOCK_CONSTRAINT);
  return db.writeTx(async (tx) => {
    await tx.run(TAKE_LOCK, { by: opts.by });
    let report: ImportReport | null = null;
    if ((await tx.run(ANY_ENTITY)).length === 0) {
      opts.announce?.();
      // Its own transactions, which commit before ours: whoever takes the lock next sees the data.
      report = await loadStartingData(db, kind);
    }
    await tx.run(RELEASE_LOCK);
    return report;
  });
}
