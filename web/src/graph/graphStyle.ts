// The Cytoscape stylesheet: anchors large and always labelled; other labels fade in with zoom;
// colour = segment; synthetic data dashed and paler; a firm leaving faded and dashed; edge style by
// relation.
import type cytoscape from 'cytoscape';
import { DEFAULT_RELATION_STYLE, RELATION_STYLES } from './palette.ts';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Edge detail. `full`: curved (bezier: parallel relations fan out), arrows and dashes by relation.
 * `straight`: the same marks on straight lines (no parallel-edge bookkeeping). `overview`: plain
 * straight centre-to-centre lines (haystack) in the relation's colour, no arrows or dashes — what a
 * district of thousands of firms shows zoomed out, where arrows and dashes are below a pixel anyway
 * and each of them multiplied the cost of a frame (20k edges at 5k firms).
 */
export type EdgeDetail = 'full' | 'straight' | 'overview';

export function graphStyle(detail: EdgeDetail = 'full'): cytoscape.StylesheetJson {
  const overview = detail === 'overview';
  const edgeRules: cytoscape.StylesheetJson = Object.entries(RELATION_STYLES).map(([type, s]) => ({
    selector: `edge[type = "${type}"]`,
    style: overview
      ? { 'line-color': s.colour }
      : {
          'line-color': s.colour,
          'target-arrow-color': s.colour,
          'line-style': s.line,
          width: s.width,
          'target-arrow-shape': s.arrow,
        },
  }));
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(dl)',
        'font-family': FONT,
        'font-size': 11,
        color: '#212529',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        'border-width': 1,
        'border-color': '#ffffff',
        'transition-property': 'opacity',
        'transition-duration': 250,
      },
    },
    { selector: 'node[kind = "Project"], node[kind = "project"]', style: { shape: 'diamond' } },
    { selector: 'node[kind = "Place"], node[kind = "place"]', style: { shape: 'round-rectangle', 'background-color': '#dee2e6' } },
    {
      selector: 'node.anchor',
      style: {
        'font-size': 15,
        'font-weight': 'bold',
        'border-width': 3,
        'border-color': '#212529',
        'text-outline-width': 3,
        'min-zoomed-font-size': 0,
        'z-index': 10,
      },
    },
    { selector: 'node.outside', style: { 'background-opacity': 0.55, 'border-color': '#495057', 'border-width': 1.5, 'border-style': 'double' } },
    { selector: 'node.synthetic', style: { 'border-style': overview ? 'solid' : 'dashed', 'border-color': '#495057', 'border-width': overview ? 1 : 2, 'background-opacity': 0.6 } },
    // Zoomed out over thousands of firms (overview), a plain firm's label is below the smallest
    // drawn size anyway (11 px × zoom < 0.45 < 7 px): no label at all spares measuring 5,000 of
    // them for the first bounding boxes. Anchors and hovered, selected or marked firms keep theirs.
    ...(overview ? [{ selector: 'node', style: { label: '' } }, { selector: 'node.anchor, node.hover, node.neighbour, node.selected-node, node.path, node.evidence', style: { label: 'data(dl)' } }] : []),
    {
      // The chain layout's segment boxes: plain nodes drawn under everything (see elements.ts).
      selector: 'node.lane',
      style: {
        shape: 'round-rectangle',
        width: 'data(w)',
        height: 'data(h)',
        'background-color': 'data(colour)',
        'background-opacity': 0.08,
        'border-width': 1.5,
        'border-style': 'solid',
        'border-color': 'data(colour)',
        'border-opacity': 0.7,
        label: 'data(dl)',
        'font-family': FONT,
        'font-size': 14,
        'font-weight': 'bold',
        color: '#343a40',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'min-zoomed-font-size': 0,
        'z-compound-depth': 'bottom',
        events: 'no',
        'transition-property': 'none',
      },
    },
    {
      selector: 'edge',
      style: overview
        ? { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, 'line-color': DEFAULT_RELATION_STYLE.colour, opacity: 0.55 }
        : {
            'curve-style': detail === 'straight' ? 'straight' : 'bezier',
            width: DEFAULT_RELATION_STYLE.width,
            'line-color': DEFAULT_RELATION_STYLE.colour,
            'target-arrow-color': DEFAULT_RELATION_STYLE.colour,
            'line-style': DEFAULT_RELATION_STYLE.line,
            'target-arrow-shape': 'none',
            'arrow-scale': 0.9,
            opacity: 0.85,
          },
    },
    ...edgeRules,
    { selector: 'edge.synthetic', style: { opacity: overview ? 0.35 : 0.45 } },
    // A firm that left in the cursor's period, and its relations: drawn fading out (visibility.ts).
    { selector: 'node.leaving', style: { opacity: 0.35, 'text-opacity': 0.6, 'border-style': 'dashed', 'border-width': 2, 'border-color': '#868e96' } },
    { selector: 'edge.leaving', style: { opacity: 0.3, 'line-style': 'dashed' } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.15 } },
    { selector: '.hover-faded', style: { opacity: 0.15, 'text-opacity': 0.2 } },
    { selector: 'node.hover, node.selected-node', style: { 'border-width': 4, 'border-color': '#fab005', 'z-index': 20, 'min-zoomed-font-size': 0 } },
    { selector: 'node.neighbour', style: { 'min-zoomed-font-size': 0 } },
    { selector: 'edge.hover', style: { width: 3.5, opacity: 1, 'z-index': 20 } },
    { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#f03e3e', 'min-zoomed-font-size': 0, 'z-index': 30 } },
    { selector: 'edge.path', style: { width: 5, 'line-color': '#f03e3e', 'target-arrow-color': '#f03e3e', opacity: 1, 'z-index': 30 } },
    { selector: 'node.evidence', style: { 'border-width': 5, 'border-color': '#7048e8', 'min-zoomed-font-size': 0, 'z-index': 30 } },
    { selector: 'edge.evidence', style: { width: 4.5, 'line-color': '#7048e8', 'target-arrow-color': '#7048e8', opacity: 1 } },
  ];
}
