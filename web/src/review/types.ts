// The shapes the review queue reads: result types web/codegen.ts generates for reviewDocuments.ts.
import type { ConfirmPlacementMutation, PlacementReviewQuery } from '../data/generated/graphql.ts';
import type { DecisionRecord } from './decisionRecord.ts';

export type ReviewItemData = PlacementReviewQuery['placementReview']['items'][number];
export type ConfirmAnswer = ConfirmPlacementMutation['confirmPlacement'];

/** A decision made on this page: what was asked, what the server answered, and its record of who and when. */
export interface Decision {
  enterpriseId: string;
  asked: string | null;
  answer: ConfirmAnswer;
  /** From the audit trail; null when it could not be read (the answer's time then stands in). */
  record: DecisionRecord | null;
  at: Date;
}
