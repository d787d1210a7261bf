import type { Db } from '@cangshan/neo4j';
import type { NodeLabel, RelType, DataSet, NodeRecord, PropValue, RelRecord } from '@cangshan/model';
import { NODE_LABELS, REL_TYPES } from '@cangshan/model';
import { DERIVED_PROPS } from '../importer/prepareRows.ts';

const PAGE = 10_000;

/** Stored properties as the import format writes them: derived search fields and `_internal` ones left out, keys sorted. */
function clean(props: Record<string, unknown>): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  for (const k of Object.keys(props).sort()) {
    if (k.startsWith('_') || (DERIVED_PROPS as readonly string[]).includes(k) || k === 'id') continue;
    out[k] = props[k] as PropValue;
  }
  return out;
}

/**
 * Reads the whole graph (every `:Entity` node of a model label and every model relationship
 * between them) as a data set in canonical order: nodes by id, relations by (from, type, to).
 * Paged by id through the unique index, so memory stays flat on the server side. Nodes of an import
 * still in progress (`:ImportStaging`) are left out.
 */
export async function exportGraph(db: Db, onProgress?: (n: number) => void): Promise<DataSet> {
  const nodes: NodeRecord[] = [];
  const relations: RelRecord[] = [];
  let after = '';
  for (;;) {
    const rows = await db.read(
      `MATCH (n:Entity) WHERE n.id > $after AND NOT n:ImportStaging
       WITH n ORDER BY n.id LIMIT $page
       RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, properties(n) AS props`,
      { after, page: PAGE, labels: [...NODE_LABELS] },
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      if (!r.label) continue;
      nodes.push({ id: r.id as string, label: r.label as NodeLabel, ...clean(r.props as Record<string, unknown>) });
    }
    const ids = rows.map((r) => r.id as string);
    const rels = await db.read(
      `UNWIND $ids AS id
       MATCH (a:Entity {id: id})-[r]->(b:Entity)
       WHERE type(r) IN $types AND NOT b:ImportStaging
       RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
       ORDER BY from, type, to`,
      { ids, types: [...REL_TYPES] },
    );
    for (const r of rels) relations.push({ type: r.type as RelType, from: r.from as string, to: r.to as string, ...clean(r.props as Record<string, unknown>) });
    after = ids[ids.length - 1] ?? after;
    onProgress?.(nodes.length);
    if (rows.length < PAGE) break;
  }
  return { nodes, relations };
}
