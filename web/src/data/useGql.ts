// Runs one GraphQL operation for a component and keeps its state: loading, data, error. When the
// API cannot be reached it says so and tries again by itself (every RETRY_SECONDS), and `retry`
// tries at once. Signing in or out (a new session token) asks again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useToken } from '../auth/useToken.ts';
import { takeEarly } from './earlyRequests.ts';
import { gql, GraphqlRequestError, type TypedQuery, type VariablesArg } from './graphqlClient.ts';

export const RETRY_SECONDS = 5;

export interface GqlState<T> {
  data: T | null;
  loading: boolean;
  error: GraphqlRequestError | null;
  /** Seconds until the next automatic attempt after a network failure, else null. */
  retryIn: number | null;
  retry: () => void;
}

/** `query` null: nothing to ask (yet). Its result and variables types come with the query (`TypedQuery`). */
export function useGql<T, V>(query: TypedQuery<T, V> | null, ...[variables]: VariablesArg<V>): GqlState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(query !== null);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  const [retryIn, setRetryIn] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const varsKey = JSON.stringify(variables ?? {});
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const token = useToken();

  useEffect(() => {
    if (query === null) {
      setLoading(false);
      setData(null);
      return;
    }
    const ctrl = new AbortController();
    setLoading(true);
    (takeEarly<T>(query, varsKey) ?? gql<T, V>(query, JSON.parse(varsKey) as V, { signal: ctrl.signal, retries: 1 }))
      .then((d) => {
        if (ctrl.signal.aborted) return;
        setData(d);
        setError(null);
        setRetryIn(null);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        const err = e instanceof GraphqlRequestError ? e : new GraphqlRequestError(String(e), 'network', { cause: e });
        setError(err);
        setLoading(false);
        if (err.kind === 'network') {
          let left = RETRY_SECONDS;
          setRetryIn(left);
          timer.current = setInterval(() => {
            left -= 1;
            if (left <= 0) {
              if (timer.current) clearInterval(timer.current);
              setRetryIn(null);
              setAttempt((a) => a + 1);
            } else setRetryIn(left);
          }, 1000);
        }
      });
    return () => {
      ctrl.abort();
      if (timer.current) clearInterval(timer.current);
    };
  }, [query, varsKey, attempt, token]);

  return { data, loading, error, retryIn, retry };
}
