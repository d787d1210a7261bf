import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { restoreCell, type DataSet, type NodeRecord, type PropValue, type RelRecord } from '@cangshan/model';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { jsonErrorOffset } from './jsonErrorOffset.ts';
import { EXTRA_COLUMN, LIST_SEP, NODE_COLUMNS, REL_COLUMNS, cellType } from './columns.ts';
import type { Problem, RecordOrigin } from './validateDataSet.ts';

export const FORMAT = 'cangshan-graph/1';

export interface LoadedFiles {
  ds: DataSet;
  nodeOrigins: RecordOrigin[];
  relOrigins: RecordOrigin[];
  /** Problems found while reading (unreadable file, bad JSON or CSV); record-level checks come later. */
  problems: Problem[];
  files: string[];
}

/** Every .json and .csv file under the given files and folders (folders recursively), in name order. */
async function expand(paths: readonly string[], problems: Problem[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      problems.push({ file: p, row: null, field: null, reason: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) {
      const entries = (await readdir(p, { recursive: true })).map((e) => path.join(p, String(e))).sort();
      const data = entries.filter((e) => /\.(json|csv)$/i.test(e));
      if (data.length === 0) problems.push({ file: p, row: null, field: null, reason: 'the folder holds no .json or .csv file' });
      out.push(...data);
    } else if (/\.(json|csv)$/i.test(p)) out.push(p);
    else problems.push({ file: p, row: null, field: null, reason: 'not a .json or .csv file' });
  }
  return out;
}

/** The line of a JSON.parse error: from the position V8 names, else from our own scan. */
function jsonErrorLine(text: string, err: SyntaxError): number | null {
  const lc = /line (\d+)/.exec(err.message);
  if (lc) return Number(lc[1]);
  const m = /position (\d+)/.exec(err.message);
  const pos = m ? Number(m[1]) : jsonErrorOffset(text);
  return pos === null ? null : text.slice(0, pos).split('\n').length;
}

function readJson(file: string, text: string, out: LoadedFiles): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    out.problems.push({ file, row: jsonErrorLine(text, e as SyntaxError), field: null, reason: `bad JSON: ${(e as Error).message}` });
    return;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    out.problems.push({ file, row: null, field: null, reason: 'the file must hold a JSON object {"format", "nodes": [...], "relations": [...]}' });
    return;
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== undefined && d.format !== FORMAT) out.problems.push({ file, row: null, field: 'format', reason: `unknown format ${JSON.stringify(d.format)}; expected "${FORMAT}"` });
  for (const k of Object.keys(d)) if (!['format', 'nodes', 'relations', 'meta'].includes(k)) out.problems.push({ file, row: null, field: k, reason: 'unknown top-level key (expected format, nodes, relations, meta)' });
  for (const key of ['nodes', 'relations'] as const) {
    const list = d[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      out.problems.push({ file, row: null, field: key, reason: 'must be an array' });
      continue;
    }
    list.forEach((rec, i) => {
      if (key === 'nodes') {
        out.ds.nodes.push(rec as NodeRecord);
        out.nodeOrigins.push({ file, row: i + 1 });
      } else {
        out.ds.relations.push(rec as RelRecord);
        out.relOrigins.push({ file, row: i + 1 });
      }
    });
  }
}

function cell(prop: string, raw: string): PropValue {
  if (raw === '') return null;
  switch (cellType(prop)) {
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw; // a raw string fails validation with the field named
    }
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'list':
      return raw.split(LIST_SEP).map((s) => s.trim()).filter(Boolean);
    default:
      return raw;
  }
}

function readCsv(file: string, text: string, out: LoadedFiles): void {
  let recs;
  try {
    recs = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      out.problems.push({ file, row: e.line, field: null, reason: `bad CSV: ${e.message}` });
      return;
    }
    throw e;
  }
  const [head, ...rows] = recs;
  if (!head) {
    out.problems.push({ file, row: null, field: null, reason: 'empty CSV file (expected a header row)' });
    return;
  }
  const cols = head.cells.map((c) => c.trim());
  const isRel = cols.includes('type') && cols.includes('from') && cols.includes('to');
  const isNode = cols.includes('id') && cols.includes('label');
  if (isRel === isNode) {
    out.problems.push({ file, row: head.line, field: null, reason: 'the header must have id,label (a node file) or type,from,to (a relation file)' });
    return;
  }
  const known = new Set(isRel ? REL_COLUMNS : NODE_COLUMNS);
  let headOk = true;
  cols.forEach((c) => {
    if (!known.has(c)) {
      out.problems.push({ file, row: head.line, field: c, reason: `unknown column; put other properties in the "${EXTRA_COLUMN}" column as a JSON object` });
      headOk = false;
    }
  });
  if (new Set(cols).size !== cols.length) {
    out.problems.push({ file, row: head.line, field: null, reason: 'a column name appears twice' });
    headOk = false;
  }
  if (!headOk) return;
  for (const r of rows) {
    if (r.cells.length !== cols.length) {
      out.problems.push({ file, row: r.line, field: null, reason: `has ${r.cells.length} cells, the header has ${cols.length}` });
      continue;
    }
    const rec: Record<string, PropValue> = {};
    cols.forEach((c, i) => {
      // A text the exporter marked against spreadsheet formulas (`'=…`, `'-…`) is read without the mark.
      const raw = restoreCell(r.cells[i] ?? '');
      if (c === EXTRA_COLUMN) {
        if (raw.trim() === '') return;
        try {
          const extra = JSON.parse(raw) as unknown;
          if (extra === null || typeof extra !== 'object' || Array.isArray(extra)) throw new Error('not an object');
          Object.assign(rec, extra);
        } catch {
          out.problems.push({ file, row: r.line, field: EXTRA_COLUMN, reason: 'must be a JSON object of other properties' });
        }
      } else if (c === 'id' || c === 'label' || c === 'type' || c === 'from' || c === 'to') {
        if (raw !== '') rec[c] = raw;
      } else {
        const v = cell(c, raw);
        if (v !== null) rec[c] = v;
      }
    });
    if (isRel) {
      out.ds.relations.push(rec as RelRecord);
      out.relOrigins.push({ file, row: r.line });
    } else {
      out.ds.nodes.push(rec as NodeRecord);
      out.nodeOrigins.push({ file, row: r.line });
    }
  }
}

/**
 * Reads JSON and CSV files (docs/DATA-FORMAT.md) into one data set, remembering where each record
 * came from so that every problem can name its file and row. Reading never stops at the first
 * problem.
 */
export async function readDataFiles(paths: readonly string[]): Promise<LoadedFiles> {
  const out: LoadedFiles = { ds: { nodes: [], relations: [] }, nodeOrigins: [], relOrigins: [], problems: [], files: [] };
  out.files = await expand(paths, out.problems);
  for (const file of out.files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      out.problems.push({ file, row: null, field: null, reason: `cannot read: ${(e as Error).message}` });
      continue;
    }
    if (/\.json$/i.test(file)) readJson(file, text, out);
    else readCsv(file, text, out);
  }
  return out;
}

