// Shapes the view reads from the GraphQL API: the result types web/codegen.ts generates from the
// API's SDL for the documents in queries.ts (generated/graphql.ts), under the names the view uses.
// A field the API renames or drops, or a query that stops asking for it, breaks `tsc` here and
// where the view reads it — never silently at run time.
import type { CatalogueQuery, DashboardQuery, OverviewGroupsQuery, OverviewQuery, PlaceFieldsFragment, ProfileQuery, SearchQuery } from './generated/graphql.ts';

export type { SourceKind } from './generated/graphql.ts';

/** `graph` of the Overview query: the district, with whether it was cut to the requested limit. */
export type OverviewGraph = OverviewQuery['graph'];
/** A node as every graph query (Overview, Circle, Path, a target's evidence) selects it. */
export type GraphNode = OverviewGraph['nodes'][number];
export type GraphEdge = OverviewGraph['edges'][number];
export type Graph = Pick<OverviewGraph, 'nodes' | 'edges'>;

/** A firm's profile (the Profile query). */
export type Enterprise = NonNullable<ProfileQuery['enterprise']>;
export type EnterpriseRef = Enterprise['attracted'][number];
/** A source as the profile reads it; the dashboard's indicators read the same fields except `url`. */
export type Source = Enterprise['sources'][number];

export type SearchHit = SearchQuery['search'][number];

/** What the explorer loads once beside the graph: chains, anchors, growth (the Catalogue query). */
export type Catalogue = CatalogueQuery;
export type IndustryChain = Catalogue['chains'][number];
export type GrowthPoint = Catalogue['growth'][number];

export type Indicator = DashboardQuery['indicators'][number];

/** A park (or any place) by id, as `placesQuery` reads it. */
export type Park = PlaceFieldsFragment;

/** The aggregated overview (the OverviewGroups query): groups, ties between them, monthly series. */
export type OverviewGroups = OverviewGroupsQuery['overviewGroups'];
export type OverviewGroup = OverviewGroups['groups'][number];
export type OverviewTie = OverviewGroups['ties'][number];
