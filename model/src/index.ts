// @cangshan/model: the domain model in one place (no I/O). The zod schemas of every label's
// properties are the subpath `@cangshan/model/records`, so that the web does not bundle them.
export {
  NODE_LABELS,
  RELATIONS,
  REL_TYPES,
  REL_ENDS,
  WRITABLE_REL_TYPES,
  SOURCE_KINDS,
  ENTITY_LABEL,
  CHANGE_LABEL,
  SYSTEM_LABELS,
  PIPELINE_LABELS,
  PIPELINE_STAGES,
  isRelType,
  isNodeLabel,
  type NodeLabel,
  type RelType,
  type SourceKind,
  type PipelineStage,
} from './graph.ts';
export type { DataSet, NodeRecord, RelRecord, PropValue } from './types.ts';
export {
  asOfJs,
  asOfCypher,
  endOfPeriod,
  startOfPeriod,
  parseIsoPrefix,
  AsOfFormatError,
  AS_OF_CASES,
  type AsOfCase,
  type Timed,
  type Began,
} from './asOf.ts';
export { isIsoPartialDate, isPeriod } from './dates.ts';
export { FIRM_STATUSES, LEFT_STATUSES, LEFT_HOWS, type FirmStatus, type LeftKind, type LeftHow } from './firmStatus.ts';
export { CSV_BOM, CSV_EOL, FORMULA_PREFIXES, csvField, csvRecord, neutraliseText, quoteCsvField, restoreCell, toCsv, type CsvValue } from './csv.ts';
export { scalarAttributes, writeGraphml, xmlText, type GraphmlInput, type ScalarAttribute } from './graphml.ts';
