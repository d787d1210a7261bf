// Which loaded elements the view shows: the timeline cursor ("as of"), the filters, the circle
// and the expansions. Pure, so the timeline only toggles visibility and never re-lays out.
//
// "As of" is the model's rule (`asOfJs` in @cangshan/model), the very rule the API's Cypher
// applies: both pass the model's one table of cases. A firm that left (`leftOn`) no longer counts
// from the period it left in; in that period it is still drawn, faded (`leaving`), so the eye sees
// it go — gone the period after.
import { AsOfFormatError, asOfJs, endOfPeriod as modelEndOfPeriod, parseIsoPrefix } from '@cangshan/model';
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

/** The node counts at the cursor (already at the end of its period); with none, a firm that left does not (it is drawn as leaving). */
export function nodeExistsAt(n: GraphNode, end: string | null): boolean {
  if (!isTimed(n)) return true;
  return end === null ? !n.leftOn : asOfJs.node(n, end);
}

/**
 * The end of the period before the cursor's, at the cursor's precision (2021-03 → 2021-02-31, 2021
 * → 2020-12-31, 2021-03-01 → 2021-02-28); null for a malformed cursor.
 */
export function endOfPreviousPeriod(asOf: string): string | null {
  let parts: ReturnType<typeof parseIsoPrefix>;
  try {
    parts = parseIsoPrefix(asOf);
  } catch (e) {
    if (e instanceof AsOfFormatError) return null;
    throw e;
  }
  const { year, month, day } = parts;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (month === null) return `${year - 1}-12-31`;
  if (day === null) return month === 1 ? `${year - 1}-12-31` : `${year}-${pad(month - 1)}-31`;
  const prev = new Date(Date.UTC(year, month - 1, day - 1));
  return `${prev.getUTCFullYear()}-${pad(prev.getUTCMonth() + 1)}-${pad(prev.getUTCDate())}`;
}

/**
 * The firm left in the cursor's period: it counted at the end of the period before and no longer
 * does (the model's rule both times). With no cursor ("all time"), every firm that has left: the
 * whole history is drawn, and what is no longer there is drawn faded.
 */
export function nodeLeavingAt(n: GraphNode, asOf: string | null): boolean {
  if (!isTimed(n) || !n.leftOn) return false;
  if (asOf === null) return true;
  const prev = endOfPreviousPeriod(asOf);
  return prev !== null && !asOfJs.node(n, endOfPeriod(asOf)) && asOfJs.node(n, prev);
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
  /** What counts at the cursor: drawn as usual (and counted by the view's counters). */
  nodes: Set<string>;
  edges: Set<string>;
  /** Firms that left in the cursor's period, and the relations that reach them: drawn faded. */
  leaving?: { nodes: Set<string>; edges: Set<string> };
}

/** Everything drawn: what counts, and what is leaving. */
export function drawnOf(v: VisibleSet): { nodes: Set<string>; edges: Set<string> } {
  if (!v.leaving || (v.leaving.nodes.size === 0 && v.leaving.edges.size === 0)) return v;
  return { nodes: new Set([...v.nodes, ...v.leaving.nodes]), edges: new Set([...v.edges, ...v.leaving.edges]) };
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
  const leavingNodes = new Set<string>();
  for (const n of graph.nodes) {
    if ((scope === null || scope.has(n.id)) && nodePassesFilters(n, filters) && nodeLeavingAt(n, asOf)) leavingNodes.add(n.id);
  }
  const edges = new Set<string>();
  const leavingEdges = new Set<string>();
  // A relation of a leaving firm is drawn if it began while the firm still counted: by the end of the period before.
  const prevEnd = asOf === null ? null : endOfPreviousPeriod(asOf);
  const rel = filters.relations;
  for (const e of graph.edges) {
    if (rel.length && !rel.includes(e.type)) continue;
    if (filters.data === 'real' && e.synthetic) continue;
    const s = nodes.has(e.source);
    const t = nodes.has(e.target);
    if (s && t) {
      if (edgeBeganBy(e, end)) edges.add(e.id);
    } else if (leavingNodes.size > 0 && (s || leavingNodes.has(e.source)) && (t || leavingNodes.has(e.target)) && edgeBeganBy(e, prevEnd)) {
      leavingEdges.add(e.id);
    }
  }
  return { nodes, edges, leaving: { nodes: leavingNodes, edges: leavingEdges } };
}
