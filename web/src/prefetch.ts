// The first module index.html loads (Vite bundles it at the head of the main entry): the overview
// graph and the catalogue are the first thing every visit needs, so they go out before React,
// Cytoscape and the app are evaluated and rendered — ≈ 0.2–0.4 s earlier on the benchmark machine.
// useExplorerData adopts them (data/earlyRequests.ts).
// The registry pages (`#/import`, `#/review`) need neither: nothing is sent for them.
import { routeOf } from './app/route.ts';
import { startEarly } from './data/earlyRequests.ts';
import { CATALOGUE_QUERY, OVERVIEW_QUERY } from './data/queries.ts';
import { OVERVIEW_VARIABLES } from './export/viewQuery.ts';

if (routeOf(location.hash) === 'explorer') {
  startEarly(OVERVIEW_QUERY, OVERVIEW_VARIABLES);
  startEarly(CATALOGUE_QUERY);
}
