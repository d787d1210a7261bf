// The explorer's first requests, sent before React (web/src/prefetch.ts): the catalogue, and the
// district's size, then at once what the overview plan asks for at that size (overviewPlan.ts) —
// the firms of a district the browser draws firm by firm, or the groups of a larger one (and the
// firms of the group a shared link drilled into). useExplorerData adopts each (earlyRequests.ts).
import { apiFilter, OVERVIEW_VARIABLES } from '../export/viewQuery.ts';
import { fromSearch } from '../state/viewState.ts';
import { startEarly } from './earlyRequests.ts';
import type { OverviewSizeQuery } from './generated/graphql.ts';
import { overviewPlan } from './overviewPlan.ts';
import { CATALOGUE_QUERY, OVERVIEW_GROUPS_QUERY, OVERVIEW_QUERY, OVERVIEW_SIZE_QUERY } from './queries.ts';

export function startExplorerEarly(search: string): void {
  const view = fromSearch(search);
  startEarly<OverviewSizeQuery>(OVERVIEW_SIZE_QUERY)
    .then((d) => {
      const plan = overviewPlan(d.enterpriseAggregate.count, view.groupBy, view.group, OVERVIEW_VARIABLES.limit, apiFilter(view));
      if (plan.groups) startEarly(OVERVIEW_GROUPS_QUERY, plan.groups);
      if (plan.graph) startEarly(OVERVIEW_QUERY, plan.graph);
    })
    .catch(() => undefined); // useExplorerData asks again and shows the failure
  startEarly(CATALOGUE_QUERY);
}
