import type { ApolloServerPlugin } from '@apollo/server';
import { ApiError, ErrorCode } from '../errors/index.ts';
import { measureOperation } from './queryCost.ts';

/**
 * Refuses operations deeper than `maxDepth`, costlier than `maxComplexity`, or with more than
 * `maxRootFields` top-level fields (each is at least one database query) before any resolver
 * runs, with LIMIT_EXCEEDED naming the limit and its value (HTTP 400).
 * A plugin rather than a validation rule: cost depends on variables (`first: $n`), and Apollo
 * would recode a validation rule's error as GRAPHQL_VALIDATION_FAILED.
 */
export function limitsPlugin(limits: { maxDepth: number; maxComplexity: number; maxRootFields: number }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return; // graphql-js reports a missing operation itself
          const { depth, cost, rootFields } = measureOperation(document, operation, request.variables ?? {});
          if (rootFields > limits.maxRootFields) {
            throw new ApiError(
              `The operation asks for ${rootFields} top-level fields; the limit GRAPHQL_MAX_ROOT_FIELDS is ${limits.maxRootFields}. Split it into several requests.`,
              { code: ErrorCode.LIMIT_EXCEEDED, limit: { name: 'GRAPHQL_MAX_ROOT_FIELDS', max: limits.maxRootFields }, extra: { rootFields, http: { status: 400 } } },
            );
          }
          if (depth > limits.maxDepth) {
            throw new ApiError(`The query is ${depth} levels deep; the limit GRAPHQL_MAX_DEPTH is ${limits.maxDepth}. Ask for fewer nested levels, or split the query.`, {
              code: ErrorCode.LIMIT_EXCEEDED,
              limit: { name: 'GRAPHQL_MAX_DEPTH', max: limits.maxDepth },
              extra: { depth, http: { status: 400 } },
            });
          }
          if (cost > limits.maxComplexity) {
            throw new ApiError(
              `The query's estimated cost is ${cost}; the limit GRAPHQL_MAX_COMPLEXITY is ${limits.maxComplexity}. Lower \`first\`/\`limit\`, or select fewer nested lists.`,
              { code: ErrorCode.LIMIT_EXCEEDED, limit: { name: 'GRAPHQL_MAX_COMPLEXITY', max: limits.maxComplexity }, extra: { cost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
