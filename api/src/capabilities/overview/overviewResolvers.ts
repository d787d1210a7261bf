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

/**
 * The folded answer of rows the read cache handed out before (the very same frozen arrays while the
 * data has not changed): at a million firms the fold of 66k tie rows took a good part of a warm
 * first view. Rows read afresh are new arrays, folded again.
 */
const folded = new WeakMap<object, { ties: object; out: ReturnType<typeof foldOverview> }>();

function foldOnce(firmRows: Parameters<typeof foldOverview>[0], tieRows: Parameters<typeof foldOverview>[1]): ReturnType<typeof foldOverview> {
  const hit = folded.get(firmRows);
  if (hit && hit.ties === tieRows) return hit.out;
  const out = foldOverview(firmRows, tieRows);
  if (Object.isFrozen(firmRows) && Object.isFrozen(tieRows)) folded.set(firmRows, { ties: tieRows, out });
  return out;
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
      const out = foldOnce(firmRows, tieRows);
      const enterprises = typeof totalRows[0]?.n === 'number' ? totalRows[0].n : out.enterprises;
      return { groupBy: opts.groupBy, enterprises, tieCount: out.ties, months: out.months, groups: out.groups, ties: out.between };
    },
  },
};
