import { isRelType, RELATIONS } from '@cangshan/model';
import type { Row } from '@cangshan/neo4j';

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

/** The one mapping from projected rows (graphProjection.ts) to the GraphQL Graph: dedupes, counts degrees, sets parents. */
export function toGraph(nodeRows: Row[], edgeRows: Row[], opts: { truncated?: boolean; totalEnterprises?: number; groupBy?: GroupBy } = {}): GraphOut {
  const nodes = new Map<string, GraphNodeOut>();
  for (const n of nodeRows) {
    const id = str(n.id);
    if (id === null || nodes.has(id)) continue;
    const seg = (n.segment ?? null) as Row | null;
    const kind = str(n.kind) ?? 'Entity';
    const node: GraphNodeOut = {
      id,
      label: str(n.label) ?? id,
      labelEn: str(n.labelEn),
      kind,
      isAnchor: n.isAnchor === true,
      synthetic: n.synthetic === true,
      local: typeof n.local === 'boolean' ? n.local : null,
      segmentId: str(seg?.id),
      segmentName: str(seg?.name),
      chainId: str(seg?.chainId) ?? (kind === 'Segment' ? str(n.chainId) : null),
      segmentOrder: typeof seg?.order === 'number' ? seg.order : kind === 'Segment' && typeof n.order === 'number' ? n.order : null,
      parkId: str(n.parkId),
      landedOn: str(n.landedOn),
      signedOn: str(n.signedOn),
      sourceKind: str(n.sourceKind),
      parentId: null,
      degree: 0,
    };
    if (kind === 'Enterprise') {
      if (opts.groupBy === 'PARK') node.parentId = node.parkId;
      else if (opts.groupBy === 'SEGMENT') node.parentId = node.segmentId;
      else if (opts.groupBy === 'CHAIN') node.parentId = node.chainId;
    }
    nodes.set(id, node);
  }
  const edges = new Map<string, GraphEdgeOut>();
  for (const e of edgeRows) {
    const source = str(e.source);
    const target = str(e.target);
    const type = str(e.type);
    if (source === null || target === null || type === null || !nodes.has(source) || !nodes.has(target)) continue;
    const id = `${type}:${source}->${target}`;
    if (edges.has(id)) continue;
    edges.set(id, { id, source, target, type, label: isRelType(type) ? RELATIONS[type].label : type.toLowerCase(), since: str(e.since), sourceKind: str(e.sourceKind), synthetic: e.synthetic === true });
    nodes.get(source)!.degree++;
    nodes.get(target)!.degree++;
  }
  const nodeList = [...nodes.values()];
  // A parent that is not among the nodes would make Cytoscape drop the child: clear it.
  for (const n of nodeList) if (n.parentId !== null && !nodes.has(n.parentId)) n.parentId = null;
  const enterprises = nodeList.filter((n) => n.kind === 'Enterprise').length;
  return { nodes: nodeList, edges: [...edges.values()], truncated: opts.truncated ?? false, totalEnterprises: opts.totalEnterprises ?? enterprises };
}
