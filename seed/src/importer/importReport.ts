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
  /** 'single-tx' (one transaction) or 'staged' (invisible batches, then one transaction that makes them visible). */
  mode: 'single-tx' | 'staged' | 'none';
  /**
   * Where the time went, in ms: `checkMs` validation against the format and the database (and the
   * recovery check before it); `writeMs` the write statements (with the rows built meanwhile);
   * `commitMs` the final commit (single-tx: Neo4j applies the transaction and updates the indexes
   * then; staged: the transaction that swaps the staged nodes' markers for their labels and applies
   * the updates); `finishMs` is no longer set (staged imports have no marker pass any more).
   */
  phases?: { checkMs?: number; writeMs?: number; commitMs?: number; finishMs?: number };
}
