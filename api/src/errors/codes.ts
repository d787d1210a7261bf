/**
 * The stable error codes of the API, sent in `extensions.code` (Apollo Server's convention).
 * Clients branch on these, never on message text; add codes, never rename one.
 */
export const ErrorCode = {
  /** An argument is malformed or out of range; `extensions.argument` names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The request itself is malformed (invalid JSON, no query). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A referenced id does not exist (where `null` is not a possible answer). */
  NOT_FOUND: 'NOT_FOUND',
  /** A size, depth or cost limit was exceeded; `extensions.limit` names it and gives its value. */
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  /** No valid token was given where one is needed. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The token's role does not permit this operation. */
  FORBIDDEN: 'FORBIDDEN',
  /** A write conflicts with what is stored (an id already taken). */
  CONFLICT: 'CONFLICT',
  /** Neo4j cannot be reached or did not answer in time; retry later. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** Too many requests from this client; retry after `extensions.retryAfterSeconds`. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The server's memory is above MEMORY_GUARD_MB: an expensive request was not started; retry after `Retry-After`. */
  SERVER_BUSY: 'SERVER_BUSY',
  /** Anything else: a bug on our side. The message is generic; the server log has the cause. */
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The HTTP status an error of this code gives the whole response, so the HTTP layer never
 * guesses (graphql-yoga's way). Codes absent here are field errors: the response is 200 with
 * `data` for the other fields (GraphQL over HTTP, "application/json" responses), or 400 when
 * they fail the whole request before execution (parse, validation, depth and cost limits).
 */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  SERVER_BUSY: 503,
};
