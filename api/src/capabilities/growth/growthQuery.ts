import { asOfFragment } from '../../cypher/asOf.ts';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { FIRM_RELATIONS } from '../../cypher/graphProjection.ts';

const TOP_PROJECT = 'p.amountYuan IS NOT NULL AND NOT EXISTS { (p)-[:PART_OF]->(:Project) }';
const PROJECT_ROW = '{date: coalesce(p.signedOn, p.landedOn), amount: p.amountYuan}';
const FIRM_ROW = (v: string): string => `{id: ${v}.id, landedOn: ${v}.landedOn, leftOn: ${v}.leftOn}`;

/**
 * Predicate for the anchor's circle as growth sees it: the firm bound to `v` had landed by `$asOf`
 * (the end of the range), whether or not it left since — its departure is what growth counts.
 * With no cursor, every firm (no cut), as for `circle`.
 */
const landedBy = (v: string): string => `($asOf IS NULL OR (${v}.landedOn IS NOT NULL AND ${v}.landedOn <= $asOf))`;

/**
 * `growth`: the landing and leaving dates of the firms in scope and the dated amounts of their
 * projects; the resolver buckets them into periods (bucketGrowth.ts). Top-level projects only, so
 * a sub-project's amount is not counted twice.
 * - District: every firm with a landing date (arrivals by `landedOn`, departures by `leftOn`: the
 *   dates decide, not the `local` flag), every local project. Unless the ids of the firms are asked
 *   for (`ids`), firms that share both dates come as one row with their count (`n`) and projects
 *   as one row per date with the sum of their amounts: at a million firms the rows firm by firm
 *   took 48 s to read and decode, the 132 rows of dates 0.8 s.
 * - Anchor: its circle at depth 2 as of `$asOf` (the end of the range), every firm on the way
 *   landed by then and every relation begun — firms that left since included, so that their
 *   departures count — and the circle's projects.
 */
export function buildGrowthQuery(anchorId: string | null, asOf: string | null, ids = true): CypherQuery {
  if (anchorId === null && !ids) {
    return {
      cypher: lines(
        'CALL () {',
        '  MATCH (e:Enterprise) WHERE e.landedOn IS NOT NULL',
        '  WITH e.landedOn AS landedOn, e.leftOn AS leftOn, count(*) AS n',
        '  RETURN collect({landedOn: landedOn, leftOn: leftOn, n: n}) AS firms',
        '}',
        'CALL () {',
        `  MATCH (p:Project) WHERE coalesce(p.local, true) AND ${TOP_PROJECT}`,
        '  WITH coalesce(p.signedOn, p.landedOn) AS date, sum(p.amountYuan) AS amount',
        '  RETURN collect({date: date, amount: amount}) AS projects',
        '}',
        'RETURN true AS found, firms, projects',
      ),
      params: {},
    };
  }
  if (anchorId === null) {
    return {
      cypher: lines(
        'CALL () {',
        '  MATCH (e:Enterprise) WHERE e.landedOn IS NOT NULL',
        `  RETURN collect(${FIRM_ROW('e')}) AS firms`,
        '}',
        'CALL () {',
        `  MATCH (p:Project) WHERE coalesce(p.local, true) AND ${TOP_PROJECT}`,
        `  RETURN collect(${PROJECT_ROW}) AS projects`,
        '}',
        'RETURN true AS found, firms, projects',
      ),
      params: {},
    };
  }
  return {
    cypher: lines(
      'MATCH (a:Enterprise {id: $anchorId})',
      'CALL (a) {',
      `  MATCH (a) ((x)-[r:${FIRM_RELATIONS}]-(y:Enterprise) WHERE ${landedBy('y')} AND ${asOfFragment.rel('r')}){1,2} (f)`,
      '  RETURN collect(DISTINCT f) AS found',
      '}',
      'WITH [a] + [x IN found WHERE x <> a] AS ns',
      'RETURN true AS found,',
      `  [n IN ns WHERE n.landedOn IS NOT NULL | ${FIRM_ROW('n')}] AS firms,`,
      `  COLLECT { UNWIND ns AS n MATCH (n)-[:HAS_PROJECT]->(p:Project) WHERE ${TOP_PROJECT} WITH DISTINCT p RETURN ${PROJECT_ROW} } AS projects`,
    ),
    params: { anchorId, asOf },
  };
}
