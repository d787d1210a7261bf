import type { NodeLabel, RelType } from './graph.ts';

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

/** A data set: what the importer loads and the exporter writes. */
export interface DataSet {
  nodes: NodeRecord[];
  relations: RelRecord[];
}
