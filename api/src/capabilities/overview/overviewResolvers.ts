import type { Context } from '../../context/index.ts';
import type { AsOf } from '../../scalars/index.ts';
import type { EnterpriseFilterInput } from '../enterprises/enterpriseFilter.ts';
import { foldOverview } from './foldOverview.ts';
import { buildOverviewFirmsQuery, buildOverviewTiesQuery, buildOverviewTotalQuery, type OverviewGroupBy } from './overviewGroupsQuery.ts';

interface OverviewArgs {
  groupBy?: OverviewGroupBy | null;
  filter?: EnterpriseFilterInput | null;
  asOf?: AsOf | null;
}

/** `overviewGroups`: the district as groups, for an overview too large to draw firm by firm. */
export const overviewResolvers = {
  Query: {
    overviewGroups: async (_: unknown, args: OverviewArgs, ctx: Context) => {
      const opts = { groupBy: args.groupBy ?? 'SEGMENT', filter: args.filter, asOf: args.asOf ?? null } as const;
      // Built first: the filter checks its arguments (BAD_USER_INPUT) before anything is read.
      const firms = buildOverviewFirmsQuery(opts);
      const ties = buildOverviewTiesQuery(opts);
      const total = buildOverviewTotalQuery(opts);
      // District-wide reads of tens of thousands of rows at most: through the read cache, like `stats`.
      const [firmRows, tieRows, totalRows] = await Promise.all([
        ctx.readCached(firms.cypher, firms.params),
        ctx.readCached(ties.cypher, ties.params),
        ctx.readCached(total.cypher, total.params),
      ]);
      const out = foldOverview(firmRows, tieRows);
      const enterprises = typeof totalRows[0]?.n === 'number' ? totalRows[0].n : out.enterprises;
      return { groupBy: opts.groupBy, enterprises, tieCount: out.ties, months: out.months, groups: out.groups, ties: out.between };
    },
  },
};
