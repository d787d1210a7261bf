import type { NodeLabel, RelType, DataSet, NodeRecord, RelRecord } from '@cangshan/model';
import { NODE_LABELS, REL_TYPES } from '@cangshan/model';
import { chunks, groupNodes, groupRels, nodeProps, relProps, type Props } from './prepareRows.ts';
import { createNodesCypher, createRelsCypher, label, mergeNodesCypher, mergeRelsCypher, relType } from './cypher.ts';

/** One batched UNWIND statement of an import. */
export interface WriteStep {
  kind: 'createNodes' | 'mergeNodes' | 'createRels' | 'mergeRels';
  /** Rows per label / type in this statement, for the report (a CREATE statement may mix them). */
  counts: ReadonlyMap<NodeLabel | RelType, number>;
  /**
   * The statement and its parameters, built on first call (search fields are the costly part),
   * then kept. CREATE statements name the property keys of their batch, so the text is built here too.
   */
  statement(): { cypher: string; rows: unknown[] };
  size: number;
  isNode: boolean;
}

function lazy<T>(f: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= f());
}

function countBy<K>(xs: readonly K[]): Map<K, number> {
  const m = new Map<K, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** The property keys of a batch, sorted (so equal key sets give the same Cypher text and a cached plan). */
function keysOf(props: readonly Props[]): string[] {
  const keys = new Set<string>();
  for (const p of props) for (const k in p) keys.add(k);
  return [...keys].sort();
}

function createNodesStep(b: NodeRecord[], staged: boolean): WriteStep {
  return {
    kind: 'createNodes',
    counts: countBy(b.map((n) => n.label)),
    size: b.length,
    isNode: true,
    statement: lazy(() => {
      const props = b.map(nodeProps);
      const keys = keysOf(props);
      const rows = b.map((n, i) => {
        const p = props[i] as Props;
        return [label(n.label), n.id, ...keys.map((k) => p[k] ?? null)];
      });
      return { cypher: createNodesCypher(keys, staged), rows };
    }),
  };
}

function createRelsStep(b: RelRecord[]): WriteStep {
  return {
    kind: 'createRels',
    counts: countBy(b.map((r) => r.type)),
    size: b.length,
    isNode: false,
    statement: lazy(() => {
      const props = b.map(relProps);
      const keys = keysOf(props);
      const rows = b.map((r, i) => {
        const p = props[i] as Props;
        return [relType(r.type), r.from, r.to, ...keys.map((k) => p[k] ?? null)];
      });
      return { cypher: createRelsCypher(keys), rows };
    }),
  };
}

/**
 * Splits a data set into batched statements: nodes before relationships; ids not in the database
 * are CREATEd (no per-row probe, every label in the same statements, in label order), ids that
 * exist are MERGEd and compared, one label per statement. A relationship with at least one new end
 * cannot exist yet, so it is CREATEd too. In staged mode the CREATE steps mark their nodes
 * (stagedWrite.ts).
 */
export function planWrites(ds: DataSet, existing: ReadonlyMap<string, string>, batchSize: number, staged: boolean): WriteStep[] {
  const steps: WriteStep[] = [];
  const byLabel = groupNodes(ds);
  const fresh = NODE_LABELS.flatMap((l) => (byLabel.get(l) ?? []).filter((n) => !existing.has(n.id)));
  for (const b of chunks(fresh, batchSize)) steps.push(createNodesStep(b, staged));
  for (const l of NODE_LABELS) {
    const old = (byLabel.get(l) ?? []).filter((n) => existing.has(n.id));
    for (const b of chunks(old, batchSize)) {
      steps.push({
        kind: 'mergeNodes',
        counts: new Map([[l, b.length]]),
        size: b.length,
        isNode: true,
        statement: lazy(() => ({ cypher: mergeNodesCypher(l), rows: b.map((n) => ({ id: n.id, props: nodeProps(n) })) })),
      });
    }
  }
  const byType = groupRels(ds);
  const isOld = (r: RelRecord): boolean => existing.has(r.from) && existing.has(r.to);
  const freshRels = REL_TYPES.flatMap((t) => (byType.get(t) ?? []).filter((r) => !isOld(r)));
  for (const b of chunks(freshRels, batchSize)) steps.push(createRelsStep(b));
  for (const t of REL_TYPES) {
    for (const b of chunks((byType.get(t) ?? []).filter(isOld), batchSize)) {
      steps.push({
        kind: 'mergeRels',
        counts: new Map([[t, b.length]]),
        size: b.length,
        isNode: false,
        statement: lazy(() => ({ cypher: mergeRelsCypher(t), rows: b.map((r) => ({ from: r.from, to: r.to, props: relProps(r) })) })),
      });
    }
  }
  return steps;
}
