// Follows an import job: asks registryImportJob every POLL_MS until it is DONE or FAILED. The next
// question goes out once the last answer is in (never two at a time). A network failure keeps
// asking (the server may be restarting); a GraphQL or token error stops, to be shown. Signing in
// again (a new token) starts asking again.
import { useEffect, useState } from 'react';
import { useToken } from '../auth/useToken.ts';
import { gql, GraphqlRequestError } from '../data/graphqlClient.ts';
import { REGISTRY_IMPORT_JOB } from './registryDocuments.ts';
import type { RegistryJob } from './types.ts';

export const POLL_MS = 500;

export interface ImportJobState {
  job: RegistryJob | null;
  /** The server does not know the job (it restarted, or the id is wrong). */
  missing: boolean;
  error: GraphqlRequestError | null;
}

export function useImportJob(id: string | null): ImportJobState {
  const [state, setState] = useState<ImportJobState>({ job: null, missing: false, error: null });
  const token = useToken();
  useEffect(() => {
    if (!id) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const d = await gql(REGISTRY_IMPORT_JOB, { id }, { retries: 0, signal: ctrl.signal });
        if (ctrl.signal.aborted) return;
        const job = d.registryImportJob ?? null;
        setState({ job, missing: job === null, error: null });
        if (!job || job.state === 'DONE' || job.state === 'FAILED') return;
      } catch (e) {
        if (ctrl.signal.aborted) return;
        const error = e instanceof GraphqlRequestError ? e : new GraphqlRequestError(String(e), 'network', { cause: e });
        setState((s) => ({ ...s, error }));
        if (error.kind !== 'network') return;
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [id, token]);
  return state;
}
