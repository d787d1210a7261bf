import { asOfFragment } from '../../cypher/asOf.ts';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { FIRM_RELATIONS } from '../../cypher/graphProjection.ts';
import { inDistrictCypher, outsideCypher } from '../../cypher/inDistrict.ts';

/** The parts of `Stats` that are computed apart, and the fields each one answers. */
export const STATS_PARTS = {
  counts: ['enterprises', 'anchors', 'synthetic'],
  outside: ['outside'],
  projects: ['projects', 'investmentYuan'],
  byChain: ['byChain'],
  byYear: ['byYear'],
  circles: ['circles'],
} as const;

export type StatsPart = keyof typeof STATS_PARTS;

/** The parts a selection needs (its field names, fragments flattened); `asOf` and `__typename` need none. */
export function statsPartsFor(fieldNames: Iterable<string>): StatsPart[] {
  const names = new Set(fieldNames);
  return (Object.keys(STATS_PARTS) as StatsPart[]).filter((p) => STATS_PARTS[p].some((f) => names.has(f)));
}

/**
 * `stats(asOf)`: the dashboard's counts in one round-trip, only the parts asked for (`parts`,
 * default all): a client asking for three counts does not pay for every anchor's circle. The district's firms are those in it as
 * of `$asOf` — landed by then and not left — or now with no cursor (cypher/inDistrict.ts); the
 * outside ones are every other firm of the database (never landed, landed later, or left), so the
 * two add up to every firm but those marked local with no landing date under a cursor. Circles are
 * depth 2, as `circle` computes them.
 */
export function buildStatsQuery(asOf: string | null, parts: readonly StatsPart[] = Object.keys(STATS_PARTS) as StatsPart[]): CypherQuery {
  const landed = inDistrictCypher('e');
  const has = (p: StatsPart): boolean => parts.includes(p);
  const blocks: Record<StatsPart, string[]> = {
    counts: [
      'CALL () {',
      `  MATCH (e:Enterprise) WHERE ${landed}`,
      '  RETURN count(e) AS enterprises, count(CASE WHEN e.isAnchor THEN 1 END) AS anchors, count(CASE WHEN e.synthetic THEN 1 END) AS synthetic',
      '}',
    ],
    outside: [
      'CALL () {',
      `  MATCH (e:Enterprise) WHERE ${outsideCypher('e')}`,
      '  RETURN count(e) AS outside',
      '}',
    ],
    projects: [
      'CALL () {',
      `  MATCH (p:Project) WHERE coalesce(p.local, true) AND ${asOfFragment.node('p')}`,
      '  WITH p, CASE WHEN NOT EXISTS { (p)-[:PART_OF]->(:Project) } THEN p.amountYuan END AS amount',
      // sum() of no known amount is 0; unknown is null, as growth's investmentYuan says it.
      '  RETURN count(p) AS projects, CASE WHEN count(amount) = 0 THEN null ELSE sum(amount) END AS investmentYuan',
      '}',
    ],
    byChain: [
      'CALL () {',
      `  MATCH (e:Enterprise) WHERE ${landed}`,
      '  OPTIONAL MATCH (e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(c:Chain)',
      '  WITH c, count(DISTINCT e) AS n ORDER BY n DESC, c.id',
      '  RETURN collect({chainId: c.id, chainName: c.name, count: n}) AS byChain',
      '}',
    ],
    byYear: [
      'CALL () {',
      `  MATCH (e:Enterprise) WHERE ${landed} AND e.landedOn IS NOT NULL`,
      '  WITH left(e.landedOn, 4) AS year, count(e) AS n ORDER BY year',
      '  RETURN collect({year: year, count: n}) AS byYear',
      '}',
    ],
    circles: [
      'CALL () {',
      `  MATCH (a:Enterprise) WHERE a.isAnchor = true AND ${asOfFragment.node('a')}`,
      '  CALL (a) {',
      `    OPTIONAL MATCH (a) ((x)-[r:${FIRM_RELATIONS}]-(y:Enterprise) WHERE ${asOfFragment.node('y')} AND ${asOfFragment.rel('r')}){1,2} (f)`,
      '    WHERE f <> a',
      '    RETURN count(DISTINCT f) AS size',
      '  }',
      '  WITH a, size ORDER BY size DESC, a.id',
      `  RETURN collect({anchor: ${enterpriseProjection('a')}, size: size}) AS circles`,
      '}',
    ],
  };
  const picked = (Object.keys(STATS_PARTS) as StatsPart[]).filter(has);
  const columns = picked.flatMap((p) => STATS_PARTS[p]);
  const cypher = lines(...picked.flatMap((p) => blocks[p]), `RETURN ${columns.length > 0 ? columns.join(', ') : '1 AS nothing'}`);
  return { cypher, params: { asOf } };
}
