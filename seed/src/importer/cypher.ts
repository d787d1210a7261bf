import type { NodeLabel, RelType } from '@cangshan/model';
import { NODE_LABELS, REL_TYPES } from '@cangshan/model';
import { PROP_NAME } from '@cangshan/model/records';

// Labels, relationship types and property keys cannot all be Cypher parameters, so some are
// spliced in — only after checking them against the schema's whitelists or the property-name rule
// (never text from an input file as such).
export function label(l: string): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(l)) throw new Error(`Unknown node label ${JSON.stringify(l)}`);
  return l as NodeLabel;
}
export function relType(t: string): RelType {
  if (!(REL_TYPES as readonly string[]).includes(t)) throw new Error(`Unknown relationship type ${JSON.stringify(t)}`);
  return t as RelType;
}
function propKey(k: string): string {
  if (!PROP_NAME.test(k)) throw new Error(`Invalid property name ${JSON.stringify(k)}`);
  return `\`${k}\``;
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
 * CREATE a batch of nodes known not to exist yet (the importer checked), of any labels.
 * `$rows` = tuples [label, id, value of keys[0], value of keys[1], …] (null = not stored).
 *
 * Why tuples and a property map written out in the Cypher (docs/DATA-FORMAT.md, "Import speed"):
 * `SET n = row.props` with a map of unknown keys makes the planner add an Eager (it cannot rule out
 * a conflict with other property reads), and maps cost the driver a key string per value; measured,
 * encoding maps took as long as Neo4j took to write them. The label is a parameter (a dynamic
 * label, Neo4j 5.26), so one statement serves every label; it was validated against NODE_LABELS.
 *
 * Staged (stagedWrite.ts): the node gets `:ImportStaging` *instead of* its labels, which wait in
 * `_label`, plus `_importId`. No read of the API matches it (every read names `:Entity`,
 * `:Enterprise` or another model label) until SWAP_STAGED_CYPHER gives it its labels.
 */
export function createNodesCypher(keys: readonly string[], staged: boolean): string {
  const given = keys.map((k, i) => `${propKey(k)}: row[${i + 2}]`);
  if (staged) {
    return `UNWIND $rows AS row
CREATE (n:ImportStaging {${['id: row[1]', '_label: row[0]', ...given, '_importId: $stage'].join(', ')}})
RETURN count(*) AS rows`;
  }
  return `UNWIND $rows AS row
CREATE (n:Entity:$(row[0]) {${['id: row[1]', ...given].join(', ')}})
RETURN count(*) AS rows`;
}

/**
 * CREATE a batch of relationships known not to exist yet (at least one end is new), of any types,
 * which skips the per-row existence probe of MERGE — the fast path for large all-new imports.
 * `$rows` = tuples [type, from, to, value of keys[0], …]; the ends are found through the unique
 * index of `:Entity(id)`, or, `staged`, among this import's staged nodes (both ends new) through
 * the index of `:ImportStaging(id)`: such a relationship joins two invisible nodes, so it is
 * invisible too.
 */
export function createRelsCypher(keys: readonly string[], staged = false): string {
  const props = keys.map((k, i) => `${propKey(k)}: row[${i + 3}]`);
  const end = (v: string, id: string): string => (staged ? `(${v}:ImportStaging {id: ${id}, _importId: $stage})` : `(${v}:Entity {id: ${id}})`);
  return `UNWIND $rows AS row
MATCH ${end('a', 'row[1]')}
MATCH ${end('b', 'row[2]')}
CREATE (a)-[r:$(row[0])${props.length ? ` {${props.join(', ')}}` : ''}]->(b)
RETURN count(*) AS rows`;
}

/**
 * The swap of a staged import: every staged node takes its labels (`:Entity` and the one kept in
 * `_label`, written there from NODE_LABELS) and loses its markers. Run inside the final
 * transaction, so readers see all of the import or none of it. Adding `:Entity` checks the unique
 * `id`: a concurrent import that made one of these ids meanwhile fails it (ConstraintValidationFailed).
 */
export const SWAP_STAGED_CYPHER = `MATCH (n:ImportStaging {_importId: $stage})
SET n:Entity:$(n._label)
REMOVE n:ImportStaging, n._importId, n._label
RETURN count(*) AS c`;

/**
 * One batch of a swap in several transactions (`$ids`): like SWAP_STAGED_CYPHER, but the nodes keep
 * `_importId`, so that the import can still be rolled back as a whole until its last batch commits.
 */
export const SWAP_BATCH_CYPHER = `UNWIND $ids AS id
MATCH (n:ImportStaging {id: id, _importId: $stage})
SET n:Entity:$(n._label)
REMOVE n:ImportStaging, n._label
RETURN count(*) AS c`;
