// Everything the explorer loads once: the district graph (positions are computed from it once),
// the chains and anchors, the growth series, and the parks' names. The timeline never refetches
// these: it only moves a cursor over them.
import { useMemo } from 'react';
import { OVERVIEW_VARIABLES } from '../export/viewQuery.ts';
import type { OverviewQuery } from './generated/graphql.ts';
import { CATALOGUE_QUERY, OVERVIEW_QUERY, placesQuery } from './queries.ts';
import type { Catalogue, OverviewGraph, Park } from './types.ts';
import { useGql, type GqlState } from './useGql.ts';

export type { Catalogue, OverviewGraph, Park };

const EMPTY: OverviewGraph = { nodes: [], edges: [], truncated: false, totalEnterprises: 0 };

export interface ExplorerData {
  overview: GqlState<OverviewQuery>;
  graph: OverviewGraph;
  catalogue: Catalogue | null;
  parks: Park[];
}

export function useExplorerData(): ExplorerData {
  const overview = useGql(OVERVIEW_QUERY, OVERVIEW_VARIABLES);
  const catalogue = useGql(CATALOGUE_QUERY);
  const graph = overview.data?.graph ?? EMPTY;
  const parkIds = useMemo(() => [...new Set(graph.nodes.map((n) => n.parkId).filter((x): x is string => !!x))].sort(), [graph]);
  const parkVars = useMemo(() => Object.fromEntries(parkIds.map((id, i) => [`p${i}`, id])), [parkIds]);
  const places = useGql(parkIds.length ? placesQuery(parkIds) : null, parkVars);
  const parks = useMemo(() => Object.values(places.data ?? {}).filter((p): p is Park => !!p), [places.data]);
  return { overview, graph, catalogue: catalogue.data, parks };
}
