// The GraphQL documents of the placement review queue (api/src/capabilities/registry/registry.graphql)
// and the chains its segment picker offers. Literal text marked /* GraphQL */ (web/codegen.ts).
import type { TypedQuery } from '../data/graphqlClient.ts';
import type {
  ConfirmPlacementMutation,
  ConfirmPlacementMutationVariables,
  PlacementReviewQuery,
  PlacementReviewQueryVariables,
  RecentChangesQuery,
  RecentChangesQueryVariables,
  ReviewChainsQuery,
  ReviewChainsQueryVariables,
} from '../data/generated/graphql.ts';

export const PLACEMENT_REVIEW = /* GraphQL */ `query PlacementReview($first: Int, $offset: Int) {
  placementReview(first: $first, offset: $offset) {
    totalCount
    items {
      enterprise { id name nameEn }
      suggestedSegment { id name nameEn chain { id name nameEn } }
      confidence reason industry businessScope
    }
  }
}` as TypedQuery<PlacementReviewQuery, PlacementReviewQueryVariables>;

/** The chains and their segments, for the picker (the explorer's Catalogue asks more than this needs). */
export const REVIEW_CHAINS = /* GraphQL */ `query ReviewChains {
  chains { id name nameEn order segments { id name nameEn order } }
}` as TypedQuery<ReviewChainsQuery, ReviewChainsQueryVariables>;

/** The answer names the firm and the segment it has now. */
export const CONFIRM_PLACEMENT = /* GraphQL */ `mutation ConfirmPlacement($enterpriseId: ID!, $segmentId: ID) {
  confirmPlacement(enterpriseId: $enterpriseId, segmentId: $segmentId) {
    enterprise { id name nameEn placementReview segment { id name nameEn } }
    suggestedSegment { id name nameEn }
    confidence reason
  }
}` as TypedQuery<ConfirmPlacementMutation, ConfirmPlacementMutationVariables>;

/**
 * The audit trail's newest writes. confirmPlacement's answer (a PlacementReviewItem) names the
 * segment but not who decided and when; its Change record does (decisionRecord.ts finds it).
 */
export const RECENT_CHANGES = /* GraphQL */ `query RecentChanges($last: Int) {
  changes(last: $last) { at actor action detail }
}` as TypedQuery<RecentChangesQuery, RecentChangesQueryVariables>;
