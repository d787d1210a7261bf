// Public surface of @cangshan/seed: the data format, the importer, the article data set.
export type { DataSet, NodeRecord, RelRecord, PropValue, SourceKind } from '@cangshan/model';
export type { ImportReport, LabelCounts } from './importer/importReport.ts';
export { importDataSet, type ImportOptions, type ImportProgress } from './importer/importDataSet.ts';
export { isGraphEmpty } from './importer/isGraphEmpty.ts';
export { validateDataSet, ImportValidationError, formatProblem, type Problem } from './format/validateDataSet.ts';
export { loadArticleDataSet, articleDataSet } from './article/loadArticleDataSet.ts';
export { DOC_ID as ARTICLE_DOC_ID } from './article/source.ts';
export { normalizeArticleText, stripGlosses, toSimplified } from './text/normalizeArticleText.ts';
export { searchFields, pinyinFull, pinyinInitials } from './text/searchFields.ts';
export { enterpriseDerivedProps, type EnterpriseDerivedProps } from './text/enterpriseDerivedProps.ts';
export { generateSynthetic, monthIso, type SyntheticOptions } from './synthetic/generateSynthetic.ts';
// The generators' constants, for the backtest's oracle (test/eval).
export { HAZARD } from './synthetic/simulate.ts';
export { SUPPLY } from './synthetic/simulateSupplyDriven.ts';
export { chainReferenceDataSet, segmentsInOrder, CHAINS } from './chains/chainReferenceData.ts';
export { articlePlacements } from './chains/articlePlacements.ts';
export { chainsOnlyDataSet } from './chains/chainsOnlyDataSet.ts';
export { loadStartingData, startingDataSet, STARTING_DATA, type StartingData } from './chains/loadStartingData.ts';
export { exportGraph } from './exporter/exportGraph.ts';
export { readDataFiles, type LoadedFiles } from './format/readDataFiles.ts';
export { writeJsonFile, writeCsvFiles } from './format/writeDataFiles.ts';
export { checkDataSet } from './importer/importDataSet.ts';
export { nodeProps, relProps } from './importer/prepareRows.ts';
export { resetGraph } from './importer/resetGraph.ts';
export { recoverStagedImports } from './importer/stagedWrite.ts';
export { understandRegistryExport, understandTable, type UnderstandOptions, type UnderstoodExport } from './registry/understandRegistryExport.ts';
export { readRegistryFile, type RegistrySource, type RegistryTable, type RegistryRow } from './registry/readRegistryFile.ts';
export { RegistryReadError } from './registry/decodeText.ts';
export { validateCreditCode, makeCreditCode, type CreditCodeResult } from './registry/creditCode.ts';
export { normaliseName, branchOf, splitFormerNames } from './registry/names.ts';
export { parseRegistryDate } from './registry/dates.ts';
export { parseCapital, type Money } from './registry/capital.ts';
export { parseStatus, type FirmStatus } from './registry/status.ts';
export { COLUMN_TABLE, REGISTRY_FIELDS, type RegistryField } from './registry/columns.ts';
export { loadColumnMap, parseColumnMap, type ColumnMap, type ColumnPlan } from './registry/columnMap.ts';
export { placeFirm, DEFAULT_TUNING, type Placement, type PlacementInput, type PlacementTuning } from './registry/placeFirm.ts';
export { PLACEMENT_RULES, BOILERPLATE, type PlacementRule } from './registry/placementRules.ts';
export { REGISTRY_FIRM, HELD_FIRM, type RegistryFirm, type HeldFirm } from './registry/firmRecord.ts';
export { formatRegistryProblem, type RegistryProblem, type ProblemKind } from './registry/problems.ts';
export { generateRegistryExport, type GeneratedRegistryExport, type GenerateRegistryOptions } from './registry/generator/generateRegistryExport.ts';
export { writeRegistryXlsx, writeRegistryCsv, registryXlsxBuffer, registryCsvBytes } from './registry/generator/writeRegistryExport.ts';
export {
  planRegistryImport,
  applyRegistryImport,
  RegistryImportRefused,
  RegistryPlanError,
  PLACED_BY_REGISTRY,
  PLACED_BY_PLANNER,
  confirmPlacement,
  PlacementTargetMissing,
  type ConfirmPlacementInput,
  type PlanOptions as RegistryPlanOptions,
  type ApplyOptions as RegistryApplyOptions,
  type RegistryImportResult,
  type RegistryPlan,
  type RegistryCounts,
  type FirmPreview as RegistryFirmPreview,
  type FieldChange as RegistryFieldChange,
} from './registry/write/index.ts';
export * from './bulk/index.ts';
