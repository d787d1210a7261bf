import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ApiError, ErrorCode } from '../errors/index.ts';
import { operationMemo } from './operationMemo.ts';
import { describeChain, estimateCost, MAX_QUERY_NODES, TooManySelections, type CostCaps, type CostEstimate } from './queryCost.ts';
import { measureShape } from './queryShape.ts';

/** The caps of GRAPHQL_MAX_PAGE_SIZE, GRAPHQL_MAX_GRAPH_NODES and GRAPHQL_MAX_SEARCH_RESULTS when the context does not carry the config (their defaults). */
const DEFAULT_CAPS: CostCaps = { maxPageSize: 1000, maxGraphNodes: 20_000, maxSearchResults: 100 };

const fmt = (n: number): string => n.toLocaleString('en-US');

function capsOf(context: BaseContext): CostCaps {
  const config = (context as { config?: Partial<CostCaps> }).config;
  return {
    maxPageSize: config?.maxPageSize ?? DEFAULT_CAPS.maxPageSize,
    maxGraphNodes: config?.maxGraphNodes ?? DEFAULT_CAPS.maxGraphNodes,
    maxSearchResults: config?.maxSearchResults ?? DEFAULT_CAPS.maxSearchResults,
  };
}

const costError = (message: string, extra: Record<string, unknown>, max: number): ApiError =>
  new ApiError(message, { code: ErrorCode.LIMIT_EXCEEDED, limit: { name: 'GRAPHQL_MAX_COMPLEXITY', max }, extra: { ...extra, http: { status: 400 } } });

/**
 * Refuses operations deeper than `maxDepth`, costlier than `maxComplexity` (queryCost.ts), or with
 * more than `maxRootFields` top-level fields (each is at least one database query) before any
 * resolver runs, with LIMIT_EXCEEDED naming the limit and its value (HTTP 400). The cost message
 * names the chain of fields that makes most of it.
 * A plugin rather than a validation rule: cost depends on variables (`first: $n`), and Apollo
 * would recode a validation rule's error as GRAPHQL_VALIDATION_FAILED.
 * Shape and cost are pure functions of the operation, its variables and the caps, so each is
 * computed once per operation and set of variables (operationMemo.ts) and compared with the
 * limits on every request: a repeated query costs two lookups here, not two walks of its document.
 */
export function limitsPlugin(limits: { maxDepth: number; maxComplexity: number; maxRootFields: number }): ApolloServerPlugin {
  const shapes = operationMemo<{ depth: number; rootFields: number }>();
  const costs = operationMemo<CostEstimate>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return; // graphql-js reports a missing operation itself
          const { depth, rootFields } = shapes(operation, '', () => measureShape(document, operation));
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
          let estimate;
          try {
            const caps = capsOf(contextValue);
            const variables = request.variables ?? {};
            const key = `${caps.maxPageSize},${caps.maxGraphNodes},${caps.maxSearchResults} ${JSON.stringify(variables)}`;
            estimate = costs(operation, key, () => estimateCost({ schema, document, operation, variables, caps }));
          } catch (err) {
            if (err instanceof TooManySelections) {
              throw costError(
                `The query has more than ${fmt(MAX_QUERY_NODES)} selections once its fragments are expanded where they are spread; its cost cannot be estimated within the limit GRAPHQL_MAX_COMPLEXITY (${fmt(limits.maxComplexity)}). Spread fewer fragments, or split the query.`,
                {},
                limits.maxComplexity,
              );
            }
            // An argument execution could not read either: say which, before anything runs.
            if (err instanceof GraphQLError) throw new ApiError(err.message, { code: ErrorCode.BAD_USER_INPUT, extra: { http: { status: 400 } } });
            throw err;
          }
          if (estimate.cost > limits.maxComplexity) {
            const chain = describeChain(estimate.heaviest);
            throw costError(
              `The query's estimated cost is ${fmt(estimate.cost)}; the limit GRAPHQL_MAX_COMPLEXITY is ${fmt(limits.maxComplexity)}.` +
                (chain ? ` Most of it comes from ${chain} (each list counted at the items it may hold).` : '') +
                ' Ask for fewer nested lists, give them a smaller `first` or `limit` (or `depth`), or split the query into several requests.',
              { cost: estimate.cost, ...(chain ? { heaviest: chain } : {}) },
              limits.maxComplexity,
            );
          }
        },
      };
    },
  };
}
