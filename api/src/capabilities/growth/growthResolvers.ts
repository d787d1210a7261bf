import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context/index.ts';
import { selectedFields } from '../../cypher/selectedProperties.ts';
import { notFound } from '../../errors/index.ts';
import type { AsOf, PeriodStart } from '../../scalars/index.ts';
import { idArg } from '../args.ts';
import { bucketGrowth, type GrowthFirm, type Interval } from './bucketGrowth.ts';
import { buildGrowthQuery } from './growthQuery.ts';

export const growthResolvers = {
  Query: {
    growth: async (_: unknown, args: { anchorId?: string | null; from?: PeriodStart; to?: AsOf; interval: Interval }, ctx: Context, info: GraphQLResolveInfo) => {
      const from = args.from ?? null;
      const to = args.to ?? null;
      const anchorId = args.anchorId ? idArg('anchorId', args.anchorId) : null;
      // The firms one by one only when their ids are asked for; else counted by dates in the database.
      const ids = selectedFields(info.fieldNodes.map((f) => f.selectionSet), info.fragments).some((f) => f.name.value === 'landedIds' || f.name.value === 'departedIds');
      const q = buildGrowthQuery(anchorId, to, ids);
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
