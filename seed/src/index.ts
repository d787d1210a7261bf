// Public surface of @cangshan/seed: the data format, the importer, the article data set.
export type { DataSet, NodeRecord, RelRecord, PropValue, SourceKind, ImportReport, LabelCounts } from './model/types.ts';
export { importDataSet, type ImportOptions, type ImportProgress } from './importer/importDataSet.ts';
export { isGraphEmpty } from './importer/isGraphEmpty.ts';
export { validateDataSet, ImportValidationError, formatProblem, type Problem } from './format/validateDataSet.ts';
export { loadArticleDataSet, articleDataSet } from './article/loadArticleDataSet.ts';
export { DOC_ID as ARTICLE_DOC_ID } from './article/source.ts';
export { normalizeArticleText, stripGlosses, toSimplified } from './text/normalizeArticleText.ts';
export { searchFields, pinyinFull, pinyinInitials } from './text/searchFields.ts';
export { generateSynthetic, monthIso, type SyntheticOptions } from './synthetic/generateSynthetic.ts';
export { chainReferenceDataSet, segmentsInOrder, CHAINS } from './chains/chainReferenceData.ts';
export { articlePlacements } from './chains/articlePlacements.ts';
export { exportGraph } from './exporter/exportGraph.ts';
export { readDataFiles, type LoadedFiles } from './format/readDataFiles.ts';
export { writeJsonFile, writeCsvFiles } from './format/writeDataFiles.ts';
export { checkDataSet } from './importer/importDataSet.ts';
export { nodeProps, relProps } from './importer/prepareRows.ts';
export { resetGraph } from './importer/resetGraph.ts';
export { recoverStagedImports } from './importer/stagedWrite.ts';
