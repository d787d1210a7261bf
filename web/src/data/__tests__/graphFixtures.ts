// Graph nodes and edges for tests: the fields the API always returns (non-null in the SDL) get
// neutral defaults, so a test spells out only what it is about.
import type { GraphEdge, GraphNode } from '../types.ts';

export function node(n: Pick<GraphNode, 'id'> & Partial<GraphNode>): GraphNode {
  return { label: n.id, kind: 'Enterprise', isAnchor: false, synthetic: false, degree: 0, ...n };
}

export function edge(e: Pick<GraphEdge, 'id' | 'source' | 'target' | 'type'> & Partial<GraphEdge>): GraphEdge {
  return { label: e.type, synthetic: false, ...e };
}
