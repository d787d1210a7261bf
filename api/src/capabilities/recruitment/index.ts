// Chain gaps and recruitment targets: the `@cangshan/api/recruitment` subpath (the backtest and the
// latency runs call the service and the builders without the server).
import { readFileSync } from 'node:fs';
import { recruitmentResolverMap } from './recruitmentResolvers.ts';

/** The capability's SDL (recruitment.graphql; the schema finds it on its own). */
export const recruitmentTypeDefs: string[] = [readFileSync(new URL('./recruitment.graphql', import.meta.url), 'utf8')];
export const recruitmentResolvers: Record<string, Record<string, unknown>> = recruitmentResolverMap;
export { chainGaps, recruitmentTargets, whatIf, recruitmentCursor, type ReadFn } from './recruitmentService.ts';
export { buildTargetsQuery, TARGET_LIMITS } from './buildTargetsQuery.ts';
export { warmRecruitmentPlans } from './warmPlans.ts';
export { buildChainGapsQuery } from './buildChainGapsQuery.ts';
export { GAP_THRESHOLDS, classifySegment, type GapStatus } from './gapStatus.ts';
export { VIA_UNITS } from './targetKind.ts';
export { DEFAULT_WEIGHTS, FACTOR_NAMES, HALF_SATURATION, RELATION_WEIGHTS, SATURATED_FACTORS, WEIGHT_FLOOR, FLOOR_EXEMPT, weightFloorOf, type FactorName, type FactorWeights, type Saturation } from './scoring.ts';
export { isoMonths, monthsBefore } from './scoring.ts';
