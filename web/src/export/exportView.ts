// Export what is on screen: a high-resolution PNG of the whole graph (cy.png full, scale 2), and
// the visible subgraph as CSV (nodes and edges, by the model's CSV writer: a BOM so Excel reads the
// Chinese, formula-like text marked with `'`), JSON, or GEXF / GraphML for Gephi (graphFiles.ts,
// loaded on first use). An .xlsx workbook is left to `npm run export -- --format xlsx`: exceljs in
// the browser would weigh more than the rest of the explorer together.
import type cytoscape from 'cytoscape';
import { toCsv, type CsvValue } from '@cangshan/model';
import type { NodeLooks } from './graphFiles.ts';
import type { GraphEdge, GraphNode } from '../data/types.ts';
import type { ViewState } from '../state/viewState.ts';

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function stamp(view: ViewState): string {
  return `cangshan-${view.layout}${view.asOf ? `-${view.asOf}` : ''}`;
}

export function exportPng(cy: cytoscape.Core, view: ViewState): void {
  const blob = cy.png({ full: true, scale: 2, output: 'blob', bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  download(blob, `${stamp(view)}.png`);
}

export interface VisibleSubgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The visible elements, read from the live instance so the export is exactly what is shown. */
export function visibleSubgraph(cy: cytoscape.Core): VisibleSubgraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  cy.nodes().not('.hidden').not('.lane').forEach((n) => {
    const d = n.data() as GraphNode & Record<string, unknown>;
    nodes.push({
      id: d.id, label: d.label, labelEn: d.labelEn, kind: d.kind, isAnchor: d.isAnchor, synthetic: d.synthetic, local: d.local,
      segmentId: d.segmentId, segmentName: d.segmentName, chainId: d.chainId, parkId: d.parkId, landedOn: d.landedOn,
      signedOn: d.signedOn, sourceKind: d.sourceKind, degree: d.degree,
    });
  });
  cy.edges().not('.hidden').forEach((e) => {
    const d = e.data() as GraphEdge;
    edges.push({ id: d.id, source: d.source, target: d.target, type: d.type, label: d.label, since: d.since, sourceKind: d.sourceKind, synthetic: d.synthetic });
  });
  return { nodes, edges };
}

function cellOf(v: unknown): CsvValue {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** Rows of objects as a CSV file (BOM, header, one record each) in the given column order. */
export function rowsToCsv<T extends object>(rows: T[], columns: (keyof T & string)[]): string {
  return toCsv(columns, rows.map((r) => columns.map((c) => cellOf(r[c]))));
}

export const NODE_COLUMNS: (keyof GraphNode & string)[] = ['id', 'label', 'labelEn', 'kind', 'isAnchor', 'synthetic', 'local', 'segmentId', 'segmentName', 'chainId', 'parkId', 'signedOn', 'landedOn', 'sourceKind', 'degree'];
export const EDGE_COLUMNS: (keyof GraphEdge & string)[] = ['id', 'source', 'target', 'type', 'since', 'sourceKind', 'synthetic'];

export function exportCsv(cy: cytoscape.Core, view: ViewState): void {
  const g = visibleSubgraph(cy);
  download(new Blob([rowsToCsv(g.nodes, NODE_COLUMNS)], { type: 'text/csv;charset=utf-8' }), `${stamp(view)}-nodes.csv`);
  download(new Blob([rowsToCsv(g.edges, EDGE_COLUMNS)], { type: 'text/csv;charset=utf-8' }), `${stamp(view)}-edges.csv`);
}

export function exportJson(cy: cytoscape.Core, view: ViewState): void {
  const g = visibleSubgraph(cy);
  const body = JSON.stringify({ view, url: location.href, exportedAt: new Date().toISOString(), ...g }, null, 2);
  download(new Blob([body], { type: 'application/json' }), `${stamp(view)}.json`);
}

/** The visible subgraph for Gephi: GEXF with each node's position and colour on screen, or GraphML. */
export async function exportGraphFile(cy: cytoscape.Core, view: ViewState, format: 'gexf' | 'graphml'): Promise<void> {
  const g = visibleSubgraph(cy);
  const files = await import('./graphFiles.ts');
  if (format === 'graphml') {
    download(new Blob([files.subgraphGraphml(g)], { type: 'application/graphml+xml' }), `${stamp(view)}.graphml`);
    return;
  }
  const looks: NodeLooks = new Map();
  for (const n of g.nodes) {
    const el = cy.getElementById(n.id);
    looks.set(n.id, { ...el.position(), color: String(el.style('background-color') ?? '') || undefined });
  }
  download(new Blob([files.subgraphGexf(g, looks)], { type: 'application/gexf+xml' }), `${stamp(view)}.gexf`);
}
