import type { Db, Tx } from '@cangshan/neo4j';
import { FOLLOW_LANDING } from './pipelineCypher.ts';

/** Today as the as-of rule's cursor: the UTC day, as the recruitment queries take "today" (recruitmentService.ts). */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Who an automatic change names: `system: <what wrote>` and, when a person asked for it, theirs. */
export const systemActor = (what: string, actor?: string): string => `system: ${what}${actor ? ` (${actor})` : ''}`;

/**
 * FOLLOW_LANDING as a statement to run inside another write's transaction: importDataSet's and
 * applyRegistryImport's `finalStatements` (committed with the import, or not at all).
 */
export function followLandingStatement(by: string, today: string = todayIso()): { cypher: string; params: Record<string, unknown> } {
  return { cypher: FOLLOW_LANDING, params: { by, today } };
}

/** FOLLOW_LANDING in a transaction of the caller's (an enterprise edit); how many entries moved. */
export async function followLanding(tx: Tx, by: string, today: string = todayIso()): Promise<number> {
  const [row] = await tx.run(FOLLOW_LANDING, { by, today });
  return (row?.moved as number | undefined) ?? 0;
}

/** FOLLOW_LANDING on its own (at the server's start, after command-line imports it could not see); how many entries moved. */
export async function followLandingNow(db: Db, by: string, today: string = todayIso()): Promise<number> {
  const [row] = await db.write(FOLLOW_LANDING, { by, today });
  return (row?.moved as number | undefined) ?? 0;
}
