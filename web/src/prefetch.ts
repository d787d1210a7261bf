// The first module index.html loads (Vite bundles it at the head of the main entry): the overview
// graph and the catalogue are the first thing every visit needs, so they go out before React,
// Cytoscape and the app are evaluated and rendered — ≈ 0.2–0.4 s earlier on the benchmark machine.
// useExplorerData adopts them (data/earlyRequests.ts).
// The registry pages (`#/import`, `#/review`) need neither: nothing is sent for them.
import { routeOf } from './app/route.ts';
import { startExplorerEarly } from './data/startExplorerEarly.ts';

if (routeOf(location.hash) === 'explorer') startExplorerEarly(location.search);
