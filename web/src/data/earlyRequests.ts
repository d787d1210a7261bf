// Requests started before React: web/src/prefetch.ts (the first module index.html loads) sends
// the explorer's first queries before the app is evaluated and rendered, and useGql adopts the one
// it would have sent itself instead of sending it again.
import { gql } from './graphqlClient.ts';

const early = new Map<string, Promise<unknown>>();
const keyOf = (query: string, varsKey: string) => `${query}\u0000${varsKey}`;

/** Sends `query` now, for a later `takeEarly` with the same query and variables; its answer, for requests that depend on it. */
export function startEarly<T = unknown>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const p = gql<T>(query, variables, { retries: 1 });
  p.catch(() => undefined); // the taker sees the failure; nobody taking it is not an error
  early.set(keyOf(query, JSON.stringify(variables)), p);
  return p;
}

/** The early request for this query and variables (`JSON.stringify(variables)`), once; else undefined. */
export function takeEarly<T>(query: string, varsKey: string): Promise<T> | undefined {
  const k = keyOf(query, varsKey);
  const p = early.get(k);
  early.delete(k);
  return p as Promise<T> | undefined;
}
