import type { Db } from '../../../neo4j/src/index.ts';

/** Empties the database (every node and relationship, the schema stays), in batches of 10,000. */
export async function resetGraph(db: Db): Promise<void> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction, which only session.run gives.
  const session = db.driver.session({ database: db.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}
