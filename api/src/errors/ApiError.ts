import { GraphQLError } from 'graphql';
import { ErrorCode, HTTP_STATUS } from './codes.ts';

export interface ApiErrorOptions {
  code: ErrorCode;
  /** The argument at fault, for BAD_USER_INPUT and LIMIT_EXCEEDED. */
  argument?: string;
  /** For LIMIT_EXCEEDED: the limit's name and value. */
  limit?: { name: string; max: number };
  cause?: unknown;
  extra?: Record<string, unknown>;
}

/**
 * The one error family of the API. The message says what was wrong and how to fix the call;
 * `cause` keeps the original error for the server log and is never sent to clients.
 */
export class ApiError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(message: string, opts: ApiErrorOptions) {
    super(message, {
      originalError: opts.cause instanceof Error ? opts.cause : undefined,
      extensions: {
        code: opts.code,
        ...(opts.argument ? { argument: opts.argument } : {}),
        ...(opts.limit ? { limit: opts.limit.name, max: opts.limit.max } : {}),
        ...opts.extra,
        // Read by Apollo Server to set the HTTP status, then removed from the response.
        ...(HTTP_STATUS[opts.code] ? { http: { status: HTTP_STATUS[opts.code] } } : {}),
      },
    });
    this.name = 'ApiError';
    this.code = opts.code;
    if (opts.cause !== undefined) Object.defineProperty(this, 'cause', { value: opts.cause, enumerable: false });
  }
}

export const badInput = (argument: string, message: string, cause?: unknown): ApiError =>
  new ApiError(message, { code: ErrorCode.BAD_USER_INPUT, argument, cause });

export const limitExceeded = (argument: string, name: string, max: number, message: string): ApiError =>
  new ApiError(message, { code: ErrorCode.LIMIT_EXCEEDED, argument, limit: { name, max } });

export const notFound = (argument: string, message: string): ApiError =>
  new ApiError(message, { code: ErrorCode.NOT_FOUND, argument });
