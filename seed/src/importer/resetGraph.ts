import type { Db } from '@cangshan/neo4j';

/** Empties the database (every node and relationship, the schema stays). */
export async function resetGraph(db: Db): Promise<void> {
  await db.deleteAll();
}
