import type { Db } from '@cangshan/neo4j';

export interface RunningTransaction {
  id: string;
  status: string;
  query: string;
  parameters: Record<string, unknown>;
}

/**
 * The transactions Neo4j has open whose current query contains `marker` (SHOW TRANSACTIONS),
 * leaving out the SHOW itself.
 */
export async function transactionsRunning(db: Db, marker: string): Promise<RunningTransaction[]> {
  const rows = await db.read('SHOW TRANSACTIONS YIELD transactionId, currentQuery, status, parameters RETURN transactionId, currentQuery, status, parameters');
  return rows
    .filter((r) => typeof r.currentQuery === 'string' && r.currentQuery.includes(marker) && !r.currentQuery.startsWith('SHOW TRANSACTIONS'))
    .map((r) => ({ id: String(r.transactionId), status: String(r.status), query: String(r.currentQuery), parameters: (r.parameters ?? {}) as Record<string, unknown> }));
}
