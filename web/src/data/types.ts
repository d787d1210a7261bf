// Shapes the view reads from the GraphQL API (issue 4's contract plus the overview fields the
// web view asked for). Kept by hand: web/ imports no server code.

export type SourceKind = 'STATED' | 'CURATED' | 'SYNTHETIC';

export interface GraphNode {
  id: string;
  label: string;
  kind: string;
  labelEn?: string | null;
  isAnchor?: boolean | null;
  synthetic?: boolean | null;
  local?: boolean | null;
  segmentId?: string | null;
  segmentName?: string | null;
  chainId?: string | null;
  segmentOrder?: number | null;
  parkId?: string | null;
  landedOn?: string | null;
  signedOn?: string | null;
  sourceKind?: SourceKind | null;
  parentId?: string | null;
  degree?: number | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  since?: string | null;
  sourceKind?: SourceKind | null;
  synthetic?: boolean | null;
  label?: string | null;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Source {
  kind: SourceKind;
  quote?: string | null;
  reason?: string | null;
  title?: string | null;
  publisher?: string | null;
  publishedOn?: string | null;
}

export interface EnterpriseRef {
  id: string;
  name: string;
  nameEn?: string | null;
  isAnchor?: boolean | null;
}

export interface Project {
  id: string;
  name: string;
  nameEn?: string | null;
  amountYuan?: number | null;
  signedOn?: string | null;
  landedOn?: string | null;
  category?: string | null;
}

export interface Enterprise extends EnterpriseRef {
  aliases: string[];
  synthetic: boolean;
  origin?: string | null;
  signedOn?: string | null;
  landedOn?: string | null;
  park?: { id: string; name: string; nameEn?: string | null } | null;
  segment?: { id: string; name: string; nameEn?: string | null; chainId?: string | null } | null;
  attracted: EnterpriseRef[];
  attractedBy: EnterpriseRef[];
  upstream: EnterpriseRef[];
  downstream: EnterpriseRef[];
  parent?: EnterpriseRef | null;
  units: EnterpriseRef[];
  projects: Project[];
  sources: Source[];
}

export interface SearchHit extends EnterpriseRef {
  aliases?: string[];
  landedOn?: string | null;
}

export interface GrowthPoint {
  period: string;
  landed: number;
  cumulative: number;
  investmentYuan?: number | null;
}

export interface Indicator {
  id: string;
  name: string;
  nameEn?: string | null;
  period: string;
  value: number;
  unit: string;
  sources: Source[];
}

export interface ChainSegment {
  id: string;
  name: string;
  nameEn?: string | null;
  order?: number | null;
  layer?: string | null;
  layerEn?: string | null;
}

export interface IndustryChain {
  id: string;
  name: string;
  nameEn?: string | null;
  segments: ChainSegment[];
}
