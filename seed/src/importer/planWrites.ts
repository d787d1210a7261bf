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

function createRelsStep(b: RelRecord[], staged: boolean): WriteStep {
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
      return { cypher: createRelsCypher(keys, staged), rows };
    }),
  };
}

/**
 * Splits a data set into batched statements: nodes before relationships; ids not in the database
 * are CREATEd (no per-row probe, every label in the same statements, in label order), ids that
 * exist are MERGEd and compared, one label per statement. A relationship with at least one new end
 * cannot exist yet, so it is CREATEd too. In staged mode (stagedWrite.ts) new nodes and the
 * relations between two new nodes are staged; a relation with an end that exists is created in the
 * final transaction, after the swap (created earlier, it would hang a staged node off a visible one).
 */
/** The nodes of `ds` that are new to the database, in the order they are created (by label). */
function freshNodes(ds: DataSet, existing: ReadonlyMap<string, string>): NodeRecord[] {
  const byLabel = groupNodes(ds);
  return NODE_LABELS.flatMap((l) => (byLabel.get(l) ?? []).filter((n) => !existing.has(n.id)));
}

/** MERGE steps of the nodes that exist already (one label per statement): they are compared and updated. */
function mergeNodeSteps(ds: DataSet, existing: ReadonlyMap<string, string>, batchSize: number): WriteStep[] {
  const byLabel = groupNodes(ds);
  return NODE_LABELS.flatMap((l) =>
    chunks((byLabel.get(l) ?? []).filter((n) => existing.has(n.id)), batchSize).map(
      (b): WriteStep => ({
        kind: 'mergeNodes',
        counts: new Map([[l, b.length]]),
        size: b.length,
        isNode: true,
        statement: lazy(() => ({ cypher: mergeNodesCypher(l), rows: b.map((n) => ({ id: n.id, props: nodeProps(n) })) })),
      }),
    ),
  );
}

/** MERGE steps of the relations whose two ends exist already (one type per statement): they may exist too. */
function mergeRelSteps(ds: DataSet, existing: ReadonlyMap<string, string>, batchSize: number): WriteStep[] {
  const byType = groupRels(ds);
  return REL_TYPES.flatMap((t) =>
    chunks((byType.get(t) ?? []).filter((r) => existing.has(r.from) && existing.has(r.to)), batchSize).map(
      (b): WriteStep => ({
        kind: 'mergeRels',
        counts: new Map([[t, b.length]]),
        size: b.length,
        isNode: false,
        statement: lazy(() => ({ cypher: mergeRelsCypher(t), rows: b.map((r) => ({ from: r.from, to: r.to, props: relProps(r) })) })),
      }),
    ),
  );
}

/** The relations with at least one new end, in type order: they cannot exist yet. */
function freshRels(ds: DataSet, existing: ReadonlyMap<string, string>): RelRecord[] {
  const byType = groupRels(ds);
  return REL_TYPES.flatMap((t) => (byType.get(t) ?? []).filter((r) => !(existing.has(r.from) && existing.has(r.to))));
}

/**
 * The statements of a one-transaction import: nodes before relationships; ids not in the database
 * are CREATEd (no per-row probe, every label in the same statements, in label order), ids that
 * exist are MERGEd and compared, one label per statement. A relationship with at least one new end
 * cannot exist yet, so it is CREATEd too.
 */
export function planWrites(ds: DataSet, existing: ReadonlyMap<string, string>, batchSize: number): WriteStep[] {
  return [
    ...chunks(freshNodes(ds, existing), batchSize).map((b) => createNodesStep(b, false)),
    ...mergeNodeSteps(ds, existing, batchSize),
    ...chunks(freshRels(ds, existing), batchSize).map((b) => createRelsStep(b, false)),
    ...mergeRelSteps(ds, existing, batchSize),
  ];
}

