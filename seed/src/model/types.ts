import type { NodeLabel, RelType } from '../../../neo4j/src/index.ts';

/** Where a fact comes from (docs/MODEL.md): the article says it, we judged it, or it was generated. */
export type SourceKind = 'STATED' | 'CURATED' | 'SYNTHETIC';

/** A property value as Neo4j stores it: scalars and homogeneous lists. `null` means "unknown, not stored". */
export type PropValue = string | number | boolean | null | string[] | number[];

/** One node of the import format: `id` and `label` plus flat properties. */
export interface NodeRecord {
  id: string;
  label: NodeLabel;
  [prop: string]: PropValue;
}

/** One relationship of the import format: `(from)-[type]->(to)`, unique per (from, type, to). */
export interface RelRecord {
  type: RelType;
  from: string;
  to: string;
  [prop: string]: PropValue;
}

/** What `importDataSet` loads and `exportGraph` writes. */
export interface DataSet {
  nodes: NodeRecord[];
  relations: RelRecord[];
}

export interface LabelCounts {
  nodes: Record<string, number>;
  rels: Record<string, number>;
}

/** What an import did: created / updated counts by label and relationship type, and its wall time. */
export interface ImportReport {
  created: LabelCounts;
  updated: LabelCounts;
  /** Rows in the data set (nodes, relations), whether or not they changed anything. */
  rows: { nodes: number; relations: number };
  ms: number;
  dryRun: boolean;
  /** 'single-tx' (one transaction) or 'staged' (batches marked with `_importId`, removed on failure). */
  mode: 'single-tx' | 'staged' | 'none';
  /**
   * Where the time went, in ms: `checkMs` validation against the format and the database (and the
   * recovery check before it); `writeMs` the write statements (with the rows built meanwhile);
   * `commitMs` the final commit (single-tx: Neo4j applies the transaction and updates the indexes
   * then; staged: the transaction of the updates); `finishMs` staged only, removing the markers.
   */
  phases?: { checkMs?: number; writeMs?: number; commitMs?: number; finishMs?: number };
}
