import type { Db } from '@cangshan/neo4j';
import { ApiError, ErrorCode, fromDriverError } from '../errors/index.ts';

/** How long a probe (`RETURN 1` on a connection of its own) may take before the server counts as down. */
export const PROBE_TIMEOUT_MS = 2_000;
/** While the database is down, it is probed this often; the first answer closes the circuit. */
export const RETRY_EVERY_MS = 1_000;
/** A read that has not answered after this long (or a quarter of its deadline, if less) makes the server probed. */
export const SUSPECT_AFTER_MS = 1_000;

/** What the server tells of a Neo4j it owns (neo4j's SupervisedServer): `down` the moment its JVM exits. */
export interface OwnedNeo4j {
  onStateChange(listener: (state: 'up' | 'down' | 'stopped') => void): () => void;
}

export interface HealthChange {
  down: boolean;
  reason: string;
  /** While down: since when; once up again: how long it was down. */
  ms: number;
}

/**
 * The circuit breaker of the read path, one per Db (`healthOf`). Without it, every request during
 * an outage waits out its whole deadline (QUERY_TIMEOUT_MS): the driver keeps retrying a refused
 * connection. With it:
 * - the circuit opens (the database is "known down") when the Neo4j this process owns exits
 *   (`watch`, told by the supervisor at once), when a probe is refused, or when two probes in a
 *   row get no answer — a probe runs when a read is slow (SUSPECT_AFTER_MS) or fails as an
 *   outage, and on a failed readiness check;
 * - opening answers every read in flight with DATABASE_UNAVAILABLE, and every new one at once;
 * - while open, a probe runs every RETRY_EVERY_MS; the first answer closes the circuit.
 * A probe asks `RETURN 1` on a connection of its own (Db.probe), so a pool busy with long
 * reads does not make a healthy server look down; a slow query alone never opens the circuit.
 */
export class DatabaseHealth {
  private downSince: number | null = null;
  private reason = '';
  /** Bumped whenever the circuit opens: a probe sent before that cannot close it. */
  private epoch = 0;
  private probing: Promise<boolean> | null = null;
  private lastAnswerAt = 0;
  /** Probes in a row that got no answer at all. */
  private silent = 0;
  private retry: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<(err: ApiError) => void>();
  private readonly listeners = new Set<(c: HealthChange) => void>();

  constructor(private readonly db: Db) {}

  /** True while the database is known to be down. */
  get down(): boolean {
    return this.downSince !== null;
  }

  onChange(listener: (c: HealthChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The error of a read refused while the circuit is open. */
  unavailable(): ApiError {
    const s = this.downSince === null ? 0 : Math.round((Date.now() - this.downSince) / 1000);
    return new ApiError(`The database is unavailable (for ${s} s now); requests are refused at once until it answers again. Retry in a few seconds; /readyz shows when it is back.`, {
      code: ErrorCode.DATABASE_UNAVAILABLE,
    });
  }

  /** Opens the circuit: reads in flight and new ones get DATABASE_UNAVAILABLE until a probe answers. */
  markDown(reason: string): void {
    this.epoch++;
    if (this.downSince === null) {
      this.downSince = Date.now();
      this.reason = reason;
      this.emit({ down: true, reason, ms: this.downSince });
    }
    const err = this.unavailable();
    for (const fail of this.inFlight) fail(err);
    this.scheduleRetry();
  }

  /**
   * Probes the server (one probe at a time; while up, at most one per RETRY_EVERY_MS after an
   * answer). An answer closes the circuit; a refusal (nothing listens, the connection breaks) opens
   * it; silence opens it only the second time in a row — a server swamped by heavy reads may let
   * one probe wait, and refusing every request then would be worse than waiting. Resolves to
   * whether it answered.
   */
  check(): Promise<boolean> {
    if (!this.down && Date.now() - this.lastAnswerAt < RETRY_EVERY_MS) return Promise.resolve(true);
    if (this.probing) return this.probing;
    const epoch = this.epoch;
    const asked = this.db.probe(PROBE_TIMEOUT_MS).catch(() => 'refused' as const);
    this.probing = asked.then((answer) => {
      this.probing = null;
      if (answer === 'answered') {
        this.silent = 0;
        this.lastAnswerAt = Date.now();
        if (epoch === this.epoch) this.markUp();
        return true;
      }
      if (answer === 'refused') this.markDown('it refuses connections');
      else if (++this.silent >= 2 || this.down) this.markDown(`no answer to RETURN 1 within ${PROBE_TIMEOUT_MS} ms, twice`);
      return false;
    });
    return this.probing;
  }

  /** Follows the Neo4j this process owns: its exit opens the circuit at once; its restart makes a probe. */
  watch(server: OwnedNeo4j): () => void {
    return server.onStateChange((state) => {
      if (state === 'down') this.markDown('the embedded Neo4j exited; it is being restarted');
      else if (state === 'up') void this.check();
    });
  }

  /**
   * Runs one read under the breaker: refused at once while the circuit is open, failed at once
   * when it opens meanwhile, and the server is probed if the read is slow or fails as an outage.
   */
  async guard<T>(read: () => Promise<T>, opts: { suspectAfterMs?: number; abort?: (err: ApiError) => void } = {}): Promise<T> {
    if (this.down) throw this.unavailable();
    const suspectAfterMs = opts.suspectAfterMs ?? SUSPECT_AFTER_MS;
    let fail: (err: ApiError) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      fail = (err) => {
        reject(err);
        // The read itself stops too (its transaction is ended), rather than retry on its own.
        opts.abort?.(err);
      };
    });
    this.inFlight.add(fail);
    // Again and again while it waits: a probe of a moment ago may have answered just before a crash.
    const suspect = setInterval(() => void this.check(), suspectAfterMs);
    try {
      return await Promise.race([read(), failed]);
    } catch (err) {
      if (fromDriverError(err).code === ErrorCode.DATABASE_UNAVAILABLE && !this.down) void this.check();
      throw err;
    } finally {
      clearInterval(suspect);
      this.inFlight.delete(fail);
    }
  }

  private markUp(): void {
    if (this.downSince === null) return;
    const ms = Date.now() - this.downSince;
    this.downSince = null;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.emit({ down: false, reason: this.reason, ms });
  }

  private scheduleRetry(): void {
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      // A failed probe opens the circuit again, which schedules the next one.
      void this.check();
    }, RETRY_EVERY_MS);
    // Probing alone never keeps a process alive.
    this.retry.unref();
  }

  private emit(c: HealthChange): void {
    for (const l of this.listeners) l(c);
  }
}

const registry = new WeakMap<Db, DatabaseHealth>();

/**
 * The DatabaseHealth of `db`, made on first use: every server, request and readiness check on the
 * same Db shares what is known of it (createContext and the health routes find it here).
 */
export function healthOf(db: Db): DatabaseHealth {
  let h = registry.get(db);
  if (!h) {
    h = new DatabaseHealth(db);
    registry.set(db, h);
  }
  return h;
}
