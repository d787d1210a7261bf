import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { ApiConfig } from '../config.ts';
import type { Context } from '../context/index.ts';
import { makeFormatError, type ErrorLogger } from '../errors/index.ts';
import { limitsPlugin } from '../validation/index.ts';

/**
 * Apollo Server 5 as the GraphQL engine, lean: the cache-control plugin (on by
 * default, ~1.6× per request on large responses), usage and schema reporting, inline tracing and
 * the landing page are off; parsed and validated documents are cached by Apollo's document store
 * (an LRU keyed by the query's hash, on by default), so a repeated query skips parse and validate.
 *
 * CSRF prevention is off: it blocks plain GET queries (the GraphQL-over-HTTP audit sends them),
 * and the attack it prevents needs ambient credentials — this API has none (no cookies; writes
 * need an explicit Bearer token, which a cross-site form cannot send).
 */
export function createApolloServer(schema: GraphQLSchema, config: ApiConfig, log: ErrorLogger): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    introspection: true,
    // Our process owns SIGINT/SIGTERM (main.ts drains HTTP first, then stops Apollo and Neo4j);
    // Apollo's own handlers would stop it under our feet and re-raise the signal.
    stopOnTerminationSignals: false,
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(log),
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin({ maxDepth: config.maxDepth, maxComplexity: config.maxComplexity, maxRootFields: config.maxRootFields }),
    ],
    logger: { debug: () => {}, info: () => {}, warn: (m) => log(m), error: (m) => log(m) },
  });
}
