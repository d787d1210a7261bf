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

/** Empties the database, then makes sure the schema is there. */
export async function resetDb(db: Db): Promise<void> {
  await db.deleteAll();
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
