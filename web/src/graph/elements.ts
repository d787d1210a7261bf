// From API graph to Cytoscape element definitions, and the patch that brings a live instance
// from its current elements to a new graph without rebuilding it: the graph component patches
// its elements, it never recreates the instance.
//
// Segment lanes (the chain layout's boxes) are plain background nodes of class `lane`, sized and
// placed by `placeLanes` — not compound parents: with compound nodes Cytoscape re-walks parents and
// descendants on every style change and every z-sort, which cost seconds at 5k firms.
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
    // Remove what is gone.
    const gone = cy.collection();
    cy.edges().forEach((e) => {
      if (!wantEdges.has(e.id())) gone.merge(e);
    });
    cy.nodes().forEach((el) => {
      if (el.id().startsWith(LANE_PREFIX) ? !lanes.has(el.id().slice(LANE_PREFIX.length)) : !wantNodes.has(el.id())) gone.merge(el);
    });
    if (gone.nonempty()) gone.remove();
    const add: cytoscape.ElementDefinition[] = [];
    for (const [seg, l] of lanes) {
      const id = LANE_PREFIX + seg;
      const el = cy.getElementById(id);
      if (el.empty()) add.push({ group: 'nodes', data: { id, dl: l.name, colour: l.colour, lane: true, w: 1, h: 1 }, classes: ['lane', 'hidden'] });
      else el.data('colour', l.colour);
    }
    for (const n of graph.nodes) {
      const data = {
        ...n,
        dl: nodeLabel(n, lang),
        colour: (n.segmentId && colours.get(n.segmentId)) || NO_SEGMENT_COLOUR,
        size: nodeSize(n),
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

/**
 * Sizes and shows the lane boxes around the visible firms of each segment at the given positions
 * (the chain layout's), or hides them all (`positions` null: another layout). A lane with no
 * visible firm is hidden, as a compound parent with no visible child would be.
 */
export function placeLanes(cy: cytoscape.Core, graph: Graph, positions: Map<string, { x: number; y: number }> | null, visible: ReadonlySet<string>, padding = 18): void {
  const boxes = new Map<string, { x1: number; y1: number; x2: number; y2: number }>();
  if (positions) {
    for (const n of graph.nodes) {
      if (!n.segmentId || !visible.has(n.id)) continue;
      const p = positions.get(n.id);
      if (!p) continue;
      const r = nodeSize(n) / 2 + padding;
      const b = boxes.get(n.segmentId);
      if (!b) boxes.set(n.segmentId, { x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r });
      else {
        b.x1 = Math.min(b.x1, p.x - r);
        b.y1 = Math.min(b.y1, p.y - r);
        b.x2 = Math.max(b.x2, p.x + r);
        b.y2 = Math.max(b.y2, p.y + r);
      }
    }
  }
  cy.batch(() => {
    cy.nodes('.lane').forEach((lane) => {
      const b = boxes.get(lane.id().slice(LANE_PREFIX.length));
      if (!b) {
        if (!lane.hasClass('hidden')) lane.addClass('hidden');
        return;
      }
      const w = Math.round(b.x2 - b.x1);
      const h = Math.round(b.y2 - b.y1);
      if (lane.data('w') !== w || lane.data('h') !== h) lane.data({ w, h });
      const x = (b.x1 + b.x2) / 2;
      const y = (b.y1 + b.y2) / 2;
      const p = lane.position();
      if (p.x !== x || p.y !== y) lane.position({ x, y });
      if (lane.hasClass('hidden')) lane.removeClass('hidden');
    });
  });
}

export function relabel(cy: cytoscape.Core, lang: Lang): void {
  cy.batch(() => {
    cy.nodes().forEach((el) => {
      if (el.data('lane')) return;
      const dl = displayName(lang, el.data('label') as string, el.data('labelEn') as string | null);
      // Only what changes: a data write restyles the element and drops the cached viewport texture.
      if (el.data('dl') !== dl) el.data('dl', dl);
    });
  });
}
