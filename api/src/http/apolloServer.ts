import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { ApiConfig } from '../config.ts';
import type { Context } from '../context/index.ts';
import { ApiError, ErrorCode, fromDriverError, makeFormatError, type ErrorLogger } from '../errors/index.ts';
import type { ErrorRecord } from './logger.ts';
import { stringifyInPieces } from './stringifyInPieces.ts';
import { limitsPlugin } from '../validation/index.ts';

/**
 * Logs the INTERNAL errors of a request (bugs) with their cause, the request id (graphqlHandler
 * passes it in the x-request-id header) and the operation. A client's own mistakes (parse,
 * validation, bad arguments) are answered, not logged; an unavailable database shows as the
 * request line's 503 (at level error) and in /readyz.
 */
function errorLogPlugin(log: ErrorLogger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const reqId = request.http?.headers.get('x-request-id');
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const e of errors) {
            const original = unwrapResolverError(e);
            if (original instanceof GraphQLError && !(original instanceof ApiError)) continue;
            const classified = fromDriverError(original);
            if (classified.code !== ErrorCode.INTERNAL) continue;
            const record: ErrorRecord = { err: classified.cause ?? classified, code: classified.code, reqId, operation: operationName ?? undefined };
            log(record);
          }
        },
      };
    },
  };
}

const SUGGESTION = / ?Did you mean .+\?$/;
const INTROSPECTION_REFUSED = /^GraphQL introspection is not allowed/;

/**
 * What clients see, after the error family's own formatting: with GRAPHQL_SUGGESTIONS=false no
 * "Did you mean …?" (in validation and in variable errors alike); introspection refused in our
 * words; Apollo's request errors without a code of ours (a persisted query whose hash does not
 * match its text, an unknown persisted-query version: status 400, code INTERNAL_SERVER_ERROR by
 * default) get BAD_REQUEST. PERSISTED_QUERY_NOT_FOUND and PERSISTED_QUERY_NOT_SUPPORTED pass as
 * Apollo sends them (its documented protocol: 200, and the client retries with the text).
 */
function formatErrorFor(config: ApiConfig) {
  const base = makeFormatError(() => {});
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let out = base(formatted, error);
    if (INTROSPECTION_REFUSED.test(out.message)) {
      out = { ...out, message: 'Introspection is off on this server (GRAPHQL_INTROSPECTION=false): __schema and __type are not answered.' };
    }
    if (!config.suggestions && SUGGESTION.test(out.message)) out = { ...out, message: out.message.replace(SUGGESTION, '') };
    const http = error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined) : undefined;
    if (out.extensions?.code === 'INTERNAL_SERVER_ERROR' && http?.status === 400) out = { ...out, extensions: { ...out.extensions, code: ErrorCode.BAD_REQUEST } };
    return out;
  };
}

/**
 * Apollo Server 5 as the GraphQL engine, lean: the cache-control plugin (on by
 * default, ~1.6× per request on large responses), usage and schema reporting, inline tracing and
 * the landing page are off; parsed and validated documents are cached by Apollo's document store
 * (an LRU keyed by the query's hash, on by default), so a repeated query skips parse and validate.
 * Automatic persisted queries stay on (Apollo's bounded in-memory cache).
 *
 * CSRF prevention is off: it blocks plain GET queries (the GraphQL-over-HTTP audit sends them),
 * and the attack it prevents needs ambient credentials — this API has none (no cookies; writes
 * need an explicit Bearer token, which a cross-site form cannot send).
 */
export function createApolloServer(schema: GraphQLSchema, config: ApiConfig, log: ErrorLogger): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    // Apollo's own switch for "Did you mean" in validation errors; formatErrorFor covers the rest.
    hideSchemaDetailsFromClientErrors: !config.suggestions,
    // Our process owns SIGINT/SIGTERM (main.ts drains HTTP first, then stops Apollo and Neo4j);
    // Apollo's own handlers would stop it under our feet and re-raise the signal.
    stopOnTerminationSignals: false,
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorFor(config),
    // The same JSON, long lists written a piece at a time: a large graph answer does not hold up other requests.
    stringifyResult: stringifyInPieces,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin({ maxDepth: config.maxDepth, maxComplexity: config.maxComplexity, maxRootFields: config.maxRootFields }),
      errorLogPlugin(log),
    ],
    logger: { debug: () => {}, info: () => {}, warn: (m) => log(m), error: (m) => log(m) },
  });
}
