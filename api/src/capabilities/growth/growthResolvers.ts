import type { Context } from '../../context/index.ts';
import { notFound } from '../../errors/index.ts';
import type { AsOf, PeriodStart } from '../../scalars/index.ts';
import { idArg } from '../args.ts';
import { bucketGrowth, type GrowthFirm, type Interval } from './bucketGrowth.ts';
import { buildGrowthQuery } from './growthQuery.ts';

export const growthResolvers = {
  Query: {
    growth: async (_: unknown, args: { anchorId?: string | null; from?: PeriodStart; to?: AsOf; interval: Interval }, ctx: Context) => {
      const from = args.from ?? null;
      const to = args.to ?? null;
      const anchorId = args.anchorId ? idArg('anchorId', args.anchorId) : null;
      const q = buildGrowthQuery(anchorId, to);
      const row = (await ctx.readCached(q.cypher, q.params))[0];
      if (!row) throw notFound('anchorId', `No enterprise has id ${JSON.stringify(anchorId)}. List anchors with \`anchors { id name }\`.`);
      return bucketGrowth(
        row.firms as GrowthFirm[],
        row.projects as Array<{ date: string | null; amount: number }>,
        { from, to, interval: args.interval },
      );
    },
  },
};
