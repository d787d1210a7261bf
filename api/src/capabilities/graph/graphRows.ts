import type { Row } from '@cangshan/neo4j';
import { graphEdgeProjection, graphNodeProjection } from '../../cypher/graphProjection.ts';

/** What a row of a graph-shaped answer holds (its `part` column); `item` is the thing itself. */
export type GraphPart = 'found' | 'total' | 'group' | 'groupEdge' | 'node' | 'edge';

/**
 * The end of a graph-shaped query (circle, chain, overview): one row per node and one per relation
 * — columns `part` and `item` — rather than one row holding both lists. The driver decodes a
 * record whole, on the main thread: a 20k-node answer as one record blocked the event loop for
 * seconds, while as many small records it is decoded a network chunk at a time (Db.readStream)
 * and other requests are served in between.
 *
 * `ns` is the list of nodes, in answer order; the relations of `types` among them that had begun
 * as of `$asOf` (`relAsOf`) follow. `leading` are other branches of the same two columns (a
 * marker, the total, group nodes) and `carried` the variables they need besides `ns`.
 */
export function nodeAndEdgeRows(types: string, relAsOf: string, leading: string[][] = [], carried: string[] = []): string[] {
  const branches = [
    ...leading,
    ['UNWIND ns AS n', `RETURN 'node' AS part, ${graphNodeProjection('n')} AS item`],
    ['UNWIND ns AS x', `MATCH (x)-[r:${types}]->(y)`, `WHERE y IN ns AND ${relAsOf}`, `RETURN 'edge' AS part, ${graphEdgeProjection('r')} AS item`],
  ];
  return [`CALL (${['ns', ...carried].join(', ')}) {`, ...branches.flatMap((b, i) => [...(i > 0 ? ['UNION ALL'] : []), ...b]).map((l) => `  ${l}`), '}', 'RETURN part, item'];
}

export interface GraphParts {
  /** Whether any row came back: the queries that can miss their start give no rows then. */
  found: boolean;
  total: number | null;
  groups: Row[];
  groupEdges: Row[];
  nodes: Row[];
  edges: Row[];
}

/** Sorts the rows of `nodeAndEdgeRows` by part, keeping each part's order. */
export function splitGraphRows(rows: readonly Row[]): GraphParts {
  const out: GraphParts = { found: rows.length > 0, total: null, groups: [], groupEdges: [], nodes: [], edges: [] };
  for (const { part, item } of rows) {
    if (part === 'node') out.nodes.push(item as Row);
    else if (part === 'edge') out.edges.push(item as Row);
    else if (part === 'group') out.groups.push(item as Row);
    else if (part === 'groupEdge') out.groupEdges.push(item as Row);
    else if (part === 'total' && typeof item === 'number') out.total = item;
  }
  return out;
}
