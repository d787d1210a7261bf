import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { MAX_NESTED_FIRST } from '../../cypher/relatedQuery.ts';
import { prefetchKey, type NestedPlanner } from '../../cypher/nestedReads.ts';
import { connectionSelection } from '../../cypher/selectedProperties.ts';
import type { AsOf } from '../../scalars/index.ts';
import { intArg } from '../args.ts';
import { decodeSortCursor, encodeSortCursor, normaliseSort, type EnterpriseSortInput } from '../enterprises/enterpriseSort.ts';
import type { EnterpriseWhereInput } from '../enterprises/enterpriseWhere.ts';
import { buildConnectionQuery, CONNECTION_LISTS, connectionSubqueries, type ConnectionField, type ConnectionOptions } from './connectionQuery.ts';
import { listSort } from './listSort.ts';

/** The arguments of every nested connection (`local` on ChainSegment.enterprisesConnection only). */
export interface ConnectionArgs {
  asOf?: AsOf;
  local?: boolean | null;
  where?: EnterpriseWhereInput | null;
  sort?: readonly EnterpriseSortInput[] | null;
  first?: number | null;
  after?: string | null;
}

/** The page size the SDL gives when `first` is omitted. */
const DEFAULT_FIRST = 20;

/** What the loader answers for one parent: the page's rows (one more than `first` when there is a next page) and the total when it was counted. */
interface ParentPage {
  items: Array<{ node: Row & { id: string }; keys: unknown[] }>;
  totalCount: number | null;
}

/**
 * A connection's arguments checked (BAD_USER_INPUT or LIMIT_EXCEEDED naming the argument, before
 * any read) and turned into the options of its Cypher, with what the selection needs.
 */
export function connectionOptions(field: ConnectionField, args: ConnectionArgs, info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): ConnectionOptions {
  const first = intArg('first', args.first ?? DEFAULT_FIRST, 0, MAX_NESTED_FIRST, 'MAX_NESTED_FIRST');
  // No sort (or an empty one): the plain list's own order, as a sort (listSort.ts).
  const sort = args.sort && args.sort.length > 0 ? normaliseSort(args.sort) : listSort(CONNECTION_LISTS[field]);
  const after = args.after ? decodeSortCursor(args.after, sort) : null;
  const sel = connectionSelection(info);
  return {
    asOf: args.asOf ?? null,
    local: args.local ?? null,
    where: args.where ?? null,
    sort,
    first,
    after,
    withRows: sel.needsRows,
    withTotal: sel.needsTotal,
    props: sel.props,
  };
}

/** Whether a value is a connection's page as its firm's own statement read it (nestedReads.ts). */
const isParentPage = (v: unknown): v is ParentPage => typeof v === 'object' && v !== null && 'items' in v && 'totalCount' in v;

/**
 * A nested connection: the page of this parent as its firm's statement read it (`enterprise(id)`:
 * api/src/cypher/nestedReads.ts), or from the loader that answers every parent of the level with
 * the same arguments and selection in one Cypher.
 */
const connection =
  (field: ConnectionField) =>
  async (parent: { id: string } & Record<string, unknown>, args: ConnectionArgs, ctx: Context, info: GraphQLResolveInfo) => {
    const opts = connectionOptions(field, args, info);
    const { first, sort, after } = opts;
    const prefetched = parent[prefetchKey(info.fieldNodes[0]?.alias?.value ?? info.fieldName)];
    let page: ParentPage;
    if (isParentPage(prefetched)) page = { items: prefetched.items ?? [], totalCount: prefetched.totalCount };
    else {
      // Built here (not in the batch) so that what it refuses fails this field alone.
      const q = buildConnectionQuery(field, [], opts);
      const key = `connection|${field}|${JSON.stringify(opts)}`;
      page = await ctx.loaders
        .keyed<ParentPage>(key, async (ids) => {
          const rows = await ctx.read(q.cypher, { ...q.params, ids: [...ids] });
          const byId = new Map(rows.map((r) => [r.id as string, { items: (r.items as ParentPage['items'] | null) ?? [], totalCount: (r.totalCount as number | null) ?? null }]));
          return ids.map((id) => byId.get(id) ?? { items: [], totalCount: 0 });
        })
        .load(parent.id);
    }
    const rows = page.items.slice(0, first);
    const edges = rows.map((row) => ({ cursor: encodeSortCursor(sort, { keys: row.keys, id: row.node.id }), node: row.node }));
    return {
      totalCount: page.totalCount ?? 0,
      edges,
      nodes: rows.map((r) => r.node),
      pageInfo: {
        hasNextPage: page.items.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  };

/**
 * A firm's connection read in the firm's own statement (`enterprise(id)`, nestedReads.ts): the same
 * page and count subqueries as the batched statement, under variables and parameters of its own.
 * Arguments the resolver would refuse leave the field to it (null), which reports them as always.
 */
export const planConnection: NestedPlanner = (name, nodes, parent, id, info) => {
  const enterprise = info.schema.getType('Enterprise');
  const def = isObjectType(enterprise) ? enterprise.getFields()[name] : undefined;
  const node = nodes[0];
  if (!def || !node || !(name in CONNECTION_LISTS) || name === 'enterprisesConnection') return null;
  try {
    const field = name as ConnectionField;
    const opts = connectionOptions(field, getArgumentValues(def, node, info.variableValues) as ConnectionArgs, { fieldNodes: nodes, fragments: info.fragments });
    const sub = connectionSubqueries(field, opts, { parent, x: `cx${id}`, r: `cr${id}`, prefix: `c${id}_` });
    return {
      calls: sub.calls,
      value: `{items: ${sub.items ?? 'null'}, totalCount: ${sub.total ?? 'null'}}`,
      vars: [sub.items, sub.total].filter((v): v is string => v !== null),
      params: sub.params,
    };
  } catch {
    return null;
  }
};

export const connectionResolvers = {
  Enterprise: {
    attractedConnection: connection('attractedConnection'),
    attractedByConnection: connection('attractedByConnection'),
    upstreamConnection: connection('upstreamConnection'),
    downstreamConnection: connection('downstreamConnection'),
    partnersConnection: connection('partnersConnection'),
    unitsConnection: connection('unitsConnection'),
  },
  ChainSegment: {
    enterprisesConnection: connection('enterprisesConnection'),
  },
};
