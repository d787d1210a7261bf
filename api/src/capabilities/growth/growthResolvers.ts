import { normaliseAsOf, normaliseFrom } from '../../asOf/index.ts';
import type { Context } from '../../context/index.ts';
import { notFound } from '../../errors/index.ts';
import { idArg } from '../args.ts';
import { bucketGrowth, type Interval } from './bucketGrowth.ts';
import { buildGrowthQuery } from './growthQuery.ts';

export const growthResolvers = {
  Query: {
    growth: async (_: unknown, args: { anchorId?: string | null; from?: string | null; to?: string | null; interval: Interval }, ctx: Context) => {
      const from = normaliseFrom(args.from, 'from');
      const to = normaliseAsOf(args.to, 'to');
      const anchorId = args.anchorId ? idArg('anchorId', args.anchorId) : null;
      const q = buildGrowthQuery(anchorId, to);
      const row = (await ctx.readCached(q.cypher, q.params))[0];
      if (!row) throw notFound('anchorId', `No enterprise has id ${JSON.stringify(anchorId)}. List anchors with \`anchors { id name }\`.`);
      return bucketGrowth(
        row.firms as Array<{ id: string; landedOn: string }>,
        row.projects as Array<{ date: string | null; amount: number }>,
        { from, to: args.to ? args.to.trim() : null, interval: args.interval },
      );
    },
  },
};
