import type { DataSet } from '@cangshan/model';
import { document } from '../article/places.ts';
import { chainReferenceDataSet } from './chainReferenceData.ts';

/**
 * The curated chains and segments alone (HAS_SEGMENT, FEEDS): what a district other than Cangshan
 * starts from before it loads its own firms. Segments and their relations cite nothing; the Chain
 * nodes cite the article's words in support of their reason (CURATED with quotes), so the
 * article's Document comes along — and nothing else of the article: no firm, project, place,
 * mechanism or indicator.
 */
export function chainsOnlyDataSet(): DataSet {
  const ref = chainReferenceDataSet();
  return { nodes: [document, ...ref.nodes], relations: ref.relations };
}
