import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { Db, applySchema } from '../../neo4j/src/index.ts';

/** A Db on the test run's Neo4j (started by globalSetup). Close it in afterAll. */
export function testDb(): Db {
  const uri = inject('neo4jUri');
  const user = process.env.NEO4J_TEST_URI ? process.env.NEO4J_USER : undefined;
  const auth = user ? neo4j.auth.basic(user, process.env.NEO4J_PASSWORD ?? '') : undefined;
  return new Db(neo4j.driver(uri, auth));
}

/** Empties the database in batches (keeps the schema), then makes sure the schema is there. */
export async function resetDb(db: Db): Promise<void> {
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run, not executeQuery.
  const session = db.driver.session({ database: db.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
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
