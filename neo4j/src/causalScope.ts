import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type BookmarkManager } from 'neo4j-driver';

/**
 * One unit of work chained after a client's earlier writes (an API request): every transaction
 * `Db` runs inside it, whatever the code path (a resolver, the importer, the read cache's version
 * check), starts from the bookmarks the client brought and leaves its own behind. Carried by
 * AsyncLocalStorage so that code which only holds the shared `Db` — the seed package's importer,
 * the mutations — needs no extra argument to take part.
 */
export interface CausalScope {
  readonly manager: BookmarkManager;
  /** Whether a write transaction committed in the scope (only then is a new bookmark worth handing back). */
  wrote: boolean;
}

export interface CausalResult<T> {
  value: T;
  wrote: boolean;
  /** The bookmarks after the scope's last transaction: the client's own when nothing ran. */
  bookmarks: string[];
}

const store = new AsyncLocalStorage<CausalScope>();

/** The scope the caller runs in, if any. */
export function currentCausalScope(): CausalScope | undefined {
  return store.getStore();
}

/** Runs `work` in a new causal scope that starts at `bookmarks` (none: no constraint). */
export async function runCausally<T>(bookmarks: readonly string[], work: () => Promise<T>): Promise<CausalResult<T>> {
  const scope: CausalScope = { manager: neo4j.bookmarkManager({ initialBookmarks: bookmarks }), wrote: false };
  const value = await store.run(scope, work);
  return { value, wrote: scope.wrote, bookmarks: [...(await scope.manager.getBookmarks())] };
}
