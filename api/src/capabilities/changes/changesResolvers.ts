import type { Context } from '../../context/index.ts';
import { intArg } from '../args.ts';
import { lines } from '../../cypher/cypherQuery.ts';

export const CHANGES_CYPHER = lines('MATCH (c:Change)', 'WITH c ORDER BY c.at DESC LIMIT $last', 'RETURN c {.*} AS c');

export const changesResolvers = {
  Query: {
    changes: async (_: unknown, args: { last: number }, ctx: Context) =>
      (await ctx.read(CHANGES_CYPHER, { last: intArg('last', args.last, 1, 500, 'MAX_CHANGES') })).map((r) => r.c),
  },
};
