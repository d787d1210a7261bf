// `@cangshan/api/queries`: every Cypher builder and shared fragment, for the golden-Cypher tests,
// the PROFILE benchmarks and the backtest, which run the API's own statements without its server.
export type { CypherQuery } from './resolvers/cypherQuery.ts';
export { lines } from './resolvers/cypherQuery.ts';
export { asOfFragment } from './asOf/index.ts';
export { buildEnterpriseQuery } from './resolvers/enterprise/enterpriseQuery.ts';
export { enterpriseProjection } from './resolvers/enterprise/enterpriseProjection.ts';
export { buildRelatedQuery } from './resolvers/enterprise/relatedQuery.ts';
export { buildEnterprisesQuery } from './resolvers/enterprises/enterprisesQuery.ts';
export { buildCircleQuery } from './resolvers/circle/circleQuery.ts';
export { buildChainQuery } from './resolvers/chain/chainQuery.ts';
export { buildPathQuery } from './resolvers/path/pathQuery.ts';
export { buildGrowthQuery } from './resolvers/growth/growthQuery.ts';
export { buildSearchQuery } from './resolvers/search/searchQuery.ts';
export { FIRM_RELATIONS, graphEdgeProjection, graphNodeProjection } from './resolvers/graph/graphProjection.ts';
export { buildTargetsQuery, buildChainGapsQuery, warmRecruitmentPlans } from './recruitment/index.ts';
export { TIE_PATTERN, isCandidate } from './recruitment/buildScope.ts';
