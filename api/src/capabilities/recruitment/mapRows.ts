import type { Row } from '@cangshan/neo4j';
import { isDistrictFirm } from '../../cypher/inDistrict.ts';
import type { GraphEdgeOut } from '../graph/toGraph.ts';
import { classifyGap, type GapBasis, type GapFigures, type GapStatus } from './gapStatus.ts';
import { buildReasons, gapStatusReason, type Reason, type TieFact } from './reasons.ts';
import { kindReason, type TargetKind } from './targetKind.ts';
import { FACTOR_NAMES, explainScore, type FactorName, type FactorWeights, type ScoreFactor } from './scoring.ts';

/** Properties of a node as the queries project them (plain JSON from neo4j/src/toPlain). */
type Props = Record<string, unknown> & { id: string; name: string; nameEn?: string | null; isAnchor?: boolean | null };

export interface SegmentGap extends GapFigures {
  chain: Props;
  segment: Props;
  status: GapStatus;
  basis: GapBasis;
  outsideFirms: number;
  leakShare: number | null;
  referenceShare: number | null;
  reasonZh: string;
  reasonEn: string;
  firms: Props[];
  firstLandedOn: string | null;
  strongSince: string | null;
}

/** A segment's figures as the queries return them (`figs`, buildScope.ts), with the Cypher's status. */
type FigsRow = GapFigures & { outsideFirms: number; status: GapStatus };

export interface GraphNodeOut {
  id: string;
  label: string;
  labelEn: string | null;
  kind: 'Enterprise';
  isAnchor: boolean;
  synthetic: boolean;
  local: boolean | null;
  landedOn: string | null;
  leftOn: string | null;
  degree: number;
}

export interface EvidenceTie {
  edge: GraphEdgeOut;
  via: string | null;
  quotes: string[];
  reason: string | null;
  sourceKind: string | null;
}

export interface RecruitmentTarget {
  rank: number;
  enterprise: Props;
  score: number;
  factors: Array<ScoreFactor & { raw: number | null }>;
  reasons: Reason[];
  reasonZh: string;
  reasonEn: string;
  kind: TargetKind;
  via: Props[];
  kindReasonZh: string;
  kindReasonEn: string;
  fillsGap: SegmentGap | null;
  segmentGap: SegmentGap | null;
  statusIfLanded: GapStatus | null;
  evidence: { nodes: GraphNodeOut[]; edges: GraphEdgeOut[]; truncated: boolean; totalEnterprises: number };
  ties: EvidenceTie[];
}

interface RelRow {
  type: string;
  from: string;
  to: string;
  since?: string | null;
  sourceKind?: string | null;
  quotes?: string[] | null;
  reason?: string | null;
  synthetic?: boolean | null;
}

const EDGE_LABELS: Record<string, string> = { SUPPLIES: 'supplies', PARTNER_OF: 'partner of', PART_OF: 'part of', ATTRACTED: 'attracted' };

/** The status and its words from a segment's figures (the one rule, gapStatus.ts). */
export function gapOf(figs: GapFigures & { outsideFirms: number }) {
  const c = classifyGap({
    localCount: figs.localCount,
    supplyTies: figs.supplyTies,
    outsideTies: figs.outsideTies,
    allSupplyTies: figs.allSupplyTies,
    allOutsideTies: figs.allOutsideTies,
  });
  const words = gapStatusReason({ ...c, localCount: figs.localCount, supplyTies: figs.supplyTies, outsideTies: figs.outsideTies, outsideFirms: figs.outsideFirms });
  return { ...c, reasonZh: words.zh, reasonEn: words.en };
}

