// `@cangshan/neo4j/testing`: the test run's Neo4j (started once by test/support/globalSetup.ts)
// for every test file that touches data, in any workspace.
import { inject } from 'vitest';
import { Db } from './db.ts';
import { applySchema } from './schema.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** Bolt URI of the test run's Neo4j. */
    neo4jUri: string;
    /**
     * Set by the `neo4j-routing` project of vitest.config.ts: tests reach the same server through
     * the routing driver (neo4j://), which asks it for a routing table and sends reads and writes
     * where the table says, as against a cluster or Aura.
     */
    neo4jRouting?: boolean;
  }
}

/** The URI tests connect to: the run's Neo4j, as neo4j:// in the `neo4j-routing` project. */
export function testNeo4jUri(): string {
  const uri = inject('neo4jUri');
  return inject('neo4jRouting') ? uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:') : uri;
}

/** A Db on the test run's Neo4j. Close it in afterAll. */
export function testDb(): Db {
  const uri = testNeo4jUri();
  const user = process.env.NEO4J_TEST_URI ? process.env.NEO4J_USER : undefined;
  return Db.open(uri, { user, password: process.env.NEO4J_PASSWORD });
}

/** A transaction still open on the server: what `SHOW TRANSACTIONS` says of it. */
export interface OpenTransaction {
  transactionId: string;
  currentQuery: string;
  status: string;
  elapsedMs: number;
  /** Who opened it: the client's address and port. */
  clientAddress: string;
  activeLockCount: number;
}

/** The transactions open on the server but this question's own. */
export async function openTransactions(db: Db): Promise<OpenTransaction[]> {
  const session = db.driver.session({ database: db.database });
  try {
    const res = await session.run(
      "SHOW TRANSACTIONS YIELD transactionId, currentQuery, status, elapsedTime, clientAddress, activeLockCount WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' " +
        'RETURN transactionId, currentQuery, status, elapsedTime.milliseconds AS elapsedMs, clientAddress, activeLockCount',
    );
    return res.records.map((r) => ({
      transactionId: r.get('transactionId') as string,
      currentQuery: (r.get('currentQuery') as string).slice(0, 300),
      status: r.get('status') as string,
      elapsedMs: Number(r.get('elapsedMs')),
      clientAddress: String(r.get('clientAddress') ?? ''),
      activeLockCount: Number(r.get('activeLockCount')),
    }));
  } finally {
    await session.close();
  }
}

/** How long an emptying of the test database may take before the reset says why it waits. */
const RESET_DEADLINE_MS = 120_000;

/**
 * Empties the database, then makes sure the schema is there. Test files run one at a time, so a
 * transaction still open when a file starts was left by an earlier one (a child process that
 * outlived its file, a request abandoned mid-write): it is named on stderr and ended, since its
 * locks would otherwise hold the deletion below for as long as it lives. A reset that still does
 * not finish fails with the transactions then open, instead of waiting out the hook's timeout.
 */
export async function resetDb(db: Db): Promise<void> {
  const left = await openTransactions(db);
  if (left.length > 0) {
    console.warn(`[test] ending ${left.length} transaction(s) left open by an earlier test:\n${left.map((t) => `  ${t.transactionId} from ${t.clientAddress}, ${t.status}, open ${t.elapsedMs} ms, ${t.activeLockCount} lock(s): ${t.currentQuery || '(between statements)'}`).join('\n')}`);
    const session = db.driver.session({ database: db.database });
    try {
      await session.run('TERMINATE TRANSACTIONS $ids', { ids: left.map((t) => t.transactionId) });
    } catch (err) {
      // One may have ended meanwhile; the deletion below says whether any still holds it up.
      console.warn(`[test] ending them: ${(err as Error).message}`);
    } finally {
      await session.close();
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void openTransactions(db).then(
        (open) => reject(new Error(`resetDb: emptying the test database took over ${RESET_DEADLINE_MS / 1000} s. Open transactions:\n${JSON.stringify(open, null, 1)}`)),
        (err: Error) => reject(new Error(`resetDb: emptying the test database took over ${RESET_DEADLINE_MS / 1000} s, and the server did not list its transactions: ${err.message}`)),
      );
    }, RESET_DEADLINE_MS);
  });
  try {
    await Promise.race([db.deleteAll(), stuck]);
  } finally {
    clearTimeout(timer);
  }
  await applySchema(db);
}

/** Counts nodes by label and relationships by type: what a test compares before and after. */
export async function graphCounts(db: Db): Promise<{ nodes: Record<string, number>; rels: Record<string, number> }> {
  const n = await db.read('MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l');
  const r = await db.read('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t');
  return {
    nodes: Object.fromEntries(n.map((x) => [x.l as string, x.c as number])),
    rels: Object.fromEntries(r.map((x) => [x.t as string, x.c as number])),
  };
}
