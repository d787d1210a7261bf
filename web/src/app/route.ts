// Which page the app shows, from the URL's hash: `#/import` the registry import, `#/review` the
// placement review queue, `#/brief?…` the one-page briefing (brief/), anything else the explorer.
// The hash, not the query string, because the query string is the explorer's view state
// (state/viewState.ts) and is kept as it is while the planner visits the registry pages, so "back
// to the explorer" returns to the same view. No React here: prefetch.ts reads the route before
// React is evaluated (useRoute.ts is the hook).
export type Route = 'explorer' | 'import' | 'review' | 'brief';

export function routeOf(hash: string): Route {
  const h = hash.replace(/^#\/?/, '').replace(/[/?].*$/, '');
  return h === 'import' || h === 'review' || h === 'brief' ? h : 'explorer';
}

/** The link to a page (`href`). */
export function hrefOf(route: Route): string {
  return route === 'explorer' ? '#/' : `#/${route}`;
}
