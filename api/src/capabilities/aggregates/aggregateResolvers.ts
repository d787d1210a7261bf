import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { badInput } from '../../errors/index.ts';
import type { EnterpriseFilterInput } from '../enterprises/enterpriseFilter.ts';
import type { EnterpriseWhereInput } from '../enterprises/enterpriseWhere.ts';
import { keysOf, type AggregateGroupBy } from './aggregateKeys.ts';
import { buildEnterpriseAggregateQuery, buildRelatedAggregateQuery, RELATED_AGGREGATES, type AggregateOptions, type RelatedAggregate } from './aggregateQuery.ts';
import { aggregateSelectionOf, type LevelSelection } from './aggregateSelection.ts';

/** At most this many keys in `groupBy`: two keys of thirty segments and a dozen origins already make hundreds of groups. */
export const MAX_GROUP_KEYS = 2;
/** At most this many groups (`limit`). */
export const MAX_GROUPS = 1000;
export const DEFAULT_GROUPS = 200;

interface AggregateArgs {
  where?: EnterpriseWhereInput | null;
  asOf?: string | null;
  groupBy?: readonly AggregateGroupBy[] | null;
  limit?: number | null;
}

/** The arguments checked: BAD_USER_INPUT names the argument and says what it takes. */
function optionsOf(args: AggregateArgs, info: GraphQLResolveInfo): AggregateOptions {
  const groupBy = args.groupBy ?? [];
  if (groupBy.length > MAX_GROUP_KEYS) {
    throw badInput('groupBy', `\`groupBy\` takes at most ${MAX_GROUP_KEYS} keys (got ${groupBy.length}: ${groupBy.join(', ')}); ask for the other combinations in another aggregate (an alias).`);
  }
  if (new Set(groupBy).size < groupBy.length) throw badInput('groupBy', `\`groupBy\` names ${groupBy[0] ?? ''} twice; give each key once.`);
  const limit = args.limit ?? DEFAULT_GROUPS;
  if (!Number.isSafeInteger(limit) || limit < 0 || limit > MAX_GROUPS) {
    throw badInput('limit', `\`limit\` must be an integer from 0 to ${MAX_GROUPS} groups (got ${limit}); the largest groups come first.`);
  }
  return { where: args.where, asOf: args.asOf ?? null, groupBy, limit, selection: aggregateSelectionOf(info) };
}

type Stats = Record<string, unknown>;

/** A level of the answer from its row: what was selected, a statistics field with no row (an unknown parent) as no firm. */
function levelOf(level: LevelSelection, row: Row | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (level.count) out.count = (row?.count as number | undefined) ?? 0;
  for (const [field, stats] of Object.entries(level.stats)) {
    const got = (row?.[field] as Stats | undefined) ?? {};
    out[field] = Object.fromEntries(stats.map((s) => [s, got[s] ?? (s === 'count' ? 0 : null)]));
  }
  return out;
}

/** The EnterpriseAggregate of a result row (`total`, `groups`). */
function aggregateOf(opts: AggregateOptions, row: Row | null | undefined): Record<string, unknown> {
  const { total, groups } = opts.selection;
  const groupRows = (row?.groups as Row[] | undefined) ?? [];
  return {
    ...(total ? levelOf(total, row?.total as Row | null | undefined) : {}),
    groups: groups ? groupRows.map((g) => ({ keys: keysOf(opts.groupBy, g), ...levelOf(groups, g) })) : [],
  };
}

/** Whether the selection asks for anything the database computes (not so for `__typename` alone, or `groups` without `groupBy`). */
const computes = (opts: AggregateOptions): boolean => opts.selection.total !== null || (opts.selection.groups !== null && opts.groupBy.length > 0);

/** `Enterprise.<relation>Aggregate`: one statement for every parent of a level that asks the same (the key is the statement). */
function relatedAggregate(name: RelatedAggregate) {
  return async (parent: { id: string }, args: AggregateArgs, ctx: Context, info: GraphQLResolveInfo) => {
    const opts = optionsOf(args, info);
    const q = buildRelatedAggregateQuery(name, opts); // built first: it checks `where`
    if (!computes(opts)) return aggregateOf(opts, null);
    const loader = ctx.loaders.keyed<Row | null>(`aggregate:${q.cypher}\n${JSON.stringify(q.params)}`, async (ids) => {
      const rows = await ctx.read(q.cypher, { ...q.params, ids: [...ids] });
      const byId = new Map(rows.map((r) => [r.id as string, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    return aggregateOf(opts, await loader.load(parent.id));
  };
}

export const aggregateResolvers = {
  Query: {
    enterpriseAggregate: async (_: unknown, args: AggregateArgs & { filter?: EnterpriseFilterInput | null }, ctx: Context, info: GraphQLResolveInfo) => {
      const opts = optionsOf(args, info);
      const q = buildEnterpriseAggregateQuery({ ...opts, filter: args.filter }); // built first: it checks `where` and `filter`
      if (!computes(opts)) return aggregateOf(opts, null);
      // A district-wide read: through the read cache, like `stats`.
      const row = (await ctx.readCached(q.cypher, q.params))[0];
      return aggregateOf(opts, row);
    },
  },
  Enterprise: Object.fromEntries((Object.keys(RELATED_AGGREGATES) as RelatedAggregate[]).map((name) => [name, relatedAggregate(name)])),
};
