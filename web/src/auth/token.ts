// The API token the user signed in with, for this browser tab's session: kept in sessionStorage
// (gone when the tab closes, never written to localStorage or the URL), sent by every request as
// `Authorization: Bearer <token>` (data/graphqlClient.ts), and handed to GraphiQL opened from the
// app, which reads the same key (a tab opened from this one starts with a copy of its
// sessionStorage). No module here imports React, so the GraphiQL page can use it too.

export const TOKEN_KEY = 'cangshan.apiToken';

type Listener = () => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled: the token then lives as long as the page
  }
}

let memory: string | null = storage()?.getItem(TOKEN_KEY) ?? null;

export function getToken(): string | null {
  return memory;
}

/** Keeps `token` (trimmed; empty = sign out) and tells every subscriber. */
export function setToken(token: string | null): void {
  const t = token?.trim() || null;
  memory = t;
  const s = storage();
  if (t) s?.setItem(TOKEN_KEY, t);
  else s?.removeItem(TOKEN_KEY);
  for (const l of listeners) l();
}

export function subscribeToken(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The header that carries the token, or none. */
export function authHeaders(): Record<string, string> {
  return memory ? { authorization: `Bearer ${memory}` } : {};
}