export function toSegmentGap(row: Row): SegmentGap {
  const f = row.figs as Omit<FigsRow, 'localCount'> & { n: number };
  const figs = { localCount: f.n, supplyTies: f.supplyTies, outsideTies: f.outsideTies, outsideFirms: f.outsideFirms, allSupplyTies: f.allSupplyTies, allOutsideTies: f.allOutsideTies };
  const gap = gapOf(figs);
  // Invariant: the Cypher and the JavaScript of the rule agree (a test runs both over one table).
  if (gap.status !== f.status) throw new Error(`gap status mismatch for ${String((row.segment as Props).id)}: Cypher ${f.status}, rule ${gap.status}`);
  return {
    chain: row.chain as Props,
    segment: row.segment as Props,
    ...figs,
    ...gap,
    firms: (row.firms as Props[] | null) ?? [],
    firstLandedOn: (row.firstLandedOn as string | null) ?? null,
    strongSince: (row.strongSince as string | null) ?? null,
  };
}

function toEdge(r: RelRow): GraphEdgeOut {
  return {
    id: `${r.type}:${r.from}->${r.to}`,
    source: r.from,
    target: r.to,
    type: r.type,
    label: EDGE_LABELS[r.type] ?? r.type.toLowerCase(),
    since: r.since ?? null,
    sourceKind: r.sourceKind ?? null,
    synthetic: r.synthetic === true,
  };
}

function toNode(p: Props): GraphNodeOut {
  return {
    id: p.id,
    label: p.name,
    labelEn: p.nameEn ?? null,
    kind: 'Enterprise',
    isAnchor: p.isAnchor === true,
    synthetic: p.synthetic === true,
    local: isDistrictFirm(p),
    landedOn: (p.landedOn as string | null | undefined) ?? null,
    leftOn: (p.leftOn as string | null | undefined) ?? null,
    degree: 0,
  };
}

/** The connecting ties and two-step paths as a Cytoscape-ready graph, plus each tie with its sources. */
function evidenceOf(c: Props, ties: Array<{ rel: RelRow; other: Props }>, paths: Array<{ via: Props; other: Props; rels: RelRow[] }>) {
  const nodes = new Map<string, GraphNodeOut>([[c.id, toNode(c)]]);
  const edges = new Map<string, GraphEdgeOut>();
  const out: EvidenceTie[] = [];
  const add = (rel: RelRow, via: string | null) => {
    const edge = toEdge(rel);
    if (edges.has(edge.id)) return;
    edges.set(edge.id, edge);
    out.push({ edge, via, quotes: rel.quotes ?? [], reason: rel.reason ?? null, sourceKind: rel.sourceKind ?? null });
  };
  for (const t of ties) {
    if (!nodes.has(t.other.id)) nodes.set(t.other.id, toNode(t.other));
    add(t.rel, null);
  }
  for (const p of paths) {
    for (const n of [p.via, p.other]) if (!nodes.has(n.id)) nodes.set(n.id, toNode(n));
    for (const r of p.rels) add(r, p.via.id);
  }
  for (const e of edges.values()) {
    for (const end of [e.source, e.target]) {
      const n = nodes.get(end);
      if (n) n.degree += 1;
    }
  }
  const nodeList = [...nodes.values()];
  return { graph: { nodes: nodeList, edges: [...edges.values()], truncated: false, totalEnterprises: nodeList.length }, ties: out };
}

