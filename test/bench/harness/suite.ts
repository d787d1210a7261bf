import type { Db } from '../../../neo4j/src/index.ts';
import type { BenchConfig } from '../config.ts';
import type { BenchRow } from './report.ts';

/** What every suite gets: the benchmark's own Neo4j holding the synthetic district, and where to put rows. */
export interface BenchContext {
  db: Db;
  uri: string;
  config: BenchConfig;
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
