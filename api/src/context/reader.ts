import type { Db, Params, Row } from '@cangshan/neo4j';
import { ApiError, ErrorCode, fromDriverError } from '../errors/index.ts';
import { healthOf, SUSPECT_AFTER_MS } from './databaseHealth.ts';

export type Reader = (cypher: string, params?: Params) => Promise<Row[]>;

/**
 * Reads through `db` with a deadline, each record decoded as it arrives (Db.readStream). At the
 * deadline the read is abandoned for real: the transaction is ended on the server and nothing
 * more of its answer is decoded, so a request that has had its answer (DATABASE_UNAVAILABLE,
 * 503) costs nothing more. Neo4j also aborts the transaction after `timeoutMs` by itself; the
 * request stops waiting at the deadline even if the database does not answer at all (an outage
 * gives a clear error code, not a hang). Driver errors become ApiErrors (DATABASE_UNAVAILABLE or
 * INTERNAL) here, once. Every read goes through the Db's circuit breaker (databaseHealth.ts):
 * while the database is known down it is refused at once, and when it goes down it is abandoned
 * at once, instead of waiting out the deadline.
 */
export function makeReader(db: Db, timeoutMs: number): Reader {
  const health = healthOf(db);
  const suspectAfterMs = Math.min(SUSPECT_AFTER_MS, timeoutMs / 4);
  return async (cypher, params = {}) => {
    const deadline = new AbortController();
    const timer = setTimeout(
      () =>
        deadline.abort(
          new ApiError(`The database did not answer within ${timeoutMs} ms (QUERY_TIMEOUT_MS). Retry later, or ask for less (smaller depth or limit).`, {
            code: ErrorCode.DATABASE_UNAVAILABLE,
          }),
        ),
      timeoutMs,
    );
    try {
      return await health.guard(() => db.readStream(cypher, params, { timeoutMs, signal: deadline.signal }), { suspectAfterMs, abort: (err) => deadline.abort(err) });
    } catch (err) {
      throw fromDriverError(err);
    } finally {
      clearTimeout(timer);
    }
  };
}
