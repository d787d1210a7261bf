import type { Db } from '@cangshan/neo4j';
import type { DataSet } from '@cangshan/model';
import type { ImportReport } from '../importer/importReport.ts';
import { importDataSet } from '../importer/importDataSet.ts';
import { articleOnlyDataSet } from './articleDataSet.ts';
import { chainReferenceDataSet } from '../chains/chainReferenceData.ts';
import { articlePlacements } from '../chains/articlePlacements.ts';

/** The article data set together with the chain reference data that places its firms. */
export function articleDataSet(): DataSet {
  const a = articleOnlyDataSet();
  const c = chainReferenceDataSet();
  return { nodes: [...a.nodes, ...c.nodes], relations: [...a.relations, ...c.relations, ...articlePlacements()] };
}

/** Imports the article data set (idempotent: MERGE on ids; a rerun creates nothing). */
export async function loadArticleDataSet(db: Db): Promise<ImportReport> {
  return importDataSet(db, articleDataSet());
}
