/**
 * Every candidate the ranking considers at a cut, with its factor values and raw amounts — read through the
 * ranking itself (recruitmentTargets), not recomputed beside it. One call per chain: a chain's
 * candidates get the same values as in the district ranking (segment counts, recent arrivals,
 * ties and Adamic–Adar all stay district-wide; only the candidates are filtered), and a limit
 * above a chain's candidate count makes the shortlist hold them all, so the values do not depend
 * on the weights. One call for the whole district would hold every tied candidate at once in the
 * shortlist's later steps, which outgrew Neo4j's transaction memory already at 5k firms.
 */
import type { Db } from '@cangshan/neo4j';
import { FACTOR_NAMES, SATURATED_FACTORS, recruitmentTargets, type FactorName } from '@cangshan/api/recruitment';
import { isCandidate } from '@cangshan/api/queries';
import type { FactorRow } from './fitWeights.ts';

/** Candidates per chain at the cut (an upper bound of what the ranking can return for it). */
const CANDIDATES_PER_CHAIN = `MATCH (ch:Chain)
RETURN ch.id AS chainId, COUNT { (c:Enterprise)-[:IN_SEGMENT]->(:Segment {chainId: ch.id}) WHERE ${isCandidate('c')} } AS n
ORDER BY chainId`;

/** Above this many candidates in one chain the table keeps the best this many by the cheap factors (logged). */
export const MAX_PER_CHAIN = 6000;

export async function factorTable(db: Db, asOf: string): Promise<{ rows: FactorRow[]; truncated: string[] }> {
  const rows = new Map<string, FactorRow>();
  const truncated: string[] = [];
  for (const r of await db.read(CANDIDATES_PER_CHAIN, { asOf })) {
    const n = r.n as number;
    if (n === 0) continue;
    if (n > MAX_PER_CHAIN) truncated.push(r.chainId as string);
    const targets = await recruitmentTargets((c, p) => db.read(c, p), { asOf, chainId: r.chainId as string, anchorId: null, limit: Math.min(n, MAX_PER_CHAIN), evidence: false });
    for (const t of targets) {
      const values = {} as Record<FactorName, number>;
      for (const f of t.factors) values[f.name] = f.value;
      for (const f of FACTOR_NAMES) values[f] ??= 0;
      // The raw amounts too, so the fit can try other half-saturation constants on the same rows.
      const raw = Object.fromEntries(SATURATED_FACTORS.map((f) => [f, t.factors.find((x) => x.name === f)?.raw ?? 0])) as Record<(typeof SATURATED_FACTORS)[number], number>;
      rows.set(t.enterprise.id, { id: t.enterprise.id, values, raw });
    }
  }
  return { rows: [...rows.values()], truncated };
}
