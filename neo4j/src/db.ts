import { randomUUID } from 'node:crypto';
import neo4j, { type AuthToken, type BookmarkManager, type Config, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { currentCausalScope, runCausally, type CausalResult } from './causalScope.ts';
import { toParams, toPlain } from './toPlain.ts';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** What `Db.checkBookmarks` found: the server has reached them, cannot read them, or has not reached them in time. */
export type BookmarkCheck = 'reached' | 'invalid' | 'not-reached';
/** Connections of the pool that `checkBookmarks` uses, apart from the queries' own (see there). */
const BOOKMARK_CHECK_POOL = 4;

/** How long an abandoned `readStream` waits for its transaction to end. */
const ABANDON_WAIT_MS = 1000;
/**
 * Records a `readStream` asks for at a time. The driver decodes a batch as it arrives, in one go:
 * with the default 1000 that held the event loop for 60–120 ms per batch of graph rows under load
 * (a cheap query's p99 ×23 beside two large answers), with 250 a quarter of that (×7), at no
 * measurable cost to the large answer itself.
 */
const STREAM_BATCH = 250;
/** The transaction metadata key by which an abandoned `readStream` finds its transaction. */
const ABANDON_TAG = 'abandonableRead';
const settle = (): void => undefined;
const sleep = (ms: number): Promise<false> => new Promise((resolve) => setTimeout(() => resolve(false), Math.max(0, ms)).unref());

export interface QueryEvent {
  cypher: string;
  params: Params;
  mode: 'READ' | 'WRITE';
}

/** A transaction handed to `Db.writeTx`: every `run` belongs to one all-or-nothing unit. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/** Where the driver connects, so that a probe can open a connection of its own (Db.probe). */
export interface Endpoint {
  uri: string;
  auth?: AuthToken;
}

/**
 * The one place that runs Cypher. Reads go in read transactions so that a cluster routes them to
 * followers; writes in write transactions, to the leader; the driver retries transient failures of
 * both. Every transaction is causally chained: inside `causally` (an API request) after the
 * client's bookmarks and the request's own earlier transactions, elsewhere after this process's
 * earlier ones (the driver's executeQuery bookmark manager), so a read never misses a write it
 * should see, whichever cluster member answers it. Every call is one round-trip (a `writeTx`
 * counts each `run`), reported to `onQuery` listeners — the API counts them per request to prove
 * it has no N+1.
 */
export class Db {
  readonly driver: Driver;
  readonly database: string | undefined;
  private readonly endpoint: Endpoint | undefined;
  private readonly listeners = new Set<(e: QueryEvent) => void>();
  private checkDriver: Driver | null = null;
  /** Records `readStream` has decoded so far (tests read it to show that an abandoned read stops decoding). */
  recordsDecoded = 0;

  constructor(driver: Driver, database?: string, endpoint?: Endpoint) {
    this.driver = driver;
    this.database = database;
    this.endpoint = endpoint;
  }

  /** A Db on the server at `uri` (bolt://, neo4j://, neo4j+s:// …), so callers need not hold the driver. */
  static open(uri: string, opts: { user?: string; password?: string; database?: string; config?: Config } = {}): Db {
    const auth = opts.user ? neo4j.auth.basic(opts.user, opts.password ?? '') : undefined;
    return new Db(neo4j.driver(uri, auth, opts.config), opts.database, { uri, auth });
  }

  onQuery(listener: (e: QueryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: QueryEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** The bookmarks every transaction starts from and updates: the causal scope's, else this process's. */
  private bookmarkManager(): BookmarkManager {
    return currentCausalScope()?.manager ?? this.driver.executeQueryBookmarkManager;
  }

  private wrote(): void {
    const scope = currentCausalScope();
    if (scope) scope.wrote = true;
  }

  /**
   * Runs `work` chained after `bookmarks` (a client's, from an earlier response of any server
   * using this database): each transaction it runs waits until its cluster member has caught up
   * with them, then with the scope's earlier transactions. Resolves with the bookmarks after the
   * last of them, which a later unit of work — on any replica — passes in turn to read its writes.
   */
  causally<T>(bookmarks: readonly string[], work: () => Promise<T>): Promise<CausalResult<T>> {
    return runCausally(bookmarks, work);
  }

  /**
   * Whether a cluster member has reached `bookmarks` within `timeoutMs`, asked with `RETURN 1` that
   * is not retried. Bookmarks come from clients: the server refuses a malformed one at once
   * ('invalid'), but waits up to 30 s (`db.transaction.bookmark_ready_timeout`) on one that names
   * a transaction it has not seen — a lagging follower, or a made-up number ('not-reached') — and
   * the driver would retry that wait. So the check runs on a small pool of its own: checks that
   * wait cannot take the connections every other query needs. Fails as a query would when the
   * server is unreachable.
   */
  async checkBookmarks(bookmarks: readonly string[], timeoutMs: number): Promise<BookmarkCheck> {
    const cypher = 'RETURN 1 AS one';
    this.emit({ cypher, params: {}, mode: 'READ' });
    this.checkDriver ??= this.endpoint
      ? neo4j.driver(this.endpoint.uri, this.endpoint.auth, { maxConnectionPoolSize: BOOKMARK_CHECK_POOL, connectionAcquisitionTimeout: timeoutMs, connectionTimeout: 5000 })
      : this.driver;
    const session = this.checkDriver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarks: [...bookmarks], disableAutoCommitRetries: true });
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = session.run(cypher).then(
        () => 'reached' as const,
        (err: unknown) => {
          const code = String((err as { code?: unknown }).code ?? '');
          if (/^Neo\.ClientError\.Transaction\.InvalidBookmark/.test(code)) return 'invalid' as const;
          if (code === 'Neo.TransientError.Transaction.BookmarkTimeout') return 'not-reached' as const;
          // The driver's own acquisition timeout: every check connection is waiting on a bookmark.
          if (/acquisition timed out/i.test(String((err as Error).message))) return 'not-reached' as const;
          throw err;
        },
      );
      const late = new Promise<'not-reached'>((resolve) => (timer = setTimeout(() => resolve('not-reached'), timeoutMs)));
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
      // Closing waits for the server's answer; nobody waits for the close.
      void session.close().catch(() => undefined);
    }
  }

  /** `opts.timeoutMs`: Neo4j aborts the transaction after this long (the API's per-query deadline). */
  async read(cypher: string, params: Params = {}, opts: { timeoutMs?: number } = {}): Promise<Row[]> {
    this.emit({ cypher, params, mode: 'READ' });
    const res = await this.driver.executeQuery(cypher, toParams(params) as Params, {
      routing: neo4j.routing.READ,
      database: this.database,
      bookmarkManager: this.bookmarkManager(),
      ...(opts.timeoutMs ? { transactionConfig: { timeout: opts.timeoutMs } } : {}),
    });
    return res.records.map((r) => toPlain(r.toObject()) as Row);
  }

  /**
   * Like `read`, with each record decoded as it arrives rather than the whole answer at the end:
   * an answer sent as many small rows is decoded a batch of records at a time, so the event loop
   * serves other requests in between (one huge record is unpacked in one go on the main thread —
   * seconds for a 20k-node graph). `opts.signal` abandons the read: no further record is decoded,
   * the transaction is ended on the server (TERMINATE TRANSACTIONS, found by a tag in its
   * metadata), and the promise rejects with the signal's reason once it has ended, or after
   * ABANDON_WAIT_MS. Transient failures are retried as `read`'s are, until abandoned.
   */
  async readStream(cypher: string, params: Params = {}, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Row[]> {
    const { signal } = opts;
    signal?.throwIfAborted();
    this.emit({ cypher, params, mode: 'READ' });
    const tag = signal ? randomUUID() : null;
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.bookmarkManager(),
      fetchSize: STREAM_BATCH,
    });
    const work = session.executeRead(
      (tx) => {
        if (signal?.aborted) return Promise.reject(signal.reason as Error);
        return new Promise<Row[]>((resolve, reject) => {
          const rows: Row[] = []; // a retry starts from no rows
          tx.run(cypher, toParams(params) as Params).subscribe({
            onNext: (record) => {
              if (signal?.aborted) return;
              const row: Row = {};
              for (const key of record.keys) row[key as string] = toPlain(record.get(key));
              rows.push(row);
              this.recordsDecoded++;
            },
            onCompleted: () => resolve(rows),
            onError: reject,
          });
        });
      },
      { ...(opts.timeoutMs ? { timeout: opts.timeoutMs } : {}), ...(tag ? { metadata: { [ABANDON_TAG]: tag } } : {}) },
    );
    // The session closes once its work is over, whichever way: closing it while records still
    // stream would RESET the connection, and a PULL the driver sends for the next batch after
    // that RESET fails on the connection's next user.
    const closed = work.then(settle, settle).then(() => session.close()).catch(settle);
    if (!signal || !tag) {
      try {
        return await work;
      } finally {
        await closed;
      }
    }
    let onAbort = (): void => {};
    const abandoned = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([work, abandoned]);
    } catch (err) {
      if (signal.aborted) await this.endTransaction(tag, work);
      throw err;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Ends the transaction of an abandoned `readStream` (tagged `tag`), looking again while it has
   * not begun on the server yet, and waits for `work` to be over — at most ABANDON_WAIT_MS in all.
   * SHOW TRANSACTIONS sees the server it runs on: in a cluster the read's own server may be
   * another, and then the transaction ends by its timeout while nothing more of it is decoded.
   */
  private async endTransaction(tag: string, work: Promise<unknown>): Promise<void> {
    let over = false;
    const done = work.then(settle, settle).then(() => {
      over = true;
    });
    const giveUpAt = Date.now() + ABANDON_WAIT_MS;
    const bounded = <T>(p: Promise<T>): Promise<T | boolean | void> => Promise.race([p, done, sleep(giveUpAt - Date.now())]);
    const cypher = `SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.${ABANDON_TAG} = $tag TERMINATE TRANSACTIONS transactionId YIELD message RETURN message`;
    while (!over && Date.now() < giveUpAt) {
      this.emit({ cypher, params: { tag }, mode: 'WRITE' });
      const ended = this.driver.executeQuery(cypher, { tag }, { database: this.database }).then((r) => r.records.length > 0, () => false);
      if ((await bounded(ended)) === true) break;
      await bounded(sleep(50));
    }
    await bounded(done);
  }

  async write(cypher: string, params: Params = {}): Promise<Row[]> {
    this.emit({ cypher, params, mode: 'WRITE' });
    const res = await this.driver.executeQuery(cypher, toParams(params) as Params, {
      routing: neo4j.routing.WRITE,
      database: this.database,
      bookmarkManager: this.bookmarkManager(),
    });
    this.wrote();
    return res.records.map((r) => toPlain(r.toObject()) as Row);
  }

  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  async writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarkManager() });
    try {
      const result = await session.executeWrite((mtx: ManagedTransaction) =>
        work({
          run: async (cypher, params = {}) => {
            this.emit({ cypher, params, mode: 'WRITE' });
            const res = await mtx.run(cypher, toParams(params) as Params);
            return res.records.map((r) => toPlain(r.toObject()) as Row);
          },
        }),
      );
      this.wrote();
      return result;
    } finally {
      await session.close();
    }
  }

  /** `PROFILE` a read and sum the db hits over the plan (benchmarks and work-count tests). */
  async profileDbHits(cypher: string, params: Params = {}): Promise<{ dbHits: number; rows: number }> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarkManager() });
    try {
      const res = await session.run(`PROFILE ${cypher}`, toParams(params) as Params);
      const sum = (p: { dbHits: number; children: unknown[] } | false | undefined): number =>
        p ? p.dbHits + p.children.reduce<number>((a, c) => a + sum(c as { dbHits: number; children: unknown[] }), 0) : 0;
      return { dbHits: sum(res.summary.profile as { dbHits: number; children: unknown[] }), rows: res.records.length };
    } finally {
      await session.close();
    }
  }

  /**
   * The database's state as an opaque string: the bookmark of an empty read, which names the last
   * committed transaction. Equal strings mean nothing was written in between, by anyone. Chained
   * like every read: inside `causally`, at least the state the client's bookmarks name.
   */
  async dataVersion(): Promise<string> {
    const cypher = 'RETURN 1 AS one';
    this.emit({ cypher, params: {}, mode: 'READ' });
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarkManager() });
    try {
      await session.run(cypher);
      return (await session.lastBookmarks()).join(' ');
    } finally {
      await session.close();
    }
  }

  /** Empties the database: every node and relationship, in batches of 10,000 (the schema stays). */
  async deleteAll(): Promise<void> {
    const cypher = 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS';
    this.emit({ cypher, params: {}, mode: 'WRITE' });
    // CALL … IN TRANSACTIONS needs an auto-commit transaction, which only session.run gives.
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarkManager() });
    try {
      await session.run(cypher);
      this.wrote();
    } finally {
      await session.close();
    }
  }

  /**
   * Asks the server `RETURN 1` on a connection of its own: 'answered', 'refused' (the connection
   * or the query failed: nothing listens, or the server turned it away) or 'silent' (no answer
   * within `timeoutMs`: the server or the network hangs, or is just slow). Unlike `ping`, neither
   * the driver's retries (which keep a query against a dead server waiting for up to 30 s) nor a
   * pool whose connections are all busy with long reads can delay or falsify the answer. Without
   * an endpoint it falls back to one unretried query on the pool.
   */
  async probe(timeoutMs: number): Promise<'answered' | 'refused' | 'silent'> {
    const driver = this.endpoint
      ? // The driver's own timeouts come after ours: a connection that hangs is 'silent', not 'refused'.
        neo4j.driver(this.endpoint.uri, this.endpoint.auth, { maxConnectionPoolSize: 1, connectionTimeout: timeoutMs + 1000, connectionAcquisitionTimeout: timeoutMs + 1000 })
      : this.driver;
    const session = driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = session.run('RETURN 1 AS one').then(
        (r) => (r.records.length === 1 ? ('answered' as const) : ('refused' as const)),
        () => 'refused' as const,
      );
      const late = new Promise<'silent'>((resolve) => (timer = setTimeout(() => resolve('silent'), timeoutMs)));
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => undefined);
      if (driver !== this.driver) void driver.close().catch(() => undefined);
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS one');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.checkDriver && this.checkDriver !== this.driver) await this.checkDriver.close();
    await this.driver.close();
  }
}
