import type { Db } from '@cangshan/neo4j';
import type { DataSet } from '@cangshan/model';
import { articleDataSet } from '../article/loadArticleDataSet.ts';
import type { ImportReport } from '../importer/importReport.ts';
import { importDataSet } from '../importer/importDataSet.ts';
import { chainsOnlyDataSet } from './chainsOnlyDataSet.ts';

/**
 * What an empty graph is given (`SEED_DATA` of `npm start`, `npm run seed [--chains-only]`):
 * `article` — the article's firms, projects, places, indicators, with the chains; `chains` — the
 * curated chains and segments only, for a district that brings its own firms.
 */
export const STARTING_DATA = ['article', 'chains'] as const;
export type StartingData = (typeof STARTING_DATA)[number];

export function startingDataSet(kind: StartingData): DataSet {
  switch (kind) {
    case 'article':
      return articleDataSet();
    case 'chains':
      return chainsOnlyDataSet();
    default: {
      const never: never = kind;
      throw new Error(`unknown starting data ${JSON.stringify(never)}; expected one of ${STARTING_DATA.join(', ')}`);
    }
  }
}

/** Imports the starting data (idempotent: MERGE on ids, so a rerun creates nothing). */
export async function loadStartingData(db: Db, kind: StartingData): Promise<ImportReport> {
  return importDataSet(db, startingDataSet(kind));
}
