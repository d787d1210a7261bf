import { mergeResolvers } from '../schema/mergeResolvers.ts';
import { changesResolvers } from './changes/changesResolvers.ts';
import { enterpriseResolvers } from './enterprise/enterpriseResolvers.ts';
import { enterprisesResolvers } from './enterprises/enterprisesResolvers.ts';
import { graphResolvers } from './graph/graphResolvers.ts';
import { growthResolvers } from './growth/growthResolvers.ts';
import { indicatorResolvers } from './indicators/indicatorResolvers.ts';
import { JSONScalar } from './jsonScalar.ts';
import { mutationResolvers } from './mutations/mutationResolvers.ts';
import { placeResolvers } from './places/placeResolvers.ts';
import { searchResolvers } from './search/searchResolvers.ts';
import { statsResolvers } from './stats/statsResolvers.ts';

/** Every resolver of the core schema, one module per capability (the Cypher sits beside each). */
export const resolvers = mergeResolvers(
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
  { JSON: JSONScalar },
);
