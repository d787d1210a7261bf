// The header's search asks `find`: firms, projects, places, chains and segments in one ranked list.
// A firm hit (and a project's owning firm) carries the fields the firms-only `search` gives, so
// whoever takes a picked firm gets the same shape from either.
import type { TypedQuery } from '../data/graphqlClient.ts';
import type { FindQuery, FindQueryVariables } from '../data/generated/graphql.ts';

export const FIND_QUERY = /* GraphQL */ `query Find($query: String!, $limit: Int) {
  find(query: $query, limit: $limit) {
    kind id name nameEn
    enterprise { id name nameEn aliases isAnchor landedOn }
    project { id landedOn park { id kind } enterprises { id name nameEn aliases isAnchor landedOn } }
    place { id kind }
    segment { id chain { id } }
  }
}` as TypedQuery<FindQuery, FindQueryVariables>;

/** One hit of `find`, as the search box lists it. */
export type FindHit = FindQuery['find'][number];
export type { SearchKind } from '../data/generated/graphql.ts';
