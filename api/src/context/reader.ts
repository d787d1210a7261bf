import type { Db, Params, Row } from '@cangshan/neo4j';
import { ApiError, ErrorCode, fromDriverError } from '../errors/index.ts';

export type Reader = (cypher: string, params?: Params) => Promise<Row[]>;

/**
 * Reads through `db` with a deadline: Neo4j aborts the transaction after `timeoutMs`, and the
 * request stops waiting then even if the database does not answer at all (an outage gives a clear
 * error code, not a hang); driver errors become ApiErrors (DATABASE_UNAVAILABLE or INTERNAL) here, once.
 */
export function makeReader(db: Db, timeoutMs: number): Reader {
  return async (cypher, params = {}) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ApiError(`The database did not answer within ${timeoutMs} ms (QUERY_TIMEOUT_MS). Retry later, or ask for less (smaller depth or limit).`, {
              code: ErrorCode.DATABASE_UNAVAILABLE,
            }),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([db.read(cypher, params, { timeoutMs }), deadline]);
    } catch (err) {
      throw fromDriverError(err);
    } finally {
      clearTimeout(timer);
    }
  };
}
