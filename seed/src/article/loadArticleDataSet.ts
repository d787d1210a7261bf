import type { Db } from '../../../neo4j/src/index.ts';
import type { DataSet, ImportReport } from '../model/types.ts';
import { importDataSet } from '../importer/importDataSet.ts';
import { articleOnlyDataSet } from './articleDataSet.ts';

/** The article data set together with the chain reference data that places its firms. */
export function articleDataSet(): DataSet {
  const a = articleOnlyDataSet();
  return { nodes: [...a.nodes], relations: [...a.relations] };
}

/** Imports the article data set (idempotent: MERGE on ids; a rerun creates nothing). */
export async function loadArticleDataSet(db: Db): Promise<ImportReport> {
  return importDataSet(db, articleDataSet());
}
