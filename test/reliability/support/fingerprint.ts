import type { Db } from '@cangshan/neo4j';
import { graphCounts } from '@cangshan/neo4j/testing';

/**
 * What "the database is as before" compares: nodes by label, relationships by type (duplicates
 * show), and the number of properties on each (a half-applied update shows), plus leftovers of a
 * staged import.
 */
export async function fingerprint(db: Db): Promise<Record<string, unknown>> {
  const [n] = await db.read('MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProps');
  const [r] = await db.read('MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS relProps');
  const [s] = await db.read('MATCH (n) WHERE n:ImportStaging OR n._importId IS NOT NULL RETURN count(n) AS staged');
  return { ...(await graphCounts(db)), ...n, ...r, ...s };
}
