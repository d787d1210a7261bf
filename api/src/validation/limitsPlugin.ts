import type { ApolloServerPlugin } from '@apollo/server';
import { ApiError, ErrorCode } from '../errors/index.ts';
import { measureOperation } from './queryCost.ts';

/**
 * Refuses operations deeper than `maxDepth` or costlier than `maxComplexity` (issue 4, "Limits")
 * before any resolver runs, with LIMIT_EXCEEDED naming the limit and its value (HTTP 400).
 * A plugin rather than a validation rule: cost depends on variables (`first: $n`), and Apollo
 * would recode a validation rule's error as GRAPHQL_VALIDATION_FAILED.
 */
export function limitsPlugin(limits: { maxDepth: number; maxComplexity: number }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return; // graphql-js reports a missing operation itself
          const { depth, cost } = measureOperation(document, operation, request.variables ?? {});
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
