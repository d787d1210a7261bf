// Chain gaps and recruitment targets (issue 6). The API's schema loader merges these in.
import { recruitmentResolverMap } from './recruitmentResolvers.ts';
import { recruitmentSdl } from './recruitmentTypeDefs.ts';

export const recruitmentTypeDefs: string[] = [recruitmentSdl];
export const recruitmentResolvers: Record<string, Record<string, unknown>> = recruitmentResolverMap;
export { chainGaps, recruitmentTargets, whatIf, recruitmentCursor, type ReadFn } from './recruitmentService.ts';
export { buildTargetsQuery, TARGET_LIMITS } from './buildTargetsQuery.ts';
export { warmRecruitmentPlans } from './warmPlans.ts';
export { buildChainGapsQuery } from './buildChainGapsQuery.ts';
export { GAP_THRESHOLDS, classifySegment, type GapStatus } from './gapStatus.ts';
export { DEFAULT_WEIGHTS, FACTOR_NAMES, type FactorWeights } from './scoring.ts';
export { isoMonths, monthsBefore } from './scoring.ts';
