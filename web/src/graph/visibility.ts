// Which loaded elements the view shows: the timeline cursor ("as of"), the filters, the circle
// and the expansions. Pure, so the timeline only toggles visibility and never re-lays out.
//
// "As of" has the meaning of docs/MODEL.md § Time, mirrored from the API's one definition:
// the cursor is the last moment of its period (`2019-11` → `2019-11-31`); a firm counts once its
// `landedOn` ≤ that string (ISO prefixes compare lexicographically), a relation once its `since`
// is null or ≤ it and both its ends count.
import type { Graph, GraphEdge, GraphNode } from '../data/types.ts';
import type { Filters } from '../state/viewState.ts';

export function endOfPeriod(asOf: string): string {
  if (/^\d{4}$/.test(asOf)) return `${asOf}-12-31`;
  if (/^\d{4}-\d{2}$/.test(asOf)) return `${asOf}-31`;
  return asOf;
}

/** Kinds that exist in time (they land); places, segments and the like are always there. */
const TIMED_KINDS = new Set(['Enterprise', 'Project', 'firm', 'group', 'unit', 'enterprise', 'project']);

export function isTimed(n: GraphNode): boolean {
  return TIMED_KINDS.has(n.kind);
}

export function nodeExistsAt(n: GraphNode, end: string | null): boolean {
  if (end === null || !isTimed(n)) return true;
  return n.landedOn != null && n.landedOn <= end;
}

export function edgeBeganBy(e: GraphEdge, end: string | null): boolean {
  return end === null || e.since == null || e.since <= end;
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
