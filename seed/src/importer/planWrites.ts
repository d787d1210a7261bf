import type { NodeLabel, RelType } from '../../../neo4j/src/index.ts';
import { NODE_LABELS, REL_TYPES } from '../../../neo4j/src/index.ts';
import type { DataSet, NodeRecord, RelRecord } from '../model/types.ts';
import { chunks, groupNodes, groupRels, nodeProps, relProps, type NodeRow, type RelRow } from './prepareRows.ts';
import { createNodesCypher, createRelsCypher, mergeNodesCypher, mergeRelsCypher } from './cypher.ts';

/** One batched UNWIND statement of an import. */
export interface WriteStep {
  kind: 'createNodes' | 'mergeNodes' | 'createRels' | 'mergeRels';
  /** The label or relationship type, for the report. */
  key: NodeLabel | RelType;
  cypher: string;
  /** Rows of the statement, computed on first call (search fields are the costly part), then kept. */
  rows(): NodeRow[] | RelRow[];
  size: number;
  isNode: boolean;
}

function lazy<T>(f: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= f());
}

/**
 * Splits a data set into batched statements grouped by label / type: nodes before relationships;
 * ids not in the database are CREATEd (no per-row probe), ids that exist are MERGEd and compared.
 * A relationship with at least one new end cannot exist yet, so it is CREATEd too.
 * In staged mode the CREATE steps mark their nodes (see importDataSet).
 */
export function planWrites(ds: DataSet, existing: ReadonlyMap<string, string>, batchSize: number, staged: boolean): WriteStep[] {
  const steps: WriteStep[] = [];
  const byLabel = groupNodes(ds);
  for (const l of NODE_LABELS) {
    const nodes = byLabel.get(l) ?? [];
    const fresh = nodes.filter((n) => !existing.has(n.id));
    const old = nodes.filter((n) => existing.has(n.id));
    const toRows = (b: NodeRecord[]) => lazy(() => b.map((n): NodeRow => ({ id: n.id, props: nodeProps(n) })));
    for (const b of chunks(fresh, batchSize)) steps.push({ kind: 'createNodes', key: l, cypher: createNodesCypher(l, staged), rows: toRows(b), size: b.length, isNode: true });
    for (const b of chunks(old, batchSize)) steps.push({ kind: 'mergeNodes', key: l, cypher: mergeNodesCypher(l), rows: toRows(b), size: b.length, isNode: true });
  }
  const byType = groupRels(ds);
  for (const t of REL_TYPES) {
    const rels = byType.get(t) ?? [];
    const isOld = (r: RelRecord): boolean => existing.has(r.from) && existing.has(r.to);
    const toRows = (b: RelRecord[]) => lazy(() => b.map((r): RelRow => ({ from: r.from, to: r.to, props: relProps(r) })));
    for (const b of chunks(rels.filter((r) => !isOld(r)), batchSize)) steps.push({ kind: 'createRels', key: t, cypher: createRelsCypher(t), rows: toRows(b), size: b.length, isNode: false });
    for (const b of chunks(rels.filter(isOld), batchSize)) steps.push({ kind: 'mergeRels', key: t, cypher: mergeRelsCypher(t), rows: toRows(b), size: b.length, isNode: false });
  }
  return steps;
}
