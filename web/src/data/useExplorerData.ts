// Everything the explorer loads once: the district graph (positions are computed from it once),
// the chains and anchors, the growth series, and the parks' names. The timeline never refetches
// these: it only moves a cursor over them.
import { useMemo } from 'react';
import { OVERVIEW_VARIABLES } from '../export/viewQuery.ts';
import { CATALOGUE_QUERY, OVERVIEW_QUERY, placesQuery } from './queries.ts';
import type { Graph, GrowthPoint, IndustryChain } from './types.ts';
import { useGql, type GqlState } from './useGql.ts';

export interface OverviewGraph extends Graph {
  truncated: boolean;
  totalEnterprises: number;
}

export interface Catalogue {
  chains: IndustryChain[];
  anchors: { id: string; name: string; nameEn?: string | null; landedOn?: string | null }[];
  growth: GrowthPoint[];
}

export interface Park {
  id: string;
  name: string;
  nameEn?: string | null;
}

const EMPTY: OverviewGraph = { nodes: [], edges: [], truncated: false, totalEnterprises: 0 };

export interface ExplorerData {
  overview: GqlState<{ graph: OverviewGraph }>;
  graph: OverviewGraph;
  catalogue: Catalogue | null;
  parks: Park[];
}

export function useExplorerData(): ExplorerData {
  const overview = useGql<{ graph: OverviewGraph }>(OVERVIEW_QUERY, OVERVIEW_VARIABLES);
  const catalogue = useGql<Catalogue>(CATALOGUE_QUERY);
  const graph = overview.data?.graph ?? EMPTY;
  const parkIds = useMemo(() => [...new Set(graph.nodes.map((n) => n.parkId).filter((x): x is string => !!x))].sort(), [graph]);
  const parkVars = useMemo(() => Object.fromEntries(parkIds.map((id, i) => [`p${i}`, id])), [parkIds]);
  const places = useGql<Record<string, Park | null>>(parkIds.length ? placesQuery(parkIds) : null, parkVars);
  const parks = useMemo(() => Object.values(places.data ?? {}).filter((p): p is Park => !!p), [places.data]);
  return { overview, graph, catalogue: catalogue.data, parks };
}
