// `@cangshan/api/queries`: every Cypher builder and shared fragment, for the golden-Cypher tests,
// the PROFILE benchmarks and the backtest, which run the API's own statements without its server.
export type { CypherQuery } from './cypher/cypherQuery.ts';
export { lines } from './cypher/cypherQuery.ts';
export { asOfFragment } from './cypher/asOf.ts';
export { enterpriseProjection } from './cypher/enterpriseProjection.ts';
export { buildRelatedQuery } from './cypher/relatedQuery.ts';
export { FIRM_RELATIONS, graphEdgeProjection, graphNodeProjection } from './cypher/graphProjection.ts';
export { buildEnterpriseQuery } from './capabilities/enterprise/enterpriseQuery.ts';
export { buildEnterprisesQuery } from './capabilities/enterprises/enterprisesQuery.ts';
export { buildCircleQuery } from './capabilities/graph/circleQuery.ts';
export { buildChainQuery } from './capabilities/graph/chainQuery.ts';
export { buildPathQuery } from './capabilities/graph/pathQuery.ts';
export { buildGrowthQuery } from './capabilities/growth/growthQuery.ts';
export { buildSearchQuery } from './capabilities/search/searchQuery.ts';
export { buildTargetsQuery, buildChainGapsQuery, warmRecruitmentPlans } from './capabilities/recruitment/index.ts';
export { TIE_PATTERN, isCandidate } from './capabilities/recruitment/buildScope.ts';
