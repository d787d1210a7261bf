// Colours: one per chain segment (assigned in chain/segment order so neighbours on the chain
// differ), and one style per relation type. The legend reads the same tables.
import type { Graph } from '../data/types.ts';
import { groupBySegment, NO_SEGMENT } from './positions.ts';

// Tableau-like, readable on white, distinct for the ~12 segments of a district.
const SEGMENT_COLOURS = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#2f4b7c', '#a05195', '#3ca37e',
  '#d45087', '#665191', '#f95d6a', '#00a0b0',
];
export const NO_SEGMENT_COLOUR = '#adb5bd';

/** The colour of the i-th segment in chain and segment order (the aggregated overview's groups). */
export function colourAt(i: number): string {
  return SEGMENT_COLOURS[i % SEGMENT_COLOURS.length]!;
}

export function segmentColours(graph: Graph): Map<string, string> {
  const m = new Map<string, string>();
  let i = 0;
  for (const g of groupBySegment(graph)) {
    if (g.key === NO_SEGMENT) continue;
    m.set(g.key, SEGMENT_COLOURS[i % SEGMENT_COLOURS.length]!);
    i++;
  }
  return m;
}

export interface RelationStyle {
  colour: string;
  line: 'solid' | 'dashed' | 'dotted';
  width: number;
  arrow: 'triangle' | 'none' | 'tee' | 'vee';
}

export const RELATION_STYLES: Record<string, RelationStyle> = {
  ATTRACTED: { colour: '#e8590c', line: 'solid', width: 2.6, arrow: 'triangle' },
  SUPPLIES: { colour: '#1c7ed6', line: 'solid', width: 1.8, arrow: 'vee' },
  PARTNER_OF: { colour: '#2f9e44', line: 'dashed', width: 1.6, arrow: 'none' },
  PART_OF: { colour: '#6c757d', line: 'dashed', width: 1.4, arrow: 'tee' },
  LOCATED_IN: { colour: '#adb5bd', line: 'dotted', width: 1.2, arrow: 'none' },
  HAS_PROJECT: { colour: '#ae3ec9', line: 'dotted', width: 1.2, arrow: 'none' },
  RELOCATED_FROM: { colour: '#adb5bd', line: 'dotted', width: 1, arrow: 'none' },
  FACILITATED_BY: { colour: '#adb5bd', line: 'dotted', width: 1, arrow: 'none' },
};
export const DEFAULT_RELATION_STYLE: RelationStyle = { colour: '#ced4da', line: 'dotted', width: 1, arrow: 'none' };

/** Relation types the filter offers, in the legend's order. */
export const RELATION_TYPES = Object.keys(RELATION_STYLES);
