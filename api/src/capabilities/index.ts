import { aggregateResolvers } from './aggregates/aggregateResolvers.ts';
import { changesResolvers } from './changes/changesResolvers.ts';
import { connectionResolvers } from './connections/connectionResolvers.ts';
import { enterpriseResolvers } from './enterprise/enterpriseResolvers.ts';
import { enterprisesResolvers } from './enterprises/enterprisesResolvers.ts';
import { graphResolvers } from './graph/graphResolvers.ts';
import { growthResolvers } from './growth/growthResolvers.ts';
import { indicatorResolvers } from './indicators/indicatorResolvers.ts';
import { mutationResolvers } from './mutations/mutationResolvers.ts';
import { overviewResolvers } from './overview/overviewResolvers.ts';
import { pipelineResolvers } from './pipeline/pipelineResolvers.ts';
import { placeResolvers } from './places/placeResolvers.ts';
import { recruitmentResolverMap } from './recruitment/recruitmentResolvers.ts';
import { registryResolvers } from './registry/registryResolvers.ts';
import { searchResolvers } from './search/searchResolvers.ts';
import { statsResolvers } from './stats/statsResolvers.ts';

/**
 * Every capability's resolvers. Each capability keeps its SDL (`<name>.graphql`), its resolvers and
 * its Cypher builders side by side; schema/buildApiSchema.ts merges them all into one schema.
 */
export const capabilityResolvers: ReadonlyArray<Record<string, unknown>> = [
  enterpriseResolvers,
  enterprisesResolvers,
  searchResolvers,
  graphResolvers,
  growthResolvers,
  indicatorResolvers,
  placeResolvers,
  statsResolvers,
  changesResolvers,
  mutationResolvers,
  recruitmentResolverMap,
  registryResolvers,
  pipelineResolvers,
  connectionResolvers,
  aggregateResolvers,
  overviewResolvers,
];
