// From API graph to Cytoscape element definitions, and the patch that brings a live instance
// from its current elements to a new graph without rebuilding it (ARCHITECTURE.md: the graph
// component patches elements).
import type cytoscape from 'cytoscape';
import type { Graph, GraphNode } from '../data/types.ts';
import type { Lang } from '../state/viewState.ts';
import { displayName } from '../i18n/strings.ts';
import { nodeSize } from './computeLayout.ts';
import { NO_SEGMENT_COLOUR } from './palette.ts';

export const LANE_PREFIX = 'lane:';

export function nodeLabel(n: GraphNode, lang: Lang): string {
  return displayName(lang, n.label, n.labelEn);
}

function nodeClasses(n: GraphNode): string[] {
  const c: string[] = [];
  if (n.isAnchor) c.push('anchor');
  if (n.synthetic) c.push('synthetic');
  if (n.local === false) c.push('outside');
  return c;
}

export function patchElements(cy: cytoscape.Core, graph: Graph, colours: Map<string, string>, lang: Lang): void {
  const wantNodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const lanes = new Map<string, { name: string; colour: string }>();
  for (const n of graph.nodes) {
    if (n.segmentId && !lanes.has(n.segmentId)) {
      lanes.set(n.segmentId, { name: n.segmentName ?? n.segmentId, colour: colours.get(n.segmentId) ?? NO_SEGMENT_COLOUR });
    }
  }
  const wantEdges = new Map(
    graph.edges.filter((e) => wantNodes.has(e.source) && wantNodes.has(e.target)).map((e) => [e.id, e]),
  );
  cy.batch(() => {
    // Remove what is gone (and nodes whose lane changed: a parent cannot be reassigned in place).
    cy.edges().forEach((e) => {
      if (!wantEdges.has(e.id())) e.remove();
    });
    cy.nodes().forEach((el) => {
      if (el.removed()) return;
      if (el.id().startsWith(LANE_PREFIX)) {
        if (!lanes.has(el.id().slice(LANE_PREFIX.length))) el.remove();
        return;
      }
      const n = wantNodes.get(el.id());
      const lane = n?.segmentId ? LANE_PREFIX + n.segmentId : undefined;
      if (!n || el.data('parent') !== lane) el.remove();
    });
    const add: cytoscape.ElementDefinition[] = [];
    for (const [seg, l] of lanes) {
      const id = LANE_PREFIX + seg;
      if (cy.getElementById(id).empty()) add.push({ group: 'nodes', data: { id, dl: l.name, colour: l.colour, size: 10, lane: true } });
    }
    for (const n of graph.nodes) {
      const data = {
        ...n,
        dl: nodeLabel(n, lang),
        colour: (n.segmentId && colours.get(n.segmentId)) || NO_SEGMENT_COLOUR,
        size: nodeSize(n),
        parent: n.segmentId ? LANE_PREFIX + n.segmentId : undefined,
      };
      const el = cy.getElementById(n.id);
      if (el.empty()) add.push({ group: 'nodes', data, classes: nodeClasses(n) });
      else {
        el.data(data);
        el.classes(nodeClasses(n).concat(el.classes().filter((c) => !['anchor', 'synthetic', 'outside'].includes(c))));
      }
    }
    for (const e of wantEdges.values()) {
      if (cy.getElementById(e.id).empty()) {
        add.push({ group: 'edges', data: { ...e }, classes: e.synthetic ? ['synthetic'] : [] });
      }
    }
    cy.add(add);
  });
}

export function relabel(cy: cytoscape.Core, lang: Lang): void {
  cy.batch(() => {
    cy.nodes().forEach((el) => {
      if (el.data('lane')) return;
      el.data('dl', displayName(lang, el.data('label') as string, el.data('labelEn') as string | null));
    });
  });
}
