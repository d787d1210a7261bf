import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { decodeCsvBytes, RegistryReadError, type TextEncoding } from './decodeText.ts';
import { matchHeader } from './columns.ts';

/** A registry export on disk, or its bytes with the name they came under (an upload). */
export type RegistrySource = string | { buffer: Uint8Array; fileName: string };

export interface RegistryRow {
  /** The row as Excel numbers it (the header row is usually 1). */
  rowNumber: number;
  cells: Record<string, string | null>;
}

export interface RegistryTable {
  /** The file name problems are reported under. */
  file: string;
  headers: string[];
  rows: RegistryRow[];
  /** `xlsx` for a workbook; for a CSV, how its bytes were decoded. */
  encoding: TextEncoding | 'xlsx';
  sheetName?: string;
  /** SHA-256 of the file's bytes (hex): the writer names the export's Document by it. */
  sha256?: string;
}

export interface ReadOptions {
  /** The worksheet of a workbook to read (default: the first). */
  sheet?: string;
}

/** How many rows above the header a title block may take (`企业列表 共 N 条` and the like). */
const HEADER_SEARCH_ROWS = 20;

async function bytesOf(src: RegistrySource): Promise<{ bytes: Uint8Array; file: string }> {
  if (typeof src !== 'string') return { bytes: src.buffer, file: src.fileName };
  try {
    return { bytes: await readFile(src), file: src };
  } catch (e) {
    throw new RegistryReadError(src, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

type Kind = 'xlsx' | 'csv';

/** The kind by the bytes first (an .xlsx is a zip), by the name second. */
function kindOf(bytes: Uint8Array, file: string): Kind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new RegistryReadError(file, 'is an Excel 97-2003 workbook (.xls), which is not read here: open it in Excel and save it as .xlsx or "CSV UTF-8"');
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') throw new RegistryReadError(file, 'has an Excel name but is not an .xlsx workbook (no zip header)');
  return 'csv';
}

/** A cell of a workbook as the text a person sees (dates as ISO `YYYY-MM-DD`). */
export function excelCellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    // An 18-digit code typed into a number cell has lost its last digits: show it as Excel does (9.13501E+17), so that the loss is seen and reported.
    if (Math.abs(v) > Number.MAX_SAFE_INTEGER) return v.toExponential(5).toUpperCase();
    return v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 15 });
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : excelCellText(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : excelCellText(v.result);
  if ('error' in v) return null;
  return null;
}

/** Rows as arrays of cell texts, with their row numbers; the header row is found among the first rows. */
interface RawRow {
  rowNumber: number;
  values: (string | null)[];
}

/** The header row: the first of the first rows naming two known columns, else the first non-empty row. */
function headerIndex(rows: RawRow[]): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const known = (rows[i]?.values ?? []).filter((v) => v !== null && matchHeader(v)?.target !== undefined).length;
    if (known >= 2) return i;
  }
  return rows.findIndex((r) => r.values.some((v) => v !== null && v.trim() !== ''));
}

function toTable(file: string, raw: RawRow[], encoding: RegistryTable['encoding'], sheetName?: string): RegistryTable {
  const hi = headerIndex(raw);
  if (hi < 0) throw new RegistryReadError(file, 'has no header row (the file is empty)');
  const headerCells = raw[hi]?.values ?? [];
  // Trailing empty header cells are dropped; empty ones in between get a name, repeated ones a suffix.
  let width = headerCells.length;
  while (width > 0 && (headerCells[width - 1] ?? '').trim() === '') width--;
  const seen = new Map<string, number>();
  const headers = headerCells.slice(0, width).map((h, i) => {
    const base = (h ?? '').trim() || `列${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
  const rows: RegistryRow[] = [];
  for (const r of raw.slice(hi + 1)) {
    if (!r.values.some((v) => v !== null && v.trim() !== '')) continue;
    const cells: Record<string, string | null> = {};
    headers.forEach((h, i) => {
      const v = r.values[i];
      cells[h] = v === undefined || v === null || v === '' ? null : v;
    });
    // Cells past the last header are kept under a made-up header rather than lost.
    for (let i = width; i < r.values.length; i++) {
      const v = r.values[i];
      if (v !== null && v !== undefined && v.trim() !== '') cells[`列${i + 1}`] = v;
    }
    rows.push({ rowNumber: r.rowNumber, cells });
  }
  const extraHeaders = [...new Set(rows.flatMap((r) => Object.keys(r.cells)))].filter((h) => !headers.includes(h));
  return { file, headers: [...headers, ...extraHeaders], rows, encoding, ...(sheetName === undefined ? {} : { sheetName }) };
}

async function readXlsx(bytes: Uint8Array, file: string, sheet: string | undefined): Promise<RegistryTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new RegistryReadError(file, `is not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(', ');
    throw new RegistryReadError(file, sheet === undefined ? 'has no worksheet' : `has no worksheet named "${sheet}" (it has: ${names})`);
  }
  const raw: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: (string | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = excelCellText(cell.value);
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    raw.push({ rowNumber, values });
  });
  return toTable(file, raw, 'xlsx', ws.name);
}

/** Comma unless the header line has more tabs or semicolons (Excel's "Unicode text" is tab-separated). */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string): number => first.split(c).length - 1;
  const best = [',', '\t', ';'].sort((a, b) => count(b) - count(a))[0] ?? ',';
  return count(best) > 0 ? best : ',';
}

function readCsv(bytes: Uint8Array, file: string): RegistryTable {
  const { text, encoding } = decodeCsvBytes(bytes, file);
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    throw new RegistryReadError(file, `is not a readable CSV (${(e as Error).message})`);
  }
  // Excel shows a CSV record per row, embedded newlines inside the cell: number them that way.
  const raw = records.map((values, i) => ({ rowNumber: i + 1, values }));
  return toTable(file, raw, encoding);
}

/**
 * A registry export as headers and rows of text: an .xlsx (the first worksheet or the named one)
 * through exceljs, or a CSV in UTF-8 (with or without a byte-order mark) or GB18030 through
 * csv-parse. Dates in workbook cells become ISO `YYYY-MM-DD`, numbers plain digits, rich text
 * plain text. Empty cells are null. A file that cannot be read throws a RegistryReadError naming it.
 */
export async function readRegistryFile(src: RegistrySource, opts: ReadOptions = {}): Promise<RegistryTable> {
  const { bytes, file } = await bytesOf(src);
  if (bytes.byteLength === 0) throw new RegistryReadError(file, 'is empty');
  const table = kindOf(bytes, file) === 'xlsx' ? await readXlsx(bytes, file, opts.sheet) : readCsv(bytes, file);
  return { ...table, sha256: createHash('sha256').update(bytes).digest('hex') };
}
