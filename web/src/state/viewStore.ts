// The single home of the view state: components read it with `useView()` and change it with
// `updateView()`. Every change is mirrored into the URL (replaceState), so the address bar is
// always a shareable link; back/forward (popstate) reads it back.
import { useSyncExternalStore } from 'react';
import { fromSearch, toSearch, type ViewState } from './viewState.ts';

type Listener = () => void;

let state: ViewState = fromSearch(typeof location === 'undefined' ? '' : location.search);
const listeners = new Set<Listener>();

function emit(): void {
  for (const l of listeners) l();
}

export function getView(): ViewState {
  return state;
}

export function updateView(patch: Partial<ViewState> | ((v: ViewState) => Partial<ViewState>)): void {
  const p = typeof patch === 'function' ? patch(state) : patch;
  state = { ...state, ...p };
  const search = toSearch(state);
  if (typeof history !== 'undefined' && search !== location.search) {
    history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  }
  emit();
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    state = fromSearch(location.search);
    emit();
  });
}

function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useView(): ViewState {
  return useSyncExternalStore(subscribe, getView, getView);
}
