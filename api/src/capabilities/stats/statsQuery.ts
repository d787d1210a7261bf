import { asOfFragment } from '../../cypher/asOf.ts';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { FIRM_RELATIONS } from '../../cypher/graphProjection.ts';
import { inDistrictCypher, outsideCypher } from '../../cypher/inDistrict.ts';

/**
 * `stats(asOf)`: the dashboard's counts in one round-trip. The district's firms are those in it as
 * of `$asOf` — landed by then and not left — or now with no cursor (cypher/inDistrict.ts); the
 * outside ones are every other firm of the database (never landed, landed later, or left), so the
 * two add up to every firm but those marked local with no landing date under a cursor. Circles are
 * depth 2, as `circle` computes them.
 */
export function buildStatsQuery(asOf: string | null): CypherQuery {
  const landed = inDistrictCypher('e');
  const cypher = lines(
    'CALL () {',
    `  MATCH (e:Enterprise) WHERE ${landed}`,
    '  RETURN count(e) AS enterprises, count(CASE WHEN e.isAnchor THEN 1 END) AS anchors, count(CASE WHEN e.synthetic THEN 1 END) AS synthetic',
    '}',
    'CALL () {',
    `  MATCH (e:Enterprise) WHERE ${outsideCypher('e')}`,
    '  RETURN count(e) AS outside',
    '}',
    'CALL () {',
    `  MATCH (p:Project) WHERE coalesce(p.local, true) AND ${asOfFragment.node('p')}`,
    '  WITH p, CASE WHEN NOT EXISTS { (p)-[:PART_OF]->(:Project) } THEN p.amountYuan END AS amount',
    // sum() of no known amount is 0; unknown is null, as growth's investmentYuan says it.
    '  RETURN count(p) AS projects, CASE WHEN count(amount) = 0 THEN null ELSE sum(amount) END AS investmentYuan',
    '}',
    'CALL () {',
    `  MATCH (e:Enterprise) WHERE ${landed}`,
    '  OPTIONAL MATCH (e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(c:Chain)',
    '  WITH c, count(DISTINCT e) AS n ORDER BY n DESC, c.id',
    '  RETURN collect({chainId: c.id, chainName: c.name, count: n}) AS byChain',
    '}',
    'CALL () {',
    `  MATCH (e:Enterprise) WHERE ${landed} AND e.landedOn IS NOT NULL`,
    '  WITH left(e.landedOn, 4) AS year, count(e) AS n ORDER BY year',
    '  RETURN collect({year: year, count: n}) AS byYear',
    '}',
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
    'RETURN enterprises, anchors, synthetic, outside, projects, investmentYuan, byChain, byYear, circles',
  );
  return { cypher, params: { asOf } };
}
