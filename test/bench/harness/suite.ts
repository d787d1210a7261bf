import type { Db } from '../../../neo4j/src/index.ts';
import type { BenchConfig } from '../config.ts';
import type { BenchRow } from './report.ts';
import type { DataSet, ImportReport } from '../../../seed/src/model/types.ts';

/** The synthetic district as prepared for the run, with what its import cost. */
export interface District {
  data: DataSet;
  import: ImportReport;
  wallMs: number;
  enterprises: number;
}

/** What every suite gets: the benchmark's own Neo4j holding the synthetic district, and where to put rows. */
export interface BenchContext {
  db: Db;
  uri: string;
  config: BenchConfig;
  district: District;
  log: (line: string) => void;
  add: (row: BenchRow) => void;
  note: (text: string) => void;
}

export interface Suite {
  /** The name `--suites` selects it by. */
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<void>;
}