/** One transaction of the swap of a staged import: staged nodes to make visible, and the relations that come with them. */
export interface SwapBatch {
  ids: string[];
  /** CREATE steps of the relations between one of `ids` and a node already visible then (one that existed, or one of an earlier batch). */
  rels: WriteStep[];
}

/** A staged import's statements (stagedWrite.ts). */
export interface StagedPlan {
  /** Written invisibly before the swap: the new nodes, and the relations between two new nodes of the same swap batch. */
  stage: WriteStep[];
  /** The swap: one transaction when it fits in `maxSwapRows`, else several. */
  swaps: SwapBatch[];
  /** MERGE steps of what existed before: in the (last) swap transaction. */
  updates: WriteStep[];
  newNodes: number;
}

/**
 * The plan of a staged import. The new nodes are cut into swap transactions of at most
 * `maxSwapRows` rows (a node weighs `nodeWeight`, a relation or an update one): a relation between
 * two new nodes of the same batch is staged (invisible until both ends show, together); any other
 * relation with a new end is created in the swap transaction of its later end, once both ends are
 * visible. So at every moment a relation that readers can reach joins two visible nodes, and a
 * visible node has all its relations to the nodes they can see. Usually there is one batch, and
 * all new-to-new relations are staged.
 */
export function planStaged(ds: DataSet, existing: ReadonlyMap<string, string>, batchSize: number, maxSwapRows: number, nodeWeight: number): StagedPlan {
  const fresh = freshNodes(ds, existing);
  const rels = freshRels(ds, existing);
  const updates = [...mergeNodeSteps(ds, existing, batchSize), ...mergeRelSteps(ds, existing, batchSize)];
  const isNew = (id: string): boolean => !existing.has(id);
  const oneBatch = fresh.length * nodeWeight + rels.filter((r) => !(isNew(r.from) && isNew(r.to))).length + updates.reduce((n, s) => n + s.size, 0) <= maxSwapRows;
  // Each new node's swap batch, and each relation's: that of its later new end.
  const batchOf = new Map<string, number>();
  if (oneBatch) {
    for (const n of fresh) batchOf.set(n.id, 0);
  } else {
    const relsOf = new Map<string, RelRecord[]>();
    for (const r of rels) {
      for (const id of new Set([r.from, r.to])) {
        if (!isNew(id)) continue;
        const list = relsOf.get(id);
        if (list) list.push(r);
        else relsOf.set(id, [r]);
      }
    }
    // What a node brings into batch `batch`: its relations to existing nodes and to new nodes of earlier batches.
    const brings = (id: string, batch: number): number =>
      (relsOf.get(id) ?? []).filter((r) => {
        const other = r.from === id ? r.to : r.from;
        return !isNew(other) || (batchOf.get(other) ?? batch) < batch;
      }).length;
    let batch = 0;
    let rows = 0;
    for (const n of fresh) {
      let w = nodeWeight + brings(n.id, batch);
      if (rows > 0 && rows + w > maxSwapRows) {
        batch++;
        rows = 0;
        w = nodeWeight + brings(n.id, batch);
      }
      batchOf.set(n.id, batch);
      rows += w;
    }
  }
  const swapRels: RelRecord[][] = [];
  const staged: RelRecord[] = [];
  for (const r of rels) {
    const a = batchOf.get(r.from);
    const b = batchOf.get(r.to);
    if (a !== undefined && b !== undefined && a === b) staged.push(r);
    else (swapRels[Math.max(a ?? -1, b ?? -1)] ??= []).push(r);
  }
  const ids: string[][] = [];
  for (const n of fresh) (ids[batchOf.get(n.id) as number] ??= []).push(n.id);
  return {
    stage: [...chunks(fresh, batchSize).map((b) => createNodesStep(b, true)), ...chunks(staged, batchSize).map((b) => createRelsStep(b, true))],
    swaps: ids.map((batchIds, i) => ({ ids: batchIds, rels: chunks(swapRels[i] ?? [], batchSize).map((b) => createRelsStep(b, false)) })),
    updates,
    newNodes: fresh.length,
  };
}
