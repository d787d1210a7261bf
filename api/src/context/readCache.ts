import type { Params, Row } from '../../../neo4j/src/index.ts';
import { within } from '../within.ts';
import type { Reader } from './reader.ts';

/** The database's state: equal strings mean no transaction committed in between (Db.dataVersion). */
export type VersionFn = () => Promise<string>;

interface Entry {
  version: string;
  rows: Row[];
}

const keyOf = (cypher: string, params: Params): string =>
  `${cypher}\u0000${JSON.stringify(params, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;

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
 * A read is stored only if it was slow (≥ `minCostMs`) and no transaction committed while it ran
 * (the version before and after are equal): Neo4j reads are read-committed, so a read that
 * overlapped a write could mix both states and must not outlive that moment. Stored rows are
 * frozen — they are shared by every later request. At most `maxEntries` are kept, least recently
 * used first out.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private seen: string | null = null;

  constructor(
    private readonly versionFn: VersionFn,
    private readonly maxEntries: number,
    private readonly minCostMs: number,
    /** How long to wait for the version: a hung database must not hang the request here. */
    private readonly timeoutMs: number,
  ) {}

  /** The version, or null when it could not be read in time (then nothing is served or stored). */
  private version(): Promise<string | null> {
    return within<string | null>(this.versionFn(), this.timeoutMs, null);
  }

  get size(): number {
    return this.entries.size;
  }

  /** A Reader that answers from the cache when the database is unchanged, else through `read`. */
  reader(read: Reader): Reader {
    if (this.maxEntries <= 0) return read;
    return async (cypher, params = {}) => {
      const key = keyOf(cypher, params);
      // If the version cannot be read, the database is in trouble: `read` reports that properly.
      const before = await this.version();
      if (before !== null && before !== this.seen) {
        // The database changed: every entry is stale, free them now rather than one by one.
        this.entries.clear();
        this.seen = before;
      }
      const hit = this.entries.get(key);
      if (hit && before !== null && hit.version === before) {
        this.entries.delete(key);
        this.entries.set(key, hit);
        return hit.rows;
      }
      const t0 = performance.now();
      const rows = await read(cypher, params);
      if (before !== null && performance.now() - t0 >= this.minCostMs) {
        const after = await this.version();
        if (after === before) this.store(key, { version: before, rows: deepFreeze(rows) });
      }
      return rows;
    };
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
