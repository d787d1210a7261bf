import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { badInput } from '../../errors/index.ts';
import { intArg } from '../args.ts';
import { buildFindQuery, type SearchKind } from './findQuery.ts';
import { buildSearchQuery } from './searchQuery.ts';

interface SearchArgs {
  query: string;
  limit: number;
}

/** A `find` hit as the resolvers hold it: its kind and the node's projected properties. */
interface Hit {
  kind: SearchKind;
  node: Row & { id: string; name: string; nameEn?: string | null };
}

/** The query and limit of `search` and `find`, checked the same way. */
function searchArgs(args: SearchArgs, ctx: Context): { query: string; limit: number } {
  if (args.query.trim().length === 0 || args.query.length > 100) throw badInput('query', '`query` must be 1 to 100 characters, e.g. "头条", "toutiao" or "jrtt".');
  return { query: args.query, limit: intArg('limit', args.limit, 1, ctx.config.maxSearchResults, 'GRAPHQL_MAX_SEARCH_RESULTS') };
}

const of = (kind: SearchKind) => (h: Hit) => (h.kind === kind ? h.node : null);

export const searchResolvers = {
  Query: {
    search: async (_: unknown, args: SearchArgs, ctx: Context) => {
      const { query, limit } = searchArgs(args, ctx);
      const q = buildSearchQuery(query, limit);
      if (q === null) return [];
      return (await ctx.read(q.cypher, q.params)).map((r) => r.e);
    },
    find: async (_: unknown, args: SearchArgs, ctx: Context): Promise<Hit[]> => {
      const { query, limit } = searchArgs(args, ctx);
      const q = buildFindQuery(query, limit);
      if (q === null) return [];
      return (await ctx.read(q.cypher, q.params)).map((r) => ({ kind: r.kind as SearchKind, node: r.node as Hit['node'] }));
    },
  },
  SearchHit: {
    id: (h: Hit) => h.node.id,
    name: (h: Hit) => h.node.name,
    nameEn: (h: Hit) => h.node.nameEn ?? null,
    enterprise: of('ENTERPRISE'),
    project: of('PROJECT'),
    place: of('PLACE'),
    chain: of('CHAIN'),
    segment: of('SEGMENT'),
  },
};
