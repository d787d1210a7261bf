import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context/index.ts';
import { selectedFields } from '../../cypher/selectedProperties.ts';
import type { AsOf } from '../../scalars/index.ts';
import { buildStatsQuery, statsPartsFor } from './statsQuery.ts';

export const statsResolvers = {
  Query: {
    stats: async (_: unknown, args: { asOf?: AsOf }, ctx: Context, info: GraphQLResolveInfo) => {
      const asOf = args.asOf ?? null;
      // Only the parts the selection reads (fragments included): three counts skip the circles.
      const names = selectedFields(info.fieldNodes.map((f) => f.selectionSet), info.fragments).map((f) => f.name.value);
      const parts = statsPartsFor(names);
      if (parts.length === 0) return { asOf };
      const q = buildStatsQuery(asOf, parts);
      const row = (await ctx.read(q.cypher, q.params))[0] ?? {};
      return { asOf, ...row };
    },
  },
};
