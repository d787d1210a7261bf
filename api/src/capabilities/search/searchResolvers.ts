import type { Context } from '../../context/index.ts';
import { badInput } from '../../errors/index.ts';
import { intArg } from '../args.ts';
import { buildSearchQuery } from './searchQuery.ts';

export const searchResolvers = {
  Query: {
    search: async (_: unknown, args: { query: string; limit: number }, ctx: Context) => {
      if (args.query.trim().length === 0 || args.query.length > 100) throw badInput('query', '`query` must be 1 to 100 characters, e.g. "头条", "toutiao" or "jrtt".');
      const limit = intArg('limit', args.limit, 1, ctx.config.maxSearchResults, 'GRAPHQL_MAX_SEARCH_RESULTS');
      const q = buildSearchQuery(args.query, limit);
      if (q === null) return [];
      return (await ctx.read(q.cypher, q.params)).map((r) => r.e);
    },
  },
};
