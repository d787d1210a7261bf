import type { Db } from '@cangshan/neo4j';
import type { BenchConfig } from '../config.ts';
import type { BenchRow } from './report.ts';
import type { BulkReport, DataSet, ImportReport } from '@cangshan/seed';

/** The synthetic district as prepared for the run, with what its import cost. */
export interface District {
  /**
   * The generated data set, for the import suite's samples; released (null) by that suite as it
   * takes it, or before the run when it is not selected: at 100k it is ~730k objects in the old
   * generation, and every major GC marking it slowed the in-process contenders — the
   * allocation-heavier side (our server) most.
   */
  data: DataSet | null;
  /**
   * How it was loaded: the online importer (its report), or the bulk path (neo4j-admin, its
   * phases) — then `data` is null from the start: the province is never in this process whole.
   */
  load: { kind: 'online'; report: ImportReport } | { kind: 'bulk'; report: BulkReport } | { kind: 'store'; path: string };
  wallMs: number;
  enterprises: number;
}

/** What every suite gets: the benchmark's own Neo4j holding the synthetic district (when prepared), and where to put rows. */
export interface BenchContext {
  db: Db;
  uri: string;
  config: BenchConfig;
  /** The prepared district; null when no selected suite needs it (Suite.needsDistrict). */
  district: District | null;
  log: (line: string) => void;
  add: (row: BenchRow) => void;
  note: (text: string) => void;
}

export interface Suite {
  /** The name `--suites` selects it by. */
  id: string;
  title: string;
  /** False for a suite that brings its own data (its own Neo4j): run alone, the district is not prepared. Default true. */
  needsDistrict?: boolean;
  run(ctx: BenchContext): Promise<void>;
}
