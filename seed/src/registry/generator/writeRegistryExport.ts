import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { csvLine } from '../../format/csv.ts';
import type { GeneratedCell } from './generateRegistryExport.ts';

/** What the writers need of an export: its headers and rows. */
export interface ExportTable {
  headers: readonly string[];
  rows: readonly Record<string, GeneratedCell>[];
}

/** An .xlsx as a registry system writes it: one sheet, dates as date cells, numbers as numbers. */
export async function registryXlsxBuffer(table: ExportTable, sheetName = '企业列表'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...table.headers]);
  for (const r of table.rows) {
    const row = ws.addRow(table.headers.map((h) => r[h] ?? null));
    table.headers.forEach((h, i) => {
      if (r[h] instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A cell as Excel prints it into a CSV: a date cell as `2019/7/5` (Chinese Windows' short date). */
function csvText(v: GeneratedCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}`;
  return String(v);
}

/** The CSV text Excel writes: quoted where needed, CRLF line ends. */
export function registryCsvText(table: ExportTable): string {
  const lines = [csvLine(table.headers), ...table.rows.map((r) => csvLine(table.headers.map((h) => csvText(r[h]))))];
  return lines.map((l) => l.replace(/\n$/, '\r\n')).join('');
}

export type CsvEncoding = 'gb18030' | 'utf-8-bom' | 'utf-8';

/** A CSV's bytes: GB18030 as Excel on Chinese Windows saves "CSV (逗号分隔)", or UTF-8 with the BOM of "CSV UTF-8". */
export function registryCsvBytes(table: ExportTable, encoding: CsvEncoding): Uint8Array {
  const text = registryCsvText(table);
  if (encoding === 'gb18030') return new Uint8Array(iconv.encode(text, 'gb18030'));
  const utf8 = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return utf8;
  const out = new Uint8Array(utf8.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(utf8, 3);
  return out;
}

export async function writeRegistryXlsx(table: ExportTable, file: string, sheetName?: string): Promise<void> {
  await writeFile(file, await registryXlsxBuffer(table, sheetName));
}

export async function writeRegistryCsv(table: ExportTable, file: string, encoding: CsvEncoding): Promise<void> {
  await writeFile(file, registryCsvBytes(table, encoding));
}
