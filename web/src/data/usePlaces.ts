// The parks' names for the firms in view. A drilled group of a province holds firms of many parks:
// one operation with an alias per park went past the API's GRAPHQL_MAX_ROOT_FIELDS (50 by default)
// at 1M firms and was refused (400), so the names are read in several operations of at most
// PLACES_PER_REQUEST aliases, in parallel.
import { useEffect, useState } from 'react';
import { gql } from './graphqlClient.ts';
import { placesQuery } from './queries.ts';
import type { Park } from './types.ts';

/** Aliases per operation: below the API's default GRAPHQL_MAX_ROOT_FIELDS (50). */
export const PLACES_PER_REQUEST = 40;

/** The operations that read the places `ids` (sorted, distinct), each with its variables. */
export function placesRequests(ids: readonly string[], per = PLACES_PER_REQUEST): { query: ReturnType<typeof placesQuery>; variables: Record<string, string> }[] {
  const out = [];
  for (let i = 0; i < ids.length; i += per) {
    const chunk = ids.slice(i, i + per);
    out.push({ query: placesQuery(chunk), variables: Object.fromEntries(chunk.map((id, j) => [`p${j}`, id])) });
  }
  return out;
}

/** The parks with these ids (unknown ids left out). Decoration: a failed read leaves the names out. */
export function usePlaces(ids: readonly string[]): Park[] {
  const [parks, setParks] = useState<Park[]>([]);
  const key = ids.join('\n');
  useEffect(() => {
    const want = key === '' ? [] : key.split('\n');
    if (want.length === 0) {
      setParks([]);
      return;
    }
    const ctrl = new AbortController();
    Promise.all(placesRequests(want).map((r) => gql(r.query, r.variables, { signal: ctrl.signal, retries: 1 })))
      .then((rs) => {
        if (!ctrl.signal.aborted) setParks(rs.flatMap((r) => Object.values(r).filter((p): p is Park => !!p)));
      })
      .catch(() => {
        // The view draws without the parks' names; the next change of the firms in view reads them again.
      });
    return () => ctrl.abort();
  }, [key]);
  return parks;
}
