// The exported graph for other tools: GEXF and GraphML for Gephi (and yEd, Cytoscape desktop), and
// an Excel workbook. These are export-only formats; `npm run seed` reads JSON and CSV.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { MultiDirectedGraph } from 'graphology';
import { write as gexfWrite } from 'graphology-gexf';
import { RELATIONS, scalarAttributes, writeGraphml, type DataSet, type ScalarAttribute } from '@cangshan/model';
import { LIST_SEP, NODE_COLUMNS, REL_COLUMNS } from '../format/columns.ts';
import { recordCells } from '../format/writeDataFiles.ts';

type Attrs = Record<string, ScalarAttribute>;

/**
 * The data set as one graphology graph. A node's `label` attribute is its display name (what Gephi
 * shows), `nodeLabel` its label in the model (Enterprise, Place…); an edge's key is
 * `TYPE:from->to` (the API's relation id), `type` its relation type and `label` how it reads. Other
 * properties keep their names; lists are joined with `|` as in CSV.
 */
export function dataSetGraph(ds: DataSet): MultiDirectedGraph<Attrs, Attrs> {
  const g = new MultiDirectedGraph<Attrs, Attrs>();
  for (const n of ds.nodes) {
    const { id, label, ...props } = n;
    const name = typeof props.name === 'string' ? props.name : typeof props.title === 'string' ? props.title : id;
    g.addNode(id, { ...scalarAttributes(props, LIST_SEP), label: name, nodeLabel: label });
  }
  for (const r of ds.relations) {
    const { type, from, to, ...props } = r;
    g.addEdgeWithKey(`${type}:${from}->${to}`, from, to, { ...scalarAttributes(props, LIST_SEP), type, label: RELATIONS[type].label });
  }
  return g;
}

/**
 * GEXF 1.2 by graphology-gexf. Every attribute but `label` goes into the GEXF attributes, so a
 * researcher's own property called `x`, `size` or `weight` stays data rather than becoming a
 * drawing hint.
 */
export function toGexf(g: MultiDirectedGraph<Attrs, Attrs>): string {
  const format = (_key: string, attrs: Attrs) => {
    const { label, ...rest } = attrs;
    return { label: String(label ?? ''), attributes: rest };
  };
  return gexfWrite(g, { formatNode: format, formatEdge: format });
}

export function toGraphml(g: MultiDirectedGraph<Attrs, Attrs>): string {
  return writeGraphml(g.export() as Parameters<typeof writeGraphml>[0]);
}

export async function writeGexfFile(file: string, ds: DataSet): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, toGexf(dataSetGraph(ds)), 'utf8');
}

export async function writeGraphmlFile(file: string, ds: DataSet): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, toGraphml(dataSetGraph(ds)), 'utf8');
}

/**
 * A workbook with a `nodes` and a `relations` sheet, the columns of the CSV files. Cells are typed
 * (numbers as numbers, true/false as booleans, text as text): a text cell is never a formula in
 * .xlsx, whatever it starts with, so nothing needs the CSV's `'` mark here.
 */
export async function writeXlsxFile(file: string, ds: DataSet): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cangshan-graph export';
  for (const [name, columns, records] of [
    ['nodes', NODE_COLUMNS, ds.nodes],
    ['relations', REL_COLUMNS, ds.relations],
  ] as const) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...columns]).font = { bold: true };
    for (const cells of recordCells(columns, records)) ws.addRow(cells.map((c) => c ?? null));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  await wb.xlsx.writeFile(file);
}
