import { ApiError } from './ApiError.ts';
import { ErrorCode } from './codes.ts';

// Neo4j status codes and driver codes that mean "the database is not there or not answering"
// (neo4j-driver: ServiceUnavailable, SessionExpired; Neo4j: TransactionTimedOut*).
const UNAVAILABLE = /ServiceUnavailable|SessionExpired|TransactionTimedOut|DatabaseUnavailable|Neo\.TransientError/;
const ACQUISITION = /connection acquisition timed out|Connection was closed|Failed to connect|ECONNREFUSED|Pool is closed/i;

/**
 * Turns whatever the driver threw into an ApiError: DATABASE_UNAVAILABLE for an outage or a
 * timeout (retry later), INTERNAL for anything else (a bug in our Cypher). The original error
 * stays as `cause` for the log; its text (which may quote Cypher) never reaches the client.
 */
export function fromDriverError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message : String(err);
  if (UNAVAILABLE.test(code) || ACQUISITION.test(message) || /timed out/i.test(message)) {
    return new ApiError('The database is unavailable or did not answer in time. Retry in a few seconds; /readyz shows when it is back.', {
      code: ErrorCode.DATABASE_UNAVAILABLE,
      cause: err,
    });
  }
  return new ApiError('Internal error while reading the graph. The server log has the details.', { code: ErrorCode.INTERNAL, cause: err });
}
