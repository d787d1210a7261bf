// The page the hash names (route.ts), as a hook: a component using it renders again on hashchange.
import { useSyncExternalStore } from 'react';
import { routeOf, type Route } from './route.ts';

function subscribe(l: () => void): () => void {
  window.addEventListener('hashchange', l);
  return () => window.removeEventListener('hashchange', l);
}

const current = (): Route => routeOf(typeof location === 'undefined' ? '' : location.hash);

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, current, current);
}
