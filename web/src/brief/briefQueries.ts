// The briefing's GraphQL documents: the existing growth, chainGaps and recruitmentTargets fields in
// one request, the anchor with its sources in a second (only when the briefing is about an anchor:
// `enterprise(id:)` wants an id), and the pipeline in a third, so that a server which keeps none
// (or will not show it to this reader) still gives the rest. Types come from web/codegen.ts.
import type { TypedQuery } from '../data/graphqlClient.ts';
import type {
  BriefAnchorQuery,
  BriefAnchorQueryVariables,
  BriefPipelineQuery,
  BriefPipelineQueryVariables,
  BriefQuery,
  BriefQueryVariables,
} from '../data/generated/graphql.ts';

export const BRIEF_QUERY = /* GraphQL */ `query Brief($anchorId: ID, $chainId: ID, $from: PeriodStart, $asOf: AsOf!, $limit: Int) {
  growth(anchorId: $anchorId, from: $from, to: $asOf, interval: MONTH) { period landed departures cumulative cumulativeNet }
  chainGaps(anchorId: $anchorId, chainId: $chainId, asOf: $asOf, firmsPerSegment: 3) {
    chain { id name nameEn }
    gaps weak strong
    segments { status localCount segment { id name nameEn order } }
  }
  recruitmentTargets(anchorId: $anchorId, chainId: $chainId, asOf: $asOf, limit: $limit) {
    rank score statusIfLanded kind kindReasonZh kindReasonEn
    enterprise { id name nameEn origin sources { kind quote reason title publisher publishedOn } }
    reasons { zh en factor }
    fillsGap { status segment { id name nameEn } }
    evidence { nodes { id label labelEn kind isAnchor } edges { id source target type } }
    ties { edge { id source target type } via quotes reason sourceKind }
  }
}` as TypedQuery<BriefQuery, BriefQueryVariables>;

export const BRIEF_ANCHOR_QUERY = /* GraphQL */ `query BriefAnchor($id: ID!) {
  enterprise(id: $id) {
    id name nameEn isAnchor landedOn origin
    segment { id name nameEn }
    sources { kind quote reason title publisher publishedOn }
  }
}` as TypedQuery<BriefAnchorQuery, BriefAnchorQueryVariables>;

export type BriefData = BriefQuery;
export type BriefTarget = BriefQuery['recruitmentTargets'][number];
export type BriefChain = BriefQuery['chainGaps'][number];
export type BriefGrowthPoint = BriefQuery['growth'][number];
export type BriefAnchor = NonNullable<BriefAnchorQuery['enterprise']>;
export type BriefSource = BriefAnchor['sources'][number];

/** The district's recruitment pipeline now (not as of the briefing's date: the pipeline keeps no past). */
export const BRIEF_PIPELINE_QUERY = /* GraphQL */ `query BriefPipeline {
  pipeline { id stage team dueOn stageSince updatedAt enterprise { id name nameEn } }
}` as TypedQuery<BriefPipelineQuery, BriefPipelineQueryVariables>;

export type BriefPipelineEntry = BriefPipelineQuery['pipeline'][number];
