// Everything the explorer loads once: the district's size, then the firm graph (positions are
// computed from it once) or, for a district too large to draw firm by firm, its groups with their
// monthly series (overviewPlan.ts) and the firms of the group drilled into; the chains and anchors,
// the growth series, and the parks' names. The timeline never refetches these: it only moves a
// cursor over them.
import { useMemo } from 'react';
import { apiFilter, OVERVIEW_VARIABLES } from '../export/viewQuery.ts';
import type { ViewState } from '../state/viewState.ts';
import type { OverviewGroupsQuery, OverviewQuery } from './generated/graphql.ts';
import { overviewPlan, type OverviewPlan } from './overviewPlan.ts';
import { CATALOGUE_QUERY, CIRCLE_QUERY, OVERVIEW_GROUPS_QUERY, OVERVIEW_QUERY, OVERVIEW_SIZE_QUERY } from './queries.ts';
import { usePlaces } from './usePlaces.ts';
import type { Catalogue, OverviewGraph, OverviewGroups, Park } from './types.ts';
import { useGql, type GqlState } from './useGql.ts';

export type { Catalogue, OverviewGraph, Park };

const EMPTY: OverviewGraph = { nodes: [], edges: [], truncated: false, totalEnterprises: 0 };
const NO_PLAN: OverviewPlan = { aggregated: false, groups: null, graph: null, drilled: null };

export interface ExplorerData {
  /** The firm graph's request (the district's, or the drilled group's); its error is the size's while that fails. */
  overview: GqlState<OverviewQuery>;
  /** The firms drawn: the district's, the drilled group's, or none (all groups). */
  graph: OverviewGraph;
  catalogue: Catalogue | null;
  parks: Park[];
  /** How the overview is drawn; `aggregated` false until the size is known. */
  plan: OverviewPlan;
  /** Firms in the district (null until known). */
  size: number | null;
  groupsState: GqlState<OverviewGroupsQuery>;
  groups: OverviewGroups | null;
}

export function useExplorerData(view: ViewState): ExplorerData {
  const sizeQ = useGql(OVERVIEW_SIZE_QUERY);
  const size = sizeQ.data?.enterpriseAggregate.count ?? null;
  const { groupBy, group } = view;
  const filterKey = JSON.stringify(apiFilter(view));
  const plan = useMemo(
    () => (size === null ? NO_PLAN : overviewPlan(size, groupBy, group, OVERVIEW_VARIABLES.limit, JSON.parse(filterKey) as Record<string, unknown> | null)),
    [size, groupBy, group, filterKey],
  );
  const graphQ = useGql(plan.graph ? OVERVIEW_QUERY : null, plan.graph ?? {});
  const groupsQ = useGql(plan.groups ? OVERVIEW_GROUPS_QUERY : null, plan.groups ?? {});
  const catalogue = useGql(CATALOGUE_QUERY);
  // While another group loads, none: never the previous group's firms under the new name.
  const drawn = (plan.graph && !graphQ.loading && graphQ.data?.graph) || EMPTY;
  // A group larger than the drilled request's limit draws its best connected firms; a firm selected
  // (search, a link) beyond them is added with its ties to the firms drawn, so it is never missing.
  const missing = plan.drilled !== null && view.selected !== null && drawn.nodes.length > 0 && drawn.truncated && !drawn.nodes.some((n) => n.id === view.selected) ? view.selected : null;
  const circleQ = useGql(missing ? CIRCLE_QUERY : null, { anchorId: missing ?? '', depth: 1 });
  const graph = useMemo(() => {
    const extra = missing ? circleQ.data?.circle : null;
    const self = extra?.nodes.find((n) => n.id === missing);
    if (!extra || !self) return drawn;
    const ids = new Set(drawn.nodes.map((n) => n.id)).add(self.id);
    const edges = extra.edges.filter((e) => (e.source === self.id || e.target === self.id) && ids.has(e.source) && ids.has(e.target));
    return { ...drawn, nodes: [...drawn.nodes, self], edges: [...drawn.edges, ...edges] };
  }, [drawn, missing, circleQ.data]);
  const parkIds = useMemo(() => [...new Set(graph.nodes.map((n) => n.parkId).filter((x): x is string => !!x))].sort(), [graph]);
  const parks = usePlaces(parkIds);
  // Until the size is known, its request stands for the overview's (loading, or its error to retry).
  const overview: GqlState<OverviewQuery> =
    size === null
      ? { data: null, loading: sizeQ.loading, error: sizeQ.error, retryIn: sizeQ.retryIn, retry: sizeQ.retry }
      : plan.graph
        ? graphQ
        : { data: null, loading: groupsQ.loading, error: groupsQ.error, retryIn: groupsQ.retryIn, retry: groupsQ.retry };
  return { overview, graph, catalogue: catalogue.data, parks, plan, size, groupsState: groupsQ, groups: (plan.groups && groupsQ.data?.overviewGroups) || null };
}
