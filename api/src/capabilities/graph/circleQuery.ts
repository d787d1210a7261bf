import { asOfFragment } from '../../cypher/asOf.ts';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { FIRM_RELATIONS } from '../../cypher/graphProjection.ts';
import { nodeAndEdgeRows } from './graphRows.ts';

export const MAX_CIRCLE_DEPTH = 4;

/**
 * `circle(anchorId, depth, asOf)`: the anchor and every firm reachable in 1..depth steps over the
 * firm relations, either direction, each step's relation and firm counting as of `$asOf` (a
 * quantified path pattern, so the planner prunes at each step), then the relations among them —
 * a row per node and per relation (graphRows.ts), after a `found` row that tells an unknown
 * anchor (no rows) from one that had not landed yet (no nodes).
 * `depth` is a validated integer 1..MAX_CIRCLE_DEPTH written into the pattern (Cypher takes no
 * parameter there); the text is one of four fixed variants.
 */
export function buildCircleQuery(anchorId: string, depth: number, asOf: string | null): CypherQuery {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_CIRCLE_DEPTH) throw new RangeError(`depth ${depth} outside 1..${MAX_CIRCLE_DEPTH}`);
  const cypher = lines(
    'MATCH (a:Enterprise {id: $anchorId})',
    'CALL (a) {',
    `  MATCH (a) ((x)-[r:${FIRM_RELATIONS}]-(y:Enterprise) WHERE ${asOfFragment.node('y')} AND ${asOfFragment.rel('r')}){1,${depth}} (f)`,
    '  RETURN collect(DISTINCT f) AS found',
    '}',
    `WITH CASE WHEN ${asOfFragment.node('a')} THEN [a] + [x IN found WHERE x <> a] ELSE [] END AS ns`,
    ...nodeAndEdgeRows(FIRM_RELATIONS, asOfFragment.rel('r'), [["RETURN 'found' AS part, null AS item"]]),
  );
  return { cypher, params: { anchorId, asOf } };
}
