import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { CSV_BOM, csvRecord, type CsvValue, type DataSet, type PropValue } from '@cangshan/model';
import { EXTRA_COLUMN, LIST_SEP, NODE_COLUMNS, REL_COLUMNS, cellType } from './columns.ts';
import { FORMAT } from './readDataFiles.ts';

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file, 'utf8');
  for (const l of lines) if (!out.write(l)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** JSON of the import format, one record per line (diffs and error lines stay readable). */
export async function writeJsonFile(file: string, ds: DataSet): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  function* lines(): Generator<string> {
    yield `{"format":${JSON.stringify(FORMAT)},\n"nodes":[\n`;
    for (let i = 0; i < ds.nodes.length; i++) yield JSON.stringify(ds.nodes[i]) + (i + 1 < ds.nodes.length ? ',\n' : '\n');
    yield '],\n"relations":[\n';
    for (let i = 0; i < ds.relations.length; i++) yield JSON.stringify(ds.relations[i]) + (i + 1 < ds.relations.length ? ',\n' : '\n');
    yield ']}\n';
  }
  await writeLines(file, lines());
}

/** A property as a cell: lists joined, numbers and booleans kept as such (the CSV writer does not neutralise them). */
export function toCell(prop: string, v: PropValue | undefined): CsvValue {
  if (v === null || v === undefined) return null;
  if (cellType(prop) === 'list' && Array.isArray(v)) return v.join(LIST_SEP);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** The cells of each record under `columns`: properties with no column go into the `extra` JSON cell. */
export function* recordCells(columns: readonly string[], records: readonly Record<string, PropValue>[]): Generator<CsvValue[]> {
  const known = new Set(columns);
  for (const r of records) {
    const extra: Record<string, PropValue> = {};
    for (const [k, v] of Object.entries(r)) if (!known.has(k) && v !== null) extra[k] = v;
    yield columns.map((c) => (c === EXTRA_COLUMN ? (Object.keys(extra).length ? JSON.stringify(extra) : null) : toCell(c, r[c])));
  }
}

function* csvRows(columns: readonly string[], records: readonly Record<string, PropValue>[]): Generator<string> {
  yield CSV_BOM + csvRecord(columns);
  for (const cells of recordCells(columns, records)) yield csvRecord(cells);
}

/**
 * nodes.csv and relations.csv of the import format into `folder`, by the model's CSV writer: UTF-8
 * with a BOM, text that would start a spreadsheet formula marked with `'` (readDataFiles takes the
 * mark off again), numbers as numbers.
 */
export async function writeCsvFiles(folder: string, ds: DataSet): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files = [path.join(folder, 'nodes.csv'), path.join(folder, 'relations.csv')];
  await writeLines(files[0] as string, csvRows(NODE_COLUMNS, ds.nodes));
  await writeLines(files[1] as string, csvRows(REL_COLUMNS, ds.relations));
  return files;
}