/** One row of buildTargetsQuery → the GraphQL RecruitmentTarget: factors, reasons, gap, evidence. */
export function toTarget(row: Row, weights: FactorWeights): RecruitmentTarget {
  const enterprise = row.enterprise as Props;
  const values = row.values as Record<FactorName, number>;
  const raw = row.raw as Record<string, number> & { byCircle?: boolean; likelyAnchor?: Props | null };
  const { score, factors } = explainScore(values, weights);
  const gap = row.gap ? toSegmentGap(row.gap as Row) : null;
  const kind = row.kind as TargetKind;
  const via = (row.via as Props[] | null) ?? [];
  const kindWords = kindReason(kind, {
    via,
    viaGroup: (row.viaGroup as Props | null) ?? null,
    leftOn: (enterprise.leftOn as string | null | undefined) ?? null,
    leftHow: (enterprise.leftHow as string | null | undefined) ?? null,
  });
  const tieRows = (row.ties as Array<{ rel: RelRow; other: Props }> | undefined) ?? [];
  const pathRows = (row.paths as Array<{ via: Props; other: Props; rels: RelRow[] }> | undefined) ?? [];
  const ties: TieFact[] = tieRows.map((t) => ({ type: t.rel.type, outgoing: t.rel.from === enterprise.id, other: t.other, since: t.rel.since ?? null }));
  const dated = ties.map((t) => t.since).filter((s): s is string => typeof s === 'string').sort();
  const contributing = [...factors].filter((f) => f.contribution > 0).sort((a, b) => b.contribution - a.contribution || FACTOR_NAMES.indexOf(a.name) - FACTOR_NAMES.indexOf(b.name));
  const reasons = buildReasons({
    ties,
    gap,
    via: pathRows.map((p) => p.via),
    similarity: {
      segment: gap?.segment ?? null,
      sameSegment: (raw.simSegment ?? 0) > 0,
      origin: (enterprise.origin as string | null | undefined) ?? null,
      sameOrigin: (raw.simOrigin ?? 0) > 0,
      anchor: raw.byCircle ? (raw.likelyAnchor ?? null) : null,
    },
    newestTie: dated[dated.length - 1] ?? null,
    focus: { ties: raw.focusTies ?? 0, of: raw.degree ?? 0 },
    customers: raw.customers ?? 0,
    factors: contributing.map((f) => f.name),
  });
  const evidence = evidenceOf(enterprise, tieRows, pathRows);
  const rawOf: Partial<Record<FactorName, number>> = { anchorTies: raw.anchorTies, localTies: raw.localTies, adamicAdar: raw.adamicAdar, customerTies: raw.customerTies };
  return {
    rank: row.rank as number,
    enterprise,
    score,
    factors: factors.map((f) => ({ ...f, raw: rawOf[f.name] ?? null })),
    reasons,
    // The kind comes first in the joined words when it changes what courting means.
    reasonZh: [...(kind === 'NEW' ? [] : [kindWords.zh]), ...reasons.map((r) => r.zh)].join('；'),
    reasonEn: [...(kind === 'NEW' ? [] : [kindWords.en]), ...reasons.map((r) => r.en)].join('; '),
    kind,
    via,
    kindReasonZh: kindWords.zh,
    kindReasonEn: kindWords.en,
    fillsGap: gap && gap.status !== 'STRONG' ? gap : null,
    segmentGap: gap,
    statusIfLanded: gap ? statusIfLanded(gap, (row.candidateTies as number | null) ?? 0) : null,
    evidence: evidence.graph,
    ties: evidence.ties,
  };
}

/**
 * Its segment's status if the candidate landed: one more local firm, and its own supply ties with
 * the scope's firms met locally instead of outside.
 */
function statusIfLanded(gap: SegmentGap, candidateTies: number): GapStatus {
  const moved = Math.min(candidateTies, gap.outsideTies, gap.allOutsideTies);
  return classifyGap({ ...gap, localCount: gap.localCount + 1, outsideTies: gap.outsideTies - moved, allOutsideTies: gap.allOutsideTies - moved }).status;
}

/** Groups gap rows (ordered by chain, then segment) into one entry per chain with its counts. */
export function groupByChain(rows: Row[], asOf: string) {
  const out: Array<{ chain: Props; asOf: string; segments: SegmentGap[]; gaps: number; weak: number; strong: number }> = [];
  for (const row of rows) {
    const g = toSegmentGap(row);
    let entry = out[out.length - 1];
    if (!entry || entry.chain.id !== g.chain.id) {
      entry = { chain: g.chain, asOf, segments: [], gaps: 0, weak: 0, strong: 0 };
      out.push(entry);
    }
    entry.segments.push(g);
    if (g.status === 'GAP') entry.gaps += 1;
    else if (g.status === 'WEAK') entry.weak += 1;
    else entry.strong += 1;
  }
  return out;
}
