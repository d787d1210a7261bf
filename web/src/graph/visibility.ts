// Which loaded elements the view shows: the timeline cursor ("as of"), the filters, the circle
// and the expansions. Pure, so the timeline only toggles visibility and never re-lays out.
//
// "As of" is the model's rule (`asOfJs` in @cangshan/model), the very rule the API's Cypher
// applies: both pass the model's one table of cases.
import { AsOfFormatError, asOfJs, endOfPeriod as modelEndOfPeriod } from '@cangshan/model';
import type { Graph, GraphEdge, GraphNode } from '../data/types.ts';
import type { Filters } from '../state/viewState.ts';

/** The cursor at the end of its period; a malformed date (a hand-edited URL) is kept as typed. */
export function endOfPeriod(asOf: string): string {
  try {
    return modelEndOfPeriod(asOf) ?? asOf;
  } catch (e) {
    if (e instanceof AsOfFormatError) return asOf;
    throw e;
  }
}

/** Kinds that exist in time (they land); places, segments and the like are always there. */
const TIMED_KINDS = new Set(['Enterprise', 'Project', 'firm', 'group', 'unit', 'enterprise', 'project']);

export function isTimed(n: GraphNode): boolean {
  return TIMED_KINDS.has(n.kind);
}

export function nodeExistsAt(n: GraphNode, end: string | null): boolean {
  return !isTimed(n) || asOfJs.node(n, end);
}

export function edgeBeganBy(e: GraphEdge, end: string | null): boolean {
  return asOfJs.rel(e, end);
}

export function nodePassesFilters(n: GraphNode, f: Filters): boolean {
  if (f.data === 'real' && n.synthetic) return false;
  if (f.data === 'synthetic' && !n.synthetic) return false;
  if (!isTimed(n)) return true;
  if (f.chain && n.chainId !== f.chain) return false;
  if (f.segment && n.segmentId !== f.segment) return false;
  if (f.park && n.parkId !== f.park) return false;
  if (f.from && !(n.landedOn && n.landedOn >= f.from)) return false;
  if (f.to && !(n.landedOn && n.landedOn <= endOfPeriod(f.to))) return false;
  return true;
}

export interface VisibleSet {
  nodes: Set<string>;
  edges: Set<string>;
}

export interface VisibilityInput {
  graph: Graph;
  asOf: string | null;
  filters: Filters;
  /** When set (circle layout), only these nodes are candidates (plus expansions). */
  scope: Set<string> | null;
  /** Expanded firm → how many of its neighbours to show. */
  expanded: Record<string, number>;
}

/** Neighbours of a node over the loaded edges, most important first (anchors, then degree, then id). */
export function rankedNeighbours(graph: Graph, id: string, byId: Map<string, GraphNode>): string[] {
  const seen = new Set<string>();
  for (const e of graph.edges) {
    if (e.source === id) seen.add(e.target);
    else if (e.target === id) seen.add(e.source);
  }
  return [...seen].sort((a, b) => {
    const na = byId.get(a);
    const nb = byId.get(b);
    const ra = (na?.isAnchor ? 1e6 : 0) + (na?.degree ?? 0);
    const rb = (nb?.isAnchor ? 1e6 : 0) + (nb?.degree ?? 0);
    return rb - ra || a.localeCompare(b);
  });
}

export function computeVisible(input: VisibilityInput): VisibleSet {
  const { graph, asOf, filters, scope, expanded } = input;
  const end = asOf ? endOfPeriod(asOf) : null;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes = new Set<string>();
  for (const n of graph.nodes) {
    if ((scope === null || scope.has(n.id)) && nodePassesFilters(n, filters) && nodeExistsAt(n, end)) nodes.add(n.id);
  }
  // Expansions reach past the filters and the scope (that is their point) but not past time.
  for (const [id, cap] of Object.entries(expanded)) {
    if (!nodes.has(id)) continue;
    let shown = 0;
    for (const nb of rankedNeighbours(graph, id, byId)) {
      if (shown >= cap) break;
      const n = byId.get(nb);
      if (n && nodeExistsAt(n, end)) {
        nodes.add(nb);
        shown++;
      }
    }
  }
  const edges = new Set<string>();
  const rel = filters.relations;
  for (const e of graph.edges) {
    if (rel.length && !rel.includes(e.type)) continue;
    if (filters.data === 'real' && e.synthetic) continue;
    if (nodes.has(e.source) && nodes.has(e.target) && edgeBeganBy(e, end)) edges.add(e.id);
  }
  return { nodes, edges };
}
