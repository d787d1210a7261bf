// The pipeline as the leaders' panel holds it: one list shared by the board, the panel's summary
// and the ranking's marks, so a card moved on the board is marked in the ranking at once. Read
// once when first wanted, again on `reload` and when the session's token changes; a write
// replaces its entry with the one the API answered (the entry after the change, history included).
import { useEffect, useSyncExternalStore } from 'react';
import { subscribeToken } from '../../../auth/token.ts';
import { gql, GraphqlRequestError } from '../../../data/graphqlClient.ts';
import { PIPELINE_BOARD_QUERY, type PipelineEntry } from './pipelineQueries.ts';

export interface PipelineState {
  entries: PipelineEntry[] | null;
  loading: boolean;
  error: GraphqlRequestError | null;
}

let state: PipelineState = { entries: null, loading: false, error: null };
let wanted = false;
let latest = 0;
const listeners = new Set<() => void>();

function set(patch: Partial<PipelineState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

/**
 * The newer of each entry, by id: a read that was sent before a write and answers after it must not
 * put the entry back as it was. Entries are never deleted (DROPPED is a stage), so one missing from
 * a read was added after the read was answered: it stays.
 */
function merge(current: readonly PipelineEntry[] | null, read: readonly PipelineEntry[]): PipelineEntry[] {
  const byId = new Map(read.map((e) => [e.id, e]));
  for (const e of current ?? []) {
    const r = byId.get(e.id);
    if (!r || Date.parse(e.updatedAt) > Date.parse(r.updatedAt)) byId.set(e.id, e);
  }
  return [...byId.values()];
}

/** Reads the pipeline again; an older answer that arrives late is dropped. */
export function reloadPipeline(): void {
  const id = ++latest;
  set({ loading: true, error: null });
  gql(PIPELINE_BOARD_QUERY, {}, { retries: 1 })
    .then((d) => id === latest && set({ entries: merge(state.entries, d.pipeline), loading: false }))
    .catch((e: unknown) => id === latest && set({ loading: false, error: e instanceof GraphqlRequestError ? e : new GraphqlRequestError(String(e), 'network', { cause: e }) }));
}

/** Puts the API's answer for one entry in place of the old one (or adds it), unless a newer one is there already. */
export function putEntry(entry: PipelineEntry): void {
  set({ entries: merge(state.entries, [entry]) });
}

subscribeToken(() => {
  if (wanted) reloadPipeline();
});

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const snapshot = (): PipelineState => state;

/** The shared pipeline; the first component that asks starts the read. */
export function usePipeline(): PipelineState & { reload: () => void } {
  const s = useSyncExternalStore(subscribe, snapshot, snapshot);
  useEffect(() => {
    if (!wanted) {
      wanted = true;
      reloadPipeline();
    }
  }, []);
  return { ...s, reload: reloadPipeline };
}
