import type { Db } from '@cangshan/neo4j';

/** True when the database holds no `:Entity` node (the API seeds the article data set then). */
export async function isGraphEmpty(db: Db): Promise<boolean> {
  const rows = await db.read('MATCH (n:Entity) RETURN n.id AS id LIMIT 1');
  return rows.length === 0;
}
