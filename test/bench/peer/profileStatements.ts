import neo4j, { type Driver } from 'neo4j-driver';
import type { Statement } from './captureDriver.ts';

interface PlanNode {
  dbHits: number;
  children: PlanNode[];
}

const sum = (p: PlanNode): number => p.dbHits + p.children.reduce((a, c) => a + sum(c), 0);

/**
 * `PROFILE` for a statement that may start with query options: the library prefixes every query
 * with `CYPHER 5` (its Executor), and Cypher wants `PROFILE` after the options, not before.
 */
export function profiled(cypher: string): string {
  const m = /^(\s*CYPHER(?:[ \t]+[^\n]*)?\n)/i.exec(cypher);
  return m ? `${m[1]}PROFILE ${cypher.slice(m[1]?.length ?? 0)}` : `PROFILE ${cypher}`;
}

/**
 * The database work of one request: db hits summed over the PROFILE plan of each statement it sent,
 * through the bare driver (a read session, the parameters as sent). Each statement runs once first
 * so its plan is cached and planning is not in the profile (as the dbhits suite does).
 */
export async function profileStatements(driver: Driver, statements: readonly Statement[], database?: string): Promise<number> {
  let hits = 0;
  for (const s of statements) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(s.cypher, s.params);
      const res = await session.run(profiled(s.cypher), s.params);
      const plan = res.summary.profile;
      if (!plan) throw new Error(`PROFILE gave no plan for: ${s.cypher.slice(0, 120)}`);
      hits += sum(plan as unknown as PlanNode);
    } finally {
      await session.close();
    }
  }
  return hits;
}
