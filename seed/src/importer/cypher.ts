import type { NodeLabel, RelType } from '../../../neo4j/src/index.ts';
import { NODE_LABELS, REL_TYPES } from '../../../neo4j/src/index.ts';

// Labels and relationship types cannot be Cypher parameters, so they are spliced in — only after
// checking them against the schema's whitelists (never text from an input file as such).
function label(l: NodeLabel): string {
  if (!(NODE_LABELS as readonly string[]).includes(l)) throw new Error(`Unknown node label ${JSON.stringify(l)}`);
  return l;
}
function relType(t: RelType): string {
  if (!(REL_TYPES as readonly string[]).includes(t)) throw new Error(`Unknown relationship type ${JSON.stringify(t)}`);
  return t;
}

/**
 * MERGE a batch of nodes of one label that may already exist. `$rows` = [{id, props}]. A node
 * counts as updated when one of the given properties differs from what is stored (or its kind
 * label is new), so a rerun reports 0 created, 0 updated.
 */
export function mergeNodesCypher(l: NodeLabel): string {
  return `UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old IS NULL AS isNew,
     old IS NOT NULL AND (NOT old:${label(l)} OR any(k IN keys(row.props) WHERE old[k] IS NULL OR old[k] <> row.props[k])) AS changed
MERGE (n:Entity {id: row.id})
SET n:${label(l)}, n += row.props
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated, count(*) AS rows`;
}

/** MERGE a batch of relationships of one type between existing nodes. `$rows` = [{from, to, props}]. */
export function mergeRelsCypher(t: RelType): string {
  return `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:${relType(t)}]->(b)
WITH a, b, row, old IS NULL AS isNew,
     old IS NOT NULL AND any(k IN keys(row.props) WHERE old[k] IS NULL OR old[k] <> row.props[k]) AS changed
MERGE (a)-[r:${relType(t)}]->(b)
SET r += row.props
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated, count(*) AS rows`;
}

/**
 * CREATE a batch of relationships known not to exist yet (the importer checked), which skips the
 * per-row existence probe of MERGE — the fast path for large all-new imports.
 */
export function createRelsCypher(t: RelType): string {
  return `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:${relType(t)}]->(b)
SET r = row.props
RETURN count(*) AS created, 0 AS updated, count(*) AS rows`;
}

/**
 * CREATE a batch of nodes known not to exist yet. In staged mode they also get the `ImportStaging`
 * label and `_importId`, so a failed import can delete exactly what it wrote (importDataSet.ts).
 */
export function createNodesCypher(l: NodeLabel, staged: boolean): string {
  return `UNWIND $rows AS row
CREATE (n:Entity:${label(l)}${staged ? ':ImportStaging' : ''})
SET n = row.props, n.id = row.id${staged ? ', n._importId = $stage' : ''}
RETURN count(*) AS created, 0 AS updated, count(*) AS rows`;
}
