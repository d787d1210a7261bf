// The URL's hash as a hook: the briefing renders again when its parameters change in place.
import { useSyncExternalStore } from 'react';

function subscribe(l: () => void): () => void {
  window.addEventListener('hashchange', l);
  return () => window.removeEventListener('hashchange', l);
}

const current = (): string => (typeof location === 'undefined' ? '' : location.hash);

export function useHash(): string {
  return useSyncExternalStore(subscribe, current, current);
}
