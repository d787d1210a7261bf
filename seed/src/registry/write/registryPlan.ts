import type { NodeRecord, PropValue, RelRecord } from '@cangshan/model';
import type { ColumnPlan } from '../columnMap.ts';
import type { RegistryProblem } from '../problems.ts';
import type { UnderstoodExport } from '../understandRegistryExport.ts';

/** How a firm of the export was found in the database (null: it is new). */
export type MatchedBy = 'creditCode' | 'registrationNumber' | 'name' | 'formerName' | 'alias';

/** One field an import changes, as shown to a planner (capital by its text, status by its words). */
export interface FieldChange {
  field: string;
  /** What the database holds (null: unknown). */
  from: string | null;
  /** What the export says (null: the import clears it, e.g. a firm back from a full export's departures). */
  to: string | null;
}

/** A firm of the export (or of the database, for notInExport) as the preview shows it. */
export interface FirmPreview {
  /** The credit code, `reg:<注册号>`, `row:<n>` for a held row, or the enterprise id for notInExport. */
  key: string;
  name: string;
  enterpriseId: string;
  matchedBy: MatchedBy | null;
  rows: number[];
  changes: FieldChange[];
  segmentId: string | null;
  segmentName: string | null;
  confidence: number | null;
  placementReason: string | null;
  needsReview: boolean;
  leftOn: string | null;
  leftHow: string | null;
  heldWhy: string | null;
}

/** The counts of RegistryCounts (registry.graphql). */
export interface RegistryCounts {
  rows: number;
  firms: number;
  held: number;
  duplicateRows: number;
  new: number;
  changed: number;
  unchanged: number;
  departures: number;
  notInExport: number;
  toReview: number;
  errors: number;
  warnings: number;
}

/** An update of an enterprise that exists: the properties to set and to remove, and its history line. */
export interface FirmUpdate {
  id: string;
  set: Record<string, PropValue>;
  /** Properties to remove (a pending review that is settled, a departure the export takes back). */
  unset: string[];
  /** What changes, as the preview shows it; a line of them is appended to registryHistory (historyLine). */
  changes: FieldChange[];
  /** The registry placement written (its IN_SEGMENTs to other segments are removed), or undefined: placement untouched. */
  placement?: { segmentId: string | null };
}

/** What applyRegistryImport writes: nodes and relations for importDataSet, and the updates of firms that exist. */
export interface RegistryWrites {
  /** New nodes: firms, parents outside the district, the export's Document, a district made from 所属区县. */
  nodes: NodeRecord[];
  updates: FirmUpdate[];
  relations: RelRecord[];
}

/**
 * What an import would do, before anything is written (RegistryPreview of registry.graphql), and
 * what applyRegistryImport needs to do it.
 */
export interface RegistryPlan {
  /** The file's name (no folder). */
  file: string;
  encoding: UnderstoodExport['encoding'];
  sheetName: string | null;
  columns: ColumnPlan[];
  districtId: string;
  /** Set when the database had no district and one is made from the export's 所属区县. */
  districtCreated: { id: string; name: string } | null;
  document: { id: string; title: string; publishedOn: string; sha256: string | null };
  /** The day of the import (ISO) and its month: departures without a date and notInFullExport leave in it. */
  today: string;
  importMonth: string;
  full: boolean;
  holdInvalid: boolean;
  counts: RegistryCounts;
  /** No errors, or holdInvalid and there are valid firms to write. */
  importable: boolean;
  /** Errors first. */
  problems: RegistryProblem[];
  newFirms: FirmPreview[];
  /** Firms found in the database: by name first (to check), then by code. */
  matched: FirmPreview[];
  changedFirms: FirmPreview[];
  departures: FirmPreview[];
  notInExport: FirmPreview[];
  held: FirmPreview[];
  writes: RegistryWrites;
}
