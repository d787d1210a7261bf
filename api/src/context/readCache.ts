import type { Params, Row } from '@cangshan/neo4j';
import { within } from '../within.ts';
import type { Reader } from './reader.ts';

/** The database's state: equal strings mean no transaction committed in between (Db.dataVersion). */
export type VersionFn = () => Promise<string>;

export interface ReadCacheOptions {
  /** Answers kept at most (least recently used out); 0 turns the cache off. */
  maxEntries: number;
  /** Only reads that took at least this long are kept. */
  minCostMs: number;
  /** How long to wait for the version: a hung database must not hang the request here. */
  versionTimeoutMs: number;
  /**
   * How often to look at the version while some answer is in demand; once it has changed and then
   * held still for one more look, those answers are read again in the background. 0 = never.
   */
  refreshMs?: number;
  /** How long after its last use an answer stays in demand (default 10 minutes). */
  hotMs?: number;
}

interface Entry {
  version: string;
  rows: readonly Row[];
}

/** A read of the database in progress, which other requests at the same version may join. */
interface Flight {
  version: string;
  rows: Promise<Row[]>;
}

/** An answer asked for again after it was kept: worth reading again in the background after a write. */
interface Hot {
  cypher: string;
  params: Params;
  read: Reader;
  usedAt: number;
  /** The version it was last read again at in the background: once per version, kept or not. */
  refreshedAt?: string;
}

const keyOf = (cypher: string, params: Params): string =>
  `${cypher}\u0000${JSON.stringify(params, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;

/** Sets `key` as the most recently used of `map`, dropping the least recently used beyond `max`. */
function lruSet<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as string);
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * Answers of the expensive district-wide reads (the overview graph, growth, the recruitment
 * ranking), kept while the database has not changed. "Not changed" is the database's own word:
 * the bookmark of an empty read transaction names the last committed transaction, so a write from
 * anywhere — this API, `npm run seed`, another server, a Cypher shell — ends every entry at once.
 *
 * - A read is stored only if it was slow (≥ `minCostMs`) and no transaction committed while it ran
 *   (the version before and after are equal): Neo4j reads are read-committed, so a read that
 *   overlapped a write could mix both states and must not outlive that moment. At most
 *   `maxEntries` are kept, least recently used first out.
 * - Identical reads at the same version share one trip to the database: sixteen visitors arriving
 *   after a write cost one overview read, not sixteen.
 * - Every answer it gives is frozen, because other requests may hold the very same rows.
 * - After a write, answers that were in demand are read again in the background once the version
 *   has held still for one look (`refreshMs`), so the next visitor finds them ready. Until then a
 *   request reads (or joins the refresh's read) as without the cache: nothing stale is ever served.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly flights = new Map<string, Flight>();
  private readonly hot = new Map<string, Hot>();
  private seen: string | null = null;
  private lastLook: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The background refresh in progress, if any (tests wait on it). */
  refreshing: Promise<void> | null = null;

  constructor(
    private readonly versionFn: VersionFn,
    private readonly opts: ReadCacheOptions,
  ) {}

  /** The version, or null when it could not be read in time (then nothing is served or stored). */
  private version(): Promise<string | null> {
    return within<string | null>(this.versionFn(), this.opts.versionTimeoutMs, null);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Stops the background refresh (server shutdown). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A Reader that answers from the cache when the database is unchanged, else through `read`. */
  reader(read: Reader): Reader {
    if (this.opts.maxEntries <= 0) return read;
    return async (cypher, params = {}) => {
      const key = keyOf(cypher, params);
      // If the version cannot be read, the database is in trouble: `read` reports that properly.
      const version = await this.version();
      if (version === null) return read(cypher, params);
      this.observe(version);
      const hit = this.entries.get(key);
      const fresh = hit?.version === version;
      // Asked for again while kept: in demand (and still so while it stays in demand).
      if (fresh || this.hot.has(key)) this.markHot(key, cypher, params, read);
      if (hit && fresh) {
        lruSet(this.entries, key, hit, this.opts.maxEntries);
        return hit.rows as Row[];
      }
      return this.load(key, cypher, params, read, version);
    };
  }

  /** The database is at `version`: if that is new, every entry is stale; free them now. */
  private observe(version: string): void {
    if (version === this.seen) return;
    this.entries.clear();
    this.seen = version;
  }

  /** Reads once for everyone asking at this version; keeps the answer if it is worth keeping. */
  private load(key: string, cypher: string, params: Params, read: Reader, version: string): Promise<Row[]> {
    const flying = this.flights.get(key);
    if (flying && flying.version === version) return flying.rows;
    const flight: Flight = { version, rows: Promise.resolve([]) };
    this.flights.set(key, flight);
    flight.rows = (async () => {
      const t0 = performance.now();
      try {
        const rows = deepFreeze(await read(cypher, params));
        if (performance.now() - t0 >= this.opts.minCostMs && (await this.version()) === version) this.store(key, { version, rows });
        return rows;
      } finally {
        if (this.flights.get(key) === flight) this.flights.delete(key);
      }
    })();
    return flight.rows;
  }

  private store(key: string, entry: Entry): void {
    // A read that finished after a newer version was seen describes an older state.
    if (entry.version !== this.seen) return;
    lruSet(this.entries, key, entry, this.opts.maxEntries);
  }

  private markHot(key: string, cypher: string, params: Params, read: Reader): void {
    lruSet(this.hot, key, { cypher, params, read, usedAt: Date.now(), refreshedAt: this.hot.get(key)?.refreshedAt }, this.opts.maxEntries);
    this.schedule();
  }

  /** Looks at the version every `refreshMs` while some answer is in demand. */
  private schedule(): void {
    const every = this.opts.refreshMs ?? 0;
    // One look at a time: a look in progress schedules the next one when it ends.
    if (every <= 0 || this.timer || this.refreshing || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refreshing = this.look().finally(() => {
        this.refreshing = null;
        if (this.hot.size > 0) this.schedule();
      });
    }, every);
    this.timer.unref();
  }

  /**
   * One look at the version. When it changed at an earlier look and has held still since (a burst
   * of writes, such as a staged import, is over), the answers in demand are read again, one after
   * another, at that version.
   */
  private async look(): Promise<void> {
    const hotMs = this.opts.hotMs ?? 600_000;
    for (const [key, h] of this.hot) if (Date.now() - h.usedAt > hotMs) this.hot.delete(key);
    if (this.hot.size === 0) return;
    const version = await this.version();
    if (version === null) return;
    const settled = version === this.lastLook;
    this.lastLook = version;
    this.observe(version);
    if (!settled) return;
    for (const [key, h] of [...this.hot]) {
      if (this.closed || this.seen !== version) return;
      if (this.entries.get(key)?.version === version || h.refreshedAt === version) continue;
      h.refreshedAt = version;
      // A failure here is the next request's to report; the background only tries.
      await this.load(key, h.cypher, h.params, h.read, version).catch(() => undefined);
    }
  }
}
