// Export what is on screen: a high-resolution PNG of the whole graph (cy.png full, scale 2), and
// the visible subgraph as CSV (nodes and edges, with a BOM so Excel reads the Chinese) or JSON.
import type cytoscape from 'cytoscape';
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

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export const NODE_COLUMNS: (keyof GraphNode & string)[] = ['id', 'label', 'labelEn', 'kind', 'isAnchor', 'synthetic', 'local', 'segmentId', 'segmentName', 'chainId', 'parkId', 'signedOn', 'landedOn', 'sourceKind', 'degree'];
export const EDGE_COLUMNS: (keyof GraphEdge & string)[] = ['id', 'source', 'target', 'type', 'since', 'sourceKind', 'synthetic'];

export function exportCsv(cy: cytoscape.Core, view: ViewState): void {
  const g = visibleSubgraph(cy);
  const bom = '\ufeff';
  download(new Blob([bom + toCsv(g.nodes, NODE_COLUMNS)], { type: 'text/csv;charset=utf-8' }), `${stamp(view)}-nodes.csv`);
  download(new Blob([bom + toCsv(g.edges, EDGE_COLUMNS)], { type: 'text/csv;charset=utf-8' }), `${stamp(view)}-edges.csv`);
}

export function exportJson(cy: cytoscape.Core, view: ViewState): void {
  const g = visibleSubgraph(cy);
  const body = JSON.stringify({ view, url: location.href, exportedAt: new Date().toISOString(), ...g }, null, 2);
  download(new Blob([body], { type: 'application/json' }), `${stamp(view)}.json`);
}
