// Which requests the overview makes, from the district's size and the view's grouping: the firms
// themselves up to AGGREGATE_THRESHOLD, above it the groups (overviewGroups) and, for a group drilled
// into, that group's firms through `graph(filter)`. One pure function, used by the early requests
// (startExplorerEarly.ts) and by useExplorerData, so both send exactly the same variables.
import type { GroupByName } from '../state/viewState.ts';

/** Above this many firms the overview opens aggregated: what the browser draws firm by firm quickly (≤ 2 s to the first view). */
export const AGGREGATE_THRESHOLD = 2000;
/** The id the firms with no group have in the view (the API's null id). */
export const NO_GROUP = '__none__';

/** The API's OverviewGroupBy for a view's grouping. */
export function apiGroupBy(g: GroupByName): 'SEGMENT' | 'PARK' | 'DISTRICT' {
  return g === 'park' ? 'PARK' : g === 'district' ? 'DISTRICT' : 'SEGMENT';
}

/** The `graph(filter)` that draws a group's firms; null when no filter expresses the group (the firms with none, a district). */
export function drillFilter(groupBy: GroupByName, group: string): { segmentId: string } | { parkId: string } | null {
  if (group === NO_GROUP || groupBy === 'district') return null;
  return groupBy === 'segment' ? { segmentId: group } : { parkId: group };
}

export interface OverviewPlan {
  aggregated: boolean;
  /** Variables of the OverviewGroups query, or null: not needed. */
  groups: { groupBy: 'SEGMENT' | 'PARK' | 'DISTRICT'; filter: Record<string, unknown> | null } | null;
  /** Variables of the Overview query (the firms drawn), or null: none are drawn (all groups). */
  graph: { limit: number; filter?: { segmentId: string } | { parkId: string } } | null;
  /** The group whose firms are drawn, or null. */
  drilled: string | null;
}

/**
 * The overview's requests for a district of `size` firms, the view's grouping and drilled group;
 * `fullLimit` is the Overview's own limit. `filter` is the view's filters in the API's form
 * (export/viewQuery.ts `apiFilter`): the groups count only the firms they let through, while a
 * drilled group's firms, like a small district's, are filtered in the browser.
 */
export function overviewPlan(size: number, groupBy: GroupByName, group: string | null, fullLimit: number, filter: Record<string, unknown> | null = null): OverviewPlan {
  if (size <= AGGREGATE_THRESHOLD) return { aggregated: false, groups: null, graph: { limit: fullLimit }, drilled: null };
  const drill = group ? drillFilter(groupBy, group) : null;
  return {
    aggregated: true,
    groups: { groupBy: apiGroupBy(groupBy), filter },
    graph: drill ? { filter: drill, limit: AGGREGATE_THRESHOLD } : null,
    drilled: drill ? group : null,
  };
}
