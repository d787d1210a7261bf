import { normaliseAsOf } from '../../asOf/index.ts';
import type { Context } from '../../context/index.ts';
import { buildStatsQuery } from './statsQuery.ts';

export const statsResolvers = {
  Query: {
    stats: async (_: unknown, args: { asOf?: string | null }, ctx: Context) => {
      const asOf = normaliseAsOf(args.asOf);
      const q = buildStatsQuery(asOf);
      const row = (await ctx.read(q.cypher, q.params))[0] ?? {};
      return { asOf, ...row };
    },
  },
};
