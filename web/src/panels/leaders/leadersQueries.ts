// The leaders' view reads the recruitment part of the API: chainGaps, recruitmentTargets and
// whatIf. Its types are the result types web/codegen.ts generates for these documents.
import type { TypedQuery } from '../../data/graphqlClient.ts';
import type {
  GapStatus,
  TargetKind,
  LeadersQuery,
  LeadersQueryVariables,
  ProbeQuery,
  ProbeQueryVariables,
  WhatIfQuery,
  WhatIfQueryVariables,
} from '../../data/generated/graphql.ts';

export type { GapStatus, TargetKind };
export type ChainGaps = LeadersQuery['chainGaps'][number];
export type Target = LeadersQuery['recruitmentTargets'][number];

export const PROBE_QUERY = /* GraphQL */ `query Probe { __type(name: "Query") { fields { name } } }` as TypedQuery<ProbeQuery, ProbeQueryVariables>;

export const LEADERS_QUERY = /* GraphQL */ `query Leaders($anchorId: ID, $asOf: AsOf, $limit: Int) {
  chainGaps(anchorId: $anchorId, asOf: $asOf, firmsPerSegment: 5) {
    chain { id name nameEn }
    gaps weak strong
    segments { status basis reasonZh reasonEn localCount supplyTies outsideTies leakShare firstLandedOn segment { id name nameEn order } firms { id name nameEn landedOn } }
  }
  recruitmentTargets(anchorId: $anchorId, asOf: $asOf, limit: $limit) {
    rank score statusIfLanded
    enterprise { id name nameEn origin }
    kind kindReasonZh kindReasonEn via { id name nameEn }
    factors { name share contribution value weight }
    reasons { zh en factor }
    fillsGap { status basis reasonZh reasonEn segment { id name nameEn } }
    evidence { nodes { id label labelEn kind isAnchor synthetic local segmentId segmentName chainId segmentOrder parkId landedOn leftOn signedOn sourceKind degree } edges { id source target type label since sourceKind synthetic } }
    ties { edge { id } quotes reason sourceKind }
  }
}` as TypedQuery<LeadersQuery, LeadersQueryVariables>;

export const WHAT_IF_QUERY = /* GraphQL */ `query WhatIf($ids: [ID!]!, $anchorId: ID, $asOf: AsOf) {
  whatIf(enterpriseIds: $ids, anchorId: $anchorId, asOf: $asOf) {
    closedGaps strengthened
    changes { landing statusAfter localCountAfter before { status reasonZh reasonEn localCount segment { id name nameEn } } }
  }
}` as TypedQuery<WhatIfQuery, WhatIfQueryVariables>;
