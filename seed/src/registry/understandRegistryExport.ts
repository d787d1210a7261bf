import { readRegistryFile, type RegistrySource } from './readRegistryFile.ts';
import { loadColumnMap, parseColumnMap, planColumns, type ColumnMap, type ColumnPlan } from './columnMap.ts';
import { normaliseRow, type FieldValues, type RowDraft } from './normaliseRow.ts';
import { deriveFirm } from './deriveFirm.ts';
import { HELD_FIRM, REGISTRY_FIRM, type HeldFirm, type RegistryFirm } from './firmRecord.ts';
import { Problems, type RegistryProblem } from './problems.ts';
import type { PlacementTuning } from './placeFirm.ts';
import type { RegistryTable } from './readRegistryFile.ts';

export interface UnderstandOptions {
  /** A column-mapping file (path) or its content: `{ "我的列名": "creditCode" }`. */
  columns?: string | Record<string, string>;
  /** The worksheet of a workbook (default: the first). */
  sheet?: string;
  tuning?: PlacementTuning;
}

export interface UnderstoodExport {
  file: string;
  encoding: RegistryTable['encoding'];
  sheetName?: string;
  /** SHA-256 of the file's bytes, when it was read from bytes (readRegistryFile). */
  sha256?: string;
  columns: ColumnPlan[];
  /** One per identity, in the order first seen; duplicates merged. */
  firms: RegistryFirm[];
  /** Rows kept out of the merge for a person to look at (invalid or missing identity, no name). */
  held: HeldFirm[];
  problems: RegistryProblem[];
  counts: { rows: number; firms: number; held: number; duplicateRows: number };
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What makes a value worth comparing in a conflict message. */
const show = (v: unknown): string => (v !== null && typeof v === 'object' && 'text' in v ? String((v as { text: unknown }).text) : Array.isArray(v) ? v.join('；') : String(v));

interface Group {
  first: RowDraft;
  last: RowDraft;
  values: FieldValues;
  extra: Record<string, string | null>;
  rowNumbers: number[];
}

/**
 * Merges a later row of the same firm into what is known: a filled cell wins over an empty one,
 * and of two filled cells that differ the later wins, with a note; former names are united.
 */
function mergeInto(g: Group, d: RowDraft, problems: Problems): void {
  const changed: string[] = [];
  const v = g.values as unknown as Record<string, unknown>;
  for (const [k, later] of Object.entries(d.values)) {
    if (later === null) continue;
    const earlier = v[k];
    if (k === 'formerNames' && Array.isArray(earlier) && Array.isArray(later)) {
      v[k] = [...new Set([...(earlier as string[]), ...(later as string[])])];
      continue;
    }
    if (earlier !== null && earlier !== undefined && !sameValue(earlier, later)) changed.push(`${k}: ${show(earlier)} → ${show(later)}`);
    v[k] = later;
  }
  for (const [k, later] of Object.entries(d.extra)) if (later !== null || !(k in g.extra)) g.extra[k] = later ?? g.extra[k] ?? null;
  problems.add('duplicate row', 'warning', { row: d.rowNumber, value: d.identity.ok ? d.identity.code : null }, `the same firm as row ${g.first.rowNumber}: merged (filled cells win over empty ones, the later row over the earlier)`);
  if (changed.length) problems.add('conflicting values', 'warning', { row: d.rowNumber }, `differs from row ${g.last.rowNumber}, the later kept: ${changed.join('; ')}`);
  g.rowNumbers.push(d.rowNumber);
  g.last = d;
}

/**
 * The one entry point: reads a registry export (.xlsx or CSV in UTF-8 or GB18030), understands
 * its columns by their Chinese headers (or a mapping file), reads every row into typed fields,
 * checks identities, merges rows of the same firm, holds rows with a wrong or missing identity,
 * works out which firms left and when, which are branches of which parent, and where each sits on
 * the chains. Every firm is checked against REGISTRY_FIRM; every problem names its file, row,
 * column and value.
 */
export async function understandRegistryExport(file: RegistrySource, opts: UnderstandOptions = {}): Promise<UnderstoodExport> {
  const table = await readRegistryFile(file, opts.sheet === undefined ? {} : { sheet: opts.sheet });
  let map: ColumnMap | undefined;
  if (typeof opts.columns === 'string') map = await loadColumnMap(opts.columns);
  else if (opts.columns) map = parseColumnMap(opts.columns);
  return understandTable(table, map, opts.tuning);
}

/** understandRegistryExport on a table already read. */
export function understandTable(table: RegistryTable, map?: ColumnMap, tuning?: PlacementTuning): UnderstoodExport {
  const problems = new Problems(table.file);
  const columns = planColumns(table.headers, map, problems);
  const groups = new Map<string, Group>();
  const held: HeldFirm[] = [];
  let duplicateRows = 0;
  for (const row of table.rows) {
    const d = normaliseRow(row, columns, problems);
    if (d.values.name === null) {
      problems.add('missing name', 'error', { row: d.rowNumber, column: d.columnOf.name ?? null }, 'no firm name: the row is held for review');
    }
    if (!d.identity.ok || d.values.name === null) {
      const why = !d.identity.ok ? d.identity.why : 'no firm name (企业名称)';
      const fields = deriveFirm(d.values, d, [d.rowNumber], d.extra, problems, tuning);
      held.push(
        HELD_FIRM.parse({
          ...fields,
          key: `row:${d.rowNumber}`,
          held: { column: d.identity.ok ? (d.columnOf.name ?? null) : d.identity.column, value: d.identity.ok ? null : d.identity.value, why },
        }),
      );
      continue;
    }
    const g = groups.get(d.identity.key);
    if (g) {
      duplicateRows++;
      mergeInto(g, d, problems);
    } else groups.set(d.identity.key, { first: d, last: d, values: { ...d.values }, extra: { ...d.extra }, rowNumbers: [d.rowNumber] });
  }
  const firms: RegistryFirm[] = [];
  for (const [key, g] of groups) {
    const id = g.first.identity;
    if (!id.ok) continue;
    const lastId = g.last.identity.ok ? g.last.identity : id;
    const fields = deriveFirm(g.values, g.last, g.rowNumbers, g.extra, problems, tuning);
    firms.push(
      REGISTRY_FIRM.parse({
        ...fields,
        key,
        identity: { kind: id.kind, code: id.code, registrationNumber: lastId.registrationNumber ?? id.registrationNumber },
      }),
    );
  }
  return {
    file: table.file,
    encoding: table.encoding,
    ...(table.sheetName === undefined ? {} : { sheetName: table.sheetName }),
    ...(table.sha256 === undefined ? {} : { sha256: table.sha256 }),
    columns,
    firms,
    held,
    problems: problems.list,
    counts: { rows: table.rows.length, firms: firms.length, held: held.length, duplicateRows },
  };
}
