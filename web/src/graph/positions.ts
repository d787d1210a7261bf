// Deterministic positions computed from the data alone, in O(n): the first paint of any size
// (the goal: 5k firms interactive ≤ 2 s; fcose default quality needs 16.8 s for 1k) and the
// seed from which fcose refines the cluster view. Same data in → same positions out, so a firm
// never jumps when the timeline shows or hides others.
import type { Graph, GraphNode } from '../data/types.ts';

export interface Point {
  x: number;
  y: number;
}
export type Positions = Map<string, Point>;

const GOLDEN = Math.PI * (3 - Math.sqrt(5));
export const NO_SEGMENT = '__none__';

export function importance(n: GraphNode): number {
  return (n.isAnchor ? 1e6 : 0) + (n.degree ?? 0);
}

function byImportance(a: GraphNode, b: GraphNode): number {
  return importance(b) - importance(a) || a.id.localeCompare(b.id);
}

export interface SegmentGroup {
  key: string;
  chainId: string | null;
  order: number;
  name: string;
  members: GraphNode[];
}

/** Groups nodes by segment, ordered by chain then segment order (upstream first). */
export function groupBySegment(graph: Graph): SegmentGroup[] {
  const groups = new Map<string, SegmentGroup>();
  for (const n of graph.nodes) {
    const key = n.segmentId ?? NO_SEGMENT;
    let g = groups.get(key);
    if (!g) {
      g = { key, chainId: n.chainId ?? null, order: n.segmentOrder ?? 999, name: n.segmentName ?? '', members: [] };
      groups.set(key, g);
    }
    g.members.push(n);
  }
  for (const g of groups.values()) g.members.sort(byImportance);
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.key === NO_SEGMENT) - Number(b.key === NO_SEGMENT) ||
      (a.chainId ?? '~').localeCompare(b.chainId ?? '~') ||
      a.order - b.order ||
      a.key.localeCompare(b.key),
  );
}

/** Sunflower spiral: the most important member at the centre, even density outwards. */
function spiral(members: GraphNode[], cx: number, cy: number, spacing: number, out: Positions): number {
  members.forEach((n, i) => {
    const r = spacing * Math.sqrt(i + (i > 0 ? 0.6 : 0));
    out.set(n.id, { x: cx + r * Math.cos(i * GOLDEN), y: cy + r * Math.sin(i * GOLDEN) });
  });
  return spacing * Math.sqrt(members.length + 1);
}

/** Cluster seed: one spiral per segment, the spirals on a grid in chain/segment order. */
export function clusterPositions(graph: Graph, spacing = graph.nodes.length < 300 ? 62 : 38): Positions {
  const out: Positions = new Map();
  const groups = groupBySegment(graph);
  const radii = groups.map((g) => spacing * Math.sqrt(g.members.length + 1));
  const cols = Math.max(1, Math.ceil(Math.sqrt(groups.length)));
  const cell = 2 * Math.max(40, ...radii) + spacing;
  groups.forEach((g, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    spiral(g.members, col * cell, row * cell, spacing, out);
  });
  return out;
}

export interface Lane {
  chainId: string | null;
  segments: SegmentGroup[];
}

const MAX_SEGMENT_COLUMNS = 24;

/** Tiered chain layout: one lane per chain, its segments left (upstream) to right (downstream). */
export function chainPositions(graph: Graph, spacing = 56): Positions {
  const out: Positions = new Map();
  const lanes = new Map<string, SegmentGroup[]>();
  for (const g of groupBySegment(graph)) {
    const k = g.key === NO_SEGMENT ? NO_SEGMENT : (g.chainId ?? NO_SEGMENT);
    lanes.set(k, [...(lanes.get(k) ?? []), g]);
  }
  const colWidth = spacing * 4.2;
  let y = 0;
  for (const segs of lanes.values()) {
    let laneHeight = 0;
    let x0 = 0;
    for (const g of segs) {
      // A segment is a block of columns, about twice as tall as wide; blocks sit side by side, so a
      // district of thousands of firms stays a readable band rather than a column kilometres tall.
      const cols = Math.max(1, Math.min(MAX_SEGMENT_COLUMNS, Math.ceil(Math.sqrt(g.members.length / 2))));
      g.members.forEach((n, j) => {
        out.set(n.id, { x: x0 + (j % cols) * spacing * 1.1, y: y + Math.floor(j / cols) * spacing });
      });
      laneHeight = Math.max(laneHeight, Math.ceil(g.members.length / cols) * spacing);
      x0 += colWidth + spacing * 1.1 * (cols - 1);
    }
    y += laneHeight + spacing * 2.2;
  }
  return out;
}

/** Breadth-first hop distance from `root` over the given edges, both directions. */
export function hopDistances(graph: Graph, root: string, allowed: Set<string>): Map<string, number> {
  const adj = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!allowed.has(e.source) || !allowed.has(e.target)) continue;
    adj.set(e.source, [...(adj.get(e.source) ?? []), e.target]);
    adj.set(e.target, [...(adj.get(e.target) ?? []), e.source]);
  }
  const dist = new Map<string, number>([[root, 0]]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const nb of adj.get(id) ?? []) {
      if (!dist.has(nb)) {
        dist.set(nb, dist.get(id)! + 1);
        queue.push(nb);
      }
    }
  }
  return dist;
}

/** Circle of friends: the anchor in the centre, one ring per hop, each ring sorted by segment. */
export function concentricPositions(graph: Graph, anchorId: string, members: Set<string>, spacing = 64): Positions {
  const out: Positions = new Map();
  const dist = hopDistances(graph, anchorId, members);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rings = new Map<number, GraphNode[]>();
  const far = Math.max(1, ...dist.values()) + 1;
  for (const id of members) {
    const n = byId.get(id);
    if (!n) continue;
    const d = dist.get(id) ?? far;
    rings.set(d, [...(rings.get(d) ?? []), n]);
  }
  let radius = 0;
  for (const d of [...rings.keys()].sort((a, b) => a - b)) {
    const ring = rings.get(d)!.sort(
      (a, b) => (a.segmentId ?? '~').localeCompare(b.segmentId ?? '~') || byImportance(a, b),
    );
    if (d === 0) {
      ring.forEach((n) => out.set(n.id, { x: 0, y: 0 }));
      continue;
    }
    radius = Math.max(radius + spacing * 2.2, (ring.length * spacing) / (2 * Math.PI));
    ring.forEach((n, i) => {
      const a = (2 * Math.PI * i) / ring.length - Math.PI / 2 + d * 0.35;
      out.set(n.id, { x: radius * Math.cos(a), y: radius * Math.sin(a) });
    });
  }
  return out;
}
