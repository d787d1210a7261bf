// The leaders' view reads the recruitment API (issue 6; api/src/recruitment/recruitmentTypeDefs.ts).
import { GRAPH_EDGE_FIELDS, GRAPH_NODE_FIELDS } from '../../data/queries.ts';
import type { Graph } from '../../data/types.ts';

export type GapStatus = 'GAP' | 'WEAK' | 'STRONG';

export interface SegmentGap {
  segment: { id: string; name: string; nameEn?: string | null; order?: number | null };
  status: GapStatus;
  localCount: number;
  firms: { id: string; name: string; nameEn?: string | null; landedOn?: string | null }[];
  firstLandedOn?: string | null;
}

export interface ChainGaps {
  chain: { id: string; name: string; nameEn?: string | null };
  segments: SegmentGap[];
  gaps: number;
  weak: number;
  strong: number;
}

export interface Target {
  rank: number;
  enterprise: { id: string; name: string; nameEn?: string | null; origin?: string | null };
  score: number;
  factors: { name: string; share: number; contribution: number; value: number; weight: number }[];
  reasons: { zh: string; en: string; factor: string }[];
  fillsGap: { segment: { id: string; name: string; nameEn?: string | null }; status: GapStatus } | null;
  statusIfLanded: GapStatus | null;
  evidence: Graph;
  ties: { edge: { id: string }; quotes: string[]; reason?: string | null; sourceKind?: string | null }[];
}

export interface WhatIfResult {
  closedGaps: number;
  strengthened: number;
  changes: { before: SegmentGap; landing: number; statusAfter: GapStatus; localCountAfter: number }[];
}

export const PROBE_QUERY = `query Probe { __type(name: "Query") { fields { name } } }`;

export const LEADERS_QUERY = `query Leaders($anchorId: ID, $asOf: String, $limit: Int) {
  chainGaps(anchorId: $anchorId, asOf: $asOf, firmsPerSegment: 5) {
    chain { id name nameEn }
    gaps weak strong
    segments { status localCount firstLandedOn segment { id name nameEn order } firms { id name nameEn landedOn } }
  }
  recruitmentTargets(anchorId: $anchorId, asOf: $asOf, limit: $limit) {
    rank score statusIfLanded
    enterprise { id name nameEn origin }
    factors { name share contribution value weight }
    reasons { zh en factor }
    fillsGap { status segment { id name nameEn } }
    evidence { nodes { ${GRAPH_NODE_FIELDS} } edges { ${GRAPH_EDGE_FIELDS} } }
    ties { edge { id } quotes reason sourceKind }
  }
}`;

export const WHAT_IF_QUERY = `query WhatIf($ids: [ID!]!, $anchorId: ID, $asOf: String) {
  whatIf(enterpriseIds: $ids, anchorId: $anchorId, asOf: $asOf) {
    closedGaps strengthened
    changes { landing statusAfter localCountAfter before { status localCount segment { id name nameEn } } }
  }
}`;
