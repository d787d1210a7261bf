// The aggregated overview's stylesheet: a group is a disc sized by its firms and labelled with its
// name and count; a pair of groups is one line as wide as its ties are many, in the colour of its
// most frequent relation type, with an arrow (SUPPLIES runs upstream to downstream).
import type cytoscape from 'cytoscape';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export function aggregateStyle(): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        'background-opacity': 0.85,
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(dl)',
        'font-family': FONT,
        'font-size': 22,
        'text-wrap': 'wrap',
        'text-max-width': '180px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        color: '#212529',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'min-zoomed-font-size': 0,
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
    { selector: 'node.empty', style: { 'background-opacity': 0.2, 'border-style': 'dashed', 'border-color': '#868e96', color: '#868e96' } },
    { selector: 'node.undrillable', style: { shape: 'round-rectangle' } },
    { selector: 'node.hover, node.focus', style: { 'border-width': 5, 'border-color': '#fab005', 'z-index': 20 } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: 'data(width)',
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        opacity: (e: cytoscape.EdgeSingular) => Number(e.data('alpha')),
      },
    },
    { selector: 'edge.hover', style: { opacity: 1, label: 'data(dl)', 'font-size': 12, 'text-outline-color': '#ffffff', 'text-outline-width': 2, 'font-family': FONT, 'z-index': 20 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
