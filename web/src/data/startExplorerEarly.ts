// The explorer's first requests, sent before React (web/src/prefetch.ts): the catalogue, the
// district's size and, beside it, the groups a large district opens with; then, once the size is
// known, what else the overview plan asks for at that size (overviewPlan.ts) — the firms of a
// district the browser draws firm by firm, or the firms of the group a shared link drilled into.
// useExplorerData adopts each (earlyRequests.ts). The groups go out without waiting for the size:
// the size's answer would reach the page only after the app's first render (0.3 s later at 100k
// firms), and for a district small enough to draw firm by firm the unused groups are a small read.
import { apiFilter, OVERVIEW_VARIABLES } from '../export/viewQuery.ts';
import { fromSearch } from '../state/viewState.ts';
import { startEarly } from './earlyRequests.ts';
import type { OverviewSizeQuery } from './generated/graphql.ts';
import { overviewPlan } from './overviewPlan.ts';
import { CATALOGUE_QUERY, OVERVIEW_GROUPS_QUERY, OVERVIEW_QUERY, OVERVIEW_SIZE_QUERY } from './queries.ts';

export function startExplorerEarly(search: string): void {
  const view = fromSearch(search);
  const plan = (size: number) => overviewPlan(size, view.groupBy, view.group, OVERVIEW_VARIABLES.limit, apiFilter(view));
  const groups = plan(Number.MAX_SAFE_INTEGER).groups;
  startEarly<OverviewSizeQuery>(OVERVIEW_SIZE_QUERY)
    .then((d) => {
      const p = plan(d.enterpriseAggregate.count);
      if (p.graph) startEarly(OVERVIEW_QUERY, p.graph);
    })
    .catch(() => undefined); // useExplorerData asks again and shows the failure
  if (groups) startEarly(OVERVIEW_GROUPS_QUERY, groups);
  startEarly(CATALOGUE_QUERY);
}
