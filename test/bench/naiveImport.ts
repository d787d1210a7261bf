import { type Db } from '@cangshan/neo4j';
import { NODE_LABELS, REL_TYPES } from '@cangshan/model';
import { nodeProps, relProps } from '@cangshan/seed';
import type { DataSet, PropValue } from '@cangshan/seed';

/**
 * The baseline of the import benchmark: what an importer without batching does — one MERGE per row,
 * each in its own transaction (one round-trip and one commit per node and per relation). Same
 * semantics as the batched importer (MERGE on ids, the same stored properties: the importer's own
 * `nodeProps` / `relProps`, so nulls and empty lists are left out and enterprises get their search
 * fields, which the full-text indexes then index in each commit, as they do for the batched import),
 * so the ratio is the price of round-trips and commits alone. No validation: that is ours to pay.
 * Labels and types are checked against the schema's whitelists.
 */
export async function naiveImport(db: Db, data: DataSet): Promise<{ nodes: number; relations: number }> {
  for (const n of data.nodes) {
    if (!(NODE_LABELS as readonly string[]).includes(n.label)) throw new Error(`Unknown label ${n.label}`);
    await db.write(`MERGE (n:Entity {id: $id}) SET n:${n.label}, n += $props`, { id: n.id, props: nodeProps(n) });
  }
  for (const r of data.relations) {
    if (!(REL_TYPES as readonly string[]).includes(r.type)) throw new Error(`Unknown relationship type ${r.type}`);
    await db.write(`MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) MERGE (a)-[r:${r.type}]->(b) SET r += $props`, {
      from: r.from,
      to: r.to,
      props: relProps(r),
    });
  }
  return { nodes: data.nodes.length, relations: data.relations.length };
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
