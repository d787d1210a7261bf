// `@cangshan/web/bench`: what the browser benchmark reuses of the web app — the very queries the
// page sends, the layouts it computes and the names of its first-paint measures.
export { CATALOGUE_QUERY, OVERVIEW_GROUPS_QUERY, OVERVIEW_QUERY, OVERVIEW_SIZE_QUERY } from './data/queries.ts';
export { AGGREGATE_THRESHOLD } from './data/overviewPlan.ts';
export type { Graph } from './data/types.ts';
export { chainLayout, clusterLayout } from './graph/computeLayout.ts';
export { FIRST_PAINT_PHASES, MEASURE_PREFIX } from './graph/timed.ts';
