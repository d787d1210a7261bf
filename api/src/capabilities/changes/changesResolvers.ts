import type { Context } from '../../context/index.ts';
import { intArg } from '../args.ts';
import { lines } from '../../cypher/cypherQuery.ts';
import { requireRole } from '../mutations/requireRole.ts';

export const CHANGES_CYPHER = lines('MATCH (c:Change)', 'WITH c ORDER BY c.at DESC LIMIT $last', 'RETURN c {.*} AS c');

export const changesResolvers = {
  Query: {
    // Who wrote what is for the people who write: the same role as the mutations it records.
    changes: async (_: unknown, args: { last: number }, ctx: Context) => {
      requireRole(ctx, 'editor', 'changes');
      return (await ctx.read(CHANGES_CYPHER, { last: intArg('last', args.last, 1, 500, 'MAX_CHANGES') })).map((r) => r.c);
    },
  },
};
