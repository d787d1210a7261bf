import { NODE_LABELS, REL_TYPES, type Db } from '../../neo4j/src/index.ts';
import type { DataSet, PropValue } from '../../seed/src/model/types.ts';

/**
 * The baseline of the import benchmark: what an importer without batching does — one MERGE per row,
 * each in its own transaction (one round-trip and one commit per node and per relation). Same
 * semantics as the batched importer (MERGE on ids, properties set), so the ratio is the price of
 * round-trips and commits alone. Labels and types are checked against the schema's whitelists.
 */
export async function naiveImport(db: Db, data: DataSet): Promise<{ nodes: number; relations: number }> {
  for (const n of data.nodes) {
    if (!(NODE_LABELS as readonly string[]).includes(n.label)) throw new Error(`Unknown label ${n.label}`);
    const { id, label: _label, ...props } = n;
    await db.write(`MERGE (n:Entity {id: $id}) SET n:${n.label}, n += $props`, { id, props: dropNulls(props) });
  }
  for (const r of data.relations) {
    if (!(REL_TYPES as readonly string[]).includes(r.type)) throw new Error(`Unknown relationship type ${r.type}`);
    const { from, to, type: _type, ...props } = r;
    await db.write(`MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) MERGE (a)-[r:${r.type}]->(b) SET r += $props`, {
      from,
      to,
      props: dropNulls(props),
    });
  }
  return { nodes: data.nodes.length, relations: data.relations.length };
}

function dropNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * A sample of about `rows` rows (nodes + relations): relations in data-set order with the nodes at
 * their ends, so the sample has the district's mix of node and relation writes. Ids are prefixed so
 * that each benchmark round writes fresh nodes beside the district (and can delete exactly those).
 */
export function sampleDataSet(data: DataSet, rows: number, prefix: string): DataSet {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const ids = new Set<string>();
  const relations: DataSet['relations'] = [];
  for (const r of data.relations) {
    if (ids.size + relations.length >= rows) break;
    if (!byId.has(r.from) || !byId.has(r.to)) continue;
    ids.add(r.from);
    ids.add(r.to);
    relations.push(r);
  }
  // The documents the sampled rows cite come along (a `docId` must name a node of the data set).
  for (const n of data.nodes) if (ids.has(n.id) && typeof n.docId === 'string' && byId.has(n.docId)) ids.add(n.docId);
  for (const r of relations) if (typeof r.docId === 'string' && byId.has(r.docId)) ids.add(r.docId);
  const nodes = data.nodes.filter((n) => ids.has(n.id));
  const doc = (v: PropValue | undefined): PropValue | undefined => (typeof v === 'string' ? prefix + v : v);
  return {
    nodes: nodes.map((n) => ({ ...n, id: prefix + n.id, ...('docId' in n ? { docId: doc(n.docId) ?? null } : {}) })),
    relations: relations.map((r) => ({ ...r, from: prefix + r.from, to: prefix + r.to, ...('docId' in r ? { docId: doc(r.docId) ?? null } : {}) })),
  };
}

/** Removes what `sampleDataSet(…, prefix)` rounds wrote. */
export async function deletePrefixed(db: Db, prefix: string): Promise<void> {
  await db.write('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
}
