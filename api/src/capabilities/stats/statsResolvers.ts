import type { Context } from '../../context/index.ts';
import type { AsOf } from '../../scalars/index.ts';
import { buildStatsQuery } from './statsQuery.ts';

export const statsResolvers = {
  Query: {
    stats: async (_: unknown, args: { asOf?: AsOf }, ctx: Context) => {
      const asOf = args.asOf ?? null;
      const q = buildStatsQuery(asOf);
      const row = (await ctx.read(q.cypher, q.params))[0] ?? {};
      return { asOf, ...row };
    },
  },
};
