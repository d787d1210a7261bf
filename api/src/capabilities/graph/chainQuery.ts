import { asOfFragment } from '../../cypher/asOf.ts';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { nodeAndEdgeRows } from './graphRows.ts';

export type ChainDirection = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';
export const MAX_CHAIN_DEPTH = 6;

function walk(direction: 'UPSTREAM' | 'DOWNSTREAM', depth: number): string {
  const step = direction === 'UPSTREAM' ? '<-[r:SUPPLIES]-' : '-[r:SUPPLIES]->';
  return `MATCH (e) ((x)${step}(y:Enterprise) WHERE ${asOfFragment.node('y')} AND ${asOfFragment.rel('r')}){1,${depth}} (f)`;
}

/**
 * `chain(enterpriseId, direction, depth, asOf)`: suppliers (UPSTREAM: `(f)-[:SUPPLIES]->…->(e)`),
 * customers (DOWNSTREAM), or both, up to `depth` SUPPLIES steps, and the SUPPLIES relations
 * among them, a row per node and per relation (graphRows.ts), after a `found` row that tells an
 * unknown firm (no rows) from one that did not count as of `$asOf` — not landed yet, or left —
 * (no nodes), as `circle` does. `depth` is a validated integer written into the pattern (fixed
 * variants).
 */
export function buildChainQuery(enterpriseId: string, direction: ChainDirection, depth: number, asOf: string | null): CypherQuery {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_CHAIN_DEPTH) throw new RangeError(`depth ${depth} outside 1..${MAX_CHAIN_DEPTH}`);
  const dirs: Array<'UPSTREAM' | 'DOWNSTREAM'> = direction === 'BOTH' ? ['UPSTREAM', 'DOWNSTREAM'] : [direction];
  const cypher = lines(
    'MATCH (e:Enterprise {id: $enterpriseId})',
    // A COLLECT subquery always yields a list (a CALL with no match would drop the row).
    'WITH e, COLLECT {',
    ...dirs.flatMap((d, i) => [i > 0 ? '  UNION' : '', `  ${walk(d, depth)}`, '  RETURN f'].filter(Boolean)),
    '} AS found',
    `WITH CASE WHEN ${asOfFragment.node('e')} THEN [e] + [x IN found WHERE x <> e] ELSE [] END AS ns`,
    ...nodeAndEdgeRows('SUPPLIES', asOfFragment.rel('r'), [["RETURN 'found' AS part, null AS item"]]),
  );
  return { cypher, params: { enterpriseId, asOf } };
}
