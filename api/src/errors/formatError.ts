import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApiError } from './ApiError.ts';
import { ErrorCode } from './codes.ts';
import { fromDriverError } from './fromDriverError.ts';

export type ErrorLogger = (err: unknown) => void;

/**
 * Apollo's `formatError` hook: what a client sees of an error. ApiErrors and graphql-js's own
 * request errors (parse, validation, variable coercion: GraphQLErrors without a thrown cause)
 * pass as they are; anything else thrown by a resolver is classified (a driver outage becomes
 * DATABASE_UNAVAILABLE) or becomes a generic INTERNAL error — logged, never echoed.
 */
export function makeFormatError(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ApiError) {
      if (original.code === ErrorCode.INTERNAL) log(original.cause ?? original);
      return formatted;
    }
    if (original instanceof GraphQLError) return formatted;
    const classified = fromDriverError(original);
    if (classified.code === ErrorCode.INTERNAL) log(original);
    return {
      message: classified.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: classified.code },
    };
  };
}
