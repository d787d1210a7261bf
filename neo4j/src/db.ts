import neo4j, { type Config, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { toParams, toPlain } from './toPlain.ts';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

export interface QueryEvent {
  cypher: string;
  params: Params;
  mode: 'READ' | 'WRITE';
}

/** A transaction handed to `Db.writeTx`: every `run` belongs to one all-or-nothing unit. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/**
 * The one place that runs Cypher. Reads go in read transactions so that a cluster routes them to
 * followers; writes in write transactions; the driver retries transient failures of both.
 * Every call is one round-trip (a `writeTx` counts each `run`), reported to `onQuery` listeners —
 * the API counts them per request to prove it has no N+1.
 */
export class Db {
  readonly driver: Driver;
  readonly database: string | undefined;
  private readonly listeners = new Set<(e: QueryEvent) => void>();

  constructor(driver: Driver, database?: string) {
    this.driver = driver;
    this.database = database;
  }

  /** A Db on the server at `uri` (bolt://, neo4j://, neo4j+s:// …), so callers need not hold the driver. */
  static open(uri: string, opts: { user?: string; password?: string; database?: string; config?: Config } = {}): Db {
    const auth = opts.user ? neo4j.auth.basic(opts.user, opts.password ?? '') : undefined;
    return new Db(neo4j.driver(uri, auth, opts.config), opts.database);
  }

  onQuery(listener: (e: QueryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: QueryEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** `opts.timeoutMs`: Neo4j aborts the transaction after this long (the API's per-query deadline). */
  async read(cypher: string, params: Params = {}, opts: { timeoutMs?: number } = {}): Promise<Row[]> {
    this.emit({ cypher, params, mode: 'READ' });
    const res = await this.driver.executeQuery(cypher, toParams(params) as Params, {
      routing: neo4j.routing.READ,
      database: this.database,
      ...(opts.timeoutMs ? { transactionConfig: { timeout: opts.timeoutMs } } : {}),
    });
    return res.records.map((r) => toPlain(r.toObject()) as Row);
  }

  async write(cypher: string, params: Params = {}): Promise<Row[]> {
    this.emit({ cypher, params, mode: 'WRITE' });
    const res = await this.driver.executeQuery(cypher, toParams(params) as Params, {
      routing: neo4j.routing.WRITE,
      database: this.database,
    });
    return res.records.map((r) => toPlain(r.toObject()) as Row);
  }

  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  async writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((mtx: ManagedTransaction) =>
        work({
          run: async (cypher, params = {}) => {
            this.emit({ cypher, params, mode: 'WRITE' });
            const res = await mtx.run(cypher, toParams(params) as Params);
            return res.records.map((r) => toPlain(r.toObject()) as Row);
          },
        }),
      );
    } finally {
      await session.close();
    }
  }

  /** `PROFILE` a read and sum the db hits over the plan (benchmarks and work-count tests). */
  async profileDbHits(cypher: string, params: Params = {}): Promise<{ dbHits: number; rows: number }> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
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
   * committed transaction. Equal strings mean nothing was written in between, by anyone.
   */
  async dataVersion(): Promise<string> {
    const cypher = 'RETURN 1 AS one';
    this.emit({ cypher, params: {}, mode: 'READ' });
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
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
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(cypher);
    } finally {
      await session.close();
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
    await this.driver.close();
  }
}
