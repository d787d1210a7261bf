// The GraphQL documents the view sends. The same text is what "copy as GraphQL" hands out, so a
// researcher gets exactly what the browser asked.
//
// Each document is literal text marked /* GraphQL */: web/codegen.ts validates it against the API's
// SDL and generates its result and variables types (generated/graphql.ts), which the cast attaches
// to the string, so useGql and gql know what comes back. No `${…}` inside a document: the types
// must describe exactly what is sent.
import type { TypedQuery } from './graphqlClient.ts';
import type {
  CatalogueQuery,
  CatalogueQueryVariables,
  CircleQuery,
  CircleQueryVariables,
  DashboardQuery,
  DashboardQueryVariables,
  FirmGroupQuery,
  FirmGroupQueryVariables,
  OverviewGroupsQuery,
  OverviewGroupsQueryVariables,
  OverviewQuery,
  OverviewQueryVariables,
  OverviewSizeQuery,
  OverviewSizeQueryVariables,
  PathQuery,
  PathQueryVariables,
  PlaceFieldsFragment,
  ProfileQuery,
  ProfileQueryVariables,
  SearchQuery,
  SearchQueryVariables,
} from './generated/graphql.ts';

/** The fields of a graph node and edge the view reads: every graph query below selects exactly these. */
export const GRAPH_NODE_FIELDS = `id label labelEn kind isAnchor synthetic local segmentId segmentName chainId segmentOrder parkId landedOn leftOn signedOn sourceKind degree`;
export const GRAPH_EDGE_FIELDS = `id source target type label since sourceKind synthetic`;

export const OVERVIEW_QUERY = /* GraphQL */ `query Overview($filter: EnterpriseFilter, $asOf: AsOf, $limit: Int) {
  graph(filter: $filter, asOf: $asOf, limit: $limit) {
    truncated
    totalEnterprises
    nodes { id label labelEn kind isAnchor synthetic local segmentId segmentName chainId segmentOrder parkId landedOn leftOn signedOn sourceKind degree }
    edges { id source target type label since sourceKind synthetic }
  }
}` as TypedQuery<OverviewQuery, OverviewQueryVariables>;

/** How many firms the overview would draw: the count alone, which Neo4j reads from its count store. */
export const OVERVIEW_SIZE_QUERY = /* GraphQL */ `query OverviewSize {
  enterpriseAggregate { count }
}` as TypedQuery<OverviewSizeQuery, OverviewSizeQueryVariables>;

/** The aggregated overview: groups, ties between them, and their monthly series for the timeline. */
export const OVERVIEW_GROUPS_QUERY = /* GraphQL */ `query OverviewGroups($groupBy: OverviewGroupBy, $filter: EnterpriseFilter, $asOf: AsOf) {
  overviewGroups(groupBy: $groupBy, filter: $filter, asOf: $asOf) {
    groupBy enterprises tieCount months
    groups { id name nameEn chainId order count innerTies arrivals departures }
    ties { source target weight byType { type weight } added removed }
  }
}` as TypedQuery<OverviewGroupsQuery, OverviewGroupsQueryVariables>;

/** The groups a firm is in (its segment and park), to open it inside its group. */
export const FIRM_GROUP_QUERY = /* GraphQL */ `query FirmGroup($id: ID!) {
  enterprise(id: $id) { id segment { id } park { id } }
}` as TypedQuery<FirmGroupQuery, FirmGroupQueryVariables>;

export const CATALOGUE_QUERY = /* GraphQL */ `query Catalogue {
  chains { id name nameEn order segments { id name nameEn order layer layerEn } }
  anchors { id name nameEn landedOn }
  growth(interval: MONTH) { period landed departures net cumulative cumulativeNet investmentYuan }
}` as TypedQuery<CatalogueQuery, CatalogueQueryVariables>;

export const CIRCLE_QUERY = /* GraphQL */ `query Circle($anchorId: ID!, $depth: Int, $asOf: AsOf) {
  circle(anchorId: $anchorId, depth: $depth, asOf: $asOf) {
    nodes { id label labelEn kind isAnchor synthetic local segmentId segmentName chainId segmentOrder parkId landedOn leftOn signedOn sourceKind degree }
    edges { id source target type label since sourceKind synthetic }
  }
}` as TypedQuery<CircleQuery, CircleQueryVariables>;

export const PATH_QUERY = /* GraphQL */ `query Path($fromId: ID!, $toId: ID!, $maxLength: Int) {
  path(fromId: $fromId, toId: $toId, maxLength: $maxLength) {
    nodes { id label labelEn kind isAnchor synthetic local segmentId segmentName chainId segmentOrder parkId landedOn leftOn signedOn sourceKind degree }
    edges { id source target type label since sourceKind synthetic }
  }
}` as TypedQuery<PathQuery, PathQueryVariables>;

export const SEARCH_QUERY = /* GraphQL */ `query Search($query: String!, $limit: Int) {
  search(query: $query, limit: $limit) { id name nameEn aliases isAnchor landedOn }
}` as TypedQuery<SearchQuery, SearchQueryVariables>;

export const PROFILE_QUERY = /* GraphQL */ `query Profile($id: ID!) {
  enterprise(id: $id) {
    id name nameEn isAnchor aliases synthetic local kind unitType origin signedOn landedOn description revenueYuan investmentYuan sourceKind
    creditCode registrationNumber formerNames legalRepresentative status statusText foundedOn leftOn leftHow
    registeredCapital { amount currency text } paidInCapital { amount currency text } companyType industry address insuredStaff
    park { id name nameEn }
    relocatedFrom { id name nameEn }
    segment { id name nameEn layer layerEn chain { id name nameEn } }
    attracted { id name nameEn isAnchor }
    attractedBy { id name nameEn isAnchor }
    upstream { id name nameEn isAnchor }
    downstream { id name nameEn isAnchor }
    partners { id name nameEn isAnchor }
    parent { id name nameEn isAnchor }
    units { id name nameEn isAnchor }
    projects { id name nameEn amountYuan signedOn landedOn category }
    mechanisms { id name nameEn }
    sources { kind quote reason title publisher publishedOn url }
  }
}` as TypedQuery<ProfileQuery, ProfileQueryVariables>;

export const DASHBOARD_QUERY = /* GraphQL */ `query Dashboard($asOf: AsOf) {
  indicators { id name nameEn period value unit sources { kind quote reason title publisher publishedOn } }
  stats(asOf: $asOf) {
    asOf enterprises anchors synthetic outside projects investmentYuan
    byChain { chainId chainName count }
    byYear { year count }
    circles { anchor { id name nameEn } size }
  }
}` as TypedQuery<DashboardQuery, DashboardQueryVariables>;

/** What the view reads of a park: the fragment every `placesQuery` alias selects. */
export const PLACE_FIELDS = /* GraphQL */ `fragment PlaceFields on Place { id name nameEn kind }`;

/** The places with these ids in one request, aliased p0, p1 …: null for an unknown id. */
export function placesQuery(ids: string[]): TypedQuery<Record<string, PlaceFieldsFragment | null>, Record<string, string>> {
  const fields = ids.map((_, i) => `p${i}: place(id: $p${i}) { ...PlaceFields }`).join('\n  ');
  const vars = ids.map((_, i) => `$p${i}: ID!`).join(', ');
  return `query Places(${vars}) {\n  ${fields}\n}\n${PLACE_FIELDS}`;
}
