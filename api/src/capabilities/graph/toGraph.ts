import { isRelType, RELATIONS } from '@cangshan/model';
import type { Row } from '@cangshan/neo4j';
import { nextTurn } from '../../context/nextTurn.ts';
import { isDistrictFirm } from '../../cypher/inDistrict.ts';

export interface GraphNodeOut {
  id: string;
  label: string;
  labelEn: string | null;
  kind: string;
  isAnchor: boolean;
  synthetic: boolean;
  local: boolean | null;
  segmentId: string | null;
  segmentName: string | null;
  chainId: string | null;
  segmentOrder: number | null;
  parkId: string | null;
  landedOn: string | null;
  leftOn: string | null;
  signedOn: string | null;
  sourceKind: string | null;
  parentId: string | null;
  degree: number;
}

export interface GraphEdgeOut {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  since: string | null;
  sourceKind: string | null;
  synthetic: boolean;
}

export interface GraphOut {
  nodes: GraphNodeOut[];
  edges: GraphEdgeOut[];
  truncated: boolean;
  totalEnterprises: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export type GroupBy = 'NONE' | 'PARK' | 'SEGMENT' | 'CHAIN';

/** Rows mapped in one piece when a graph is built in pieces. */
const PIECE = 4000;
/** Items GraphQL completes in one piece when a long list is answered in pieces. */
const GRAPHQL_PIECE = 200;
/**
 * Fields per item from which answering a long list in pieces pays: each deferred item costs its
 * promises up front, in one go, about as much as completing two or three of its fields. Measured:
 * 28k graph items of all their fields took 0.11–0.17 s at once, in pieces 34–57 ms at most; 87k
 * items of one field 0.15–0.28 s at once, while making their promises alone took longer.
 */
const MIN_FIELDS_FOR_PIECES = 4;

/**
 * The one mapping from projected rows (graphProjection.ts) to the GraphQL Graph: dedupes, counts
 * degrees, sets parents. Nodes first, then edges (an edge counts only between nodes it has seen).
 */
class GraphBuilder {
  private readonly nodes = new Map<string, GraphNodeOut>();
  private readonly edges = new Map<string, GraphEdgeOut>();

  constructor(private readonly opts: { truncated?: boolean; totalEnterprises?: number; groupBy?: GroupBy }) {}

  node(n: Row): void {
    const id = str(n.id);
    if (id === null || this.nodes.has(id)) return;
    const seg = (n.segment ?? null) as Row | null;
    const kind = str(n.kind) ?? 'Entity';
    const node: GraphNodeOut = {
      id,
      label: str(n.label) ?? id,
      labelEn: str(n.labelEn),
      kind,
      isAnchor: n.isAnchor === true,
      synthetic: n.synthetic === true,
      // Enterprises: derived (cypher/inDistrict.ts, isDistrictFirm); projects keep their flag.
      local: kind === 'Enterprise' ? isDistrictFirm(n) : typeof n.local === 'boolean' ? n.local : null,
      segmentId: str(seg?.id),
      segmentName: str(seg?.name),
      chainId: str(seg?.chainId) ?? (kind === 'Segment' ? str(n.chainId) : null),
      segmentOrder: typeof seg?.order === 'number' ? seg.order : kind === 'Segment' && typeof n.order === 'number' ? n.order : null,
      parkId: str(n.parkId),
      landedOn: str(n.landedOn),
      leftOn: str(n.leftOn),
      signedOn: str(n.signedOn),
      sourceKind: str(n.sourceKind),
      parentId: null,
      degree: 0,
    };
    if (kind === 'Enterprise') {
      const groupBy = this.opts.groupBy;
      if (groupBy === 'PARK') node.parentId = node.parkId;
      else if (groupBy === 'SEGMENT') node.parentId = node.segmentId;
      else if (groupBy === 'CHAIN') node.parentId = node.chainId;
    }
    this.nodes.set(id, node);
  }

  edge(e: Row): void {
    const source = str(e.source);
    const target = str(e.target);
    const type = str(e.type);
    if (source === null || target === null || type === null || !this.nodes.has(source) || !this.nodes.has(target)) return;
    const id = `${type}:${source}->${target}`;
    if (this.edges.has(id)) return;
    this.edges.set(id, { id, source, target, type, label: isRelType(type) ? RELATIONS[type].label : type.toLowerCase(), since: str(e.since), sourceKind: str(e.sourceKind), synthetic: e.synthetic === true });
    this.nodes.get(source)!.degree++;
    this.nodes.get(target)!.degree++;
  }

  result(): GraphOut {
    const nodeList = [...this.nodes.values()];
    // A parent that is not among the nodes would make Cytoscape drop the child: clear it.
    for (const n of nodeList) if (n.parentId !== null && !this.nodes.has(n.parentId)) n.parentId = null;
    const enterprises = nodeList.filter((n) => n.kind === 'Enterprise').length;
    return { nodes: nodeList, edges: [...this.edges.values()], truncated: this.opts.truncated ?? false, totalEnterprises: this.opts.totalEnterprises ?? enterprises };
  }
}

export type GraphOptions = ConstructorParameters<typeof GraphBuilder>[0];

/** The Graph of projected node and edge rows, in one go (small answers: a path, a test). */
export function toGraph(nodeRows: readonly Row[], edgeRows: readonly Row[], opts: GraphOptions = {}): GraphOut {
  const b = new GraphBuilder(opts);
  for (const n of nodeRows) b.node(n);
  for (const e of edgeRows) b.edge(e);
  return b.result();
}

/**
 * The same Graph built in pieces of PIECE rows, each at its turn (nextTurn), so that a graph of
 * tens of thousands of nodes and edges does not hold up the other requests while it is mapped.
 */
export async function toGraphInPieces(nodeRows: readonly Row[], edgeRows: readonly Row[], opts: GraphOptions = {}): Promise<GraphOut> {
  const b = new GraphBuilder(opts);
  await inPieces(nodeRows, (n) => b.node(n));
  await inPieces(edgeRows, (e) => b.edge(e));
  return b.result();
}

async function inPieces(rows: readonly Row[], each: (row: Row) => void): Promise<void> {
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % PIECE === 0) await nextTurn();
    each(rows[i]!);
  }
}

/**
 * A long list for GraphQL to complete in pieces. graphql-js completes a list of plain values in
 * one synchronous loop — for 28k graph items of all their fields 0.1–0.2 s in which no other
 * request is served — but waits for items that are promises. With `fieldsPerItem` at least
 * MIN_FIELDS_FOR_PIECES, the first GRAPHQL_PIECE items are given as they are and each further
 * piece as promises resolved at the piece's turn (nextTurn), after the previous piece's; shorter lists
 * and thinner items are returned untouched (there the promises would cost more than they save).
 */
export function listInPieces<T>(items: readonly T[], fieldsPerItem: number): ReadonlyArray<T | Promise<T>> {
  if (items.length <= GRAPHQL_PIECE || fieldsPerItem < MIN_FIELDS_FOR_PIECES) return items;
  const out: Array<T | Promise<T>> = items.slice(0, GRAPHQL_PIECE);
  let turn = Promise.resolve();
  for (let start = GRAPHQL_PIECE; start < items.length; start += GRAPHQL_PIECE) {
    const ready = (turn = turn.then(nextTurn));
    for (const item of items.slice(start, start + GRAPHQL_PIECE)) out.push(ready.then(() => item));
  }
  return out;
}
