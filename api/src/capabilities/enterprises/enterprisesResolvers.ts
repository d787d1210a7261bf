import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { connectionSelection } from '../../cypher/selectedProperties.ts';
import { planForSelection } from '../../cypher/nestedReads.ts';
import { planConnection } from '../connections/connectionResolvers.ts';
import { badInput } from '../../errors/index.ts';
import { intArg } from '../args.ts';
import type { EnterpriseFilterInput } from './enterpriseFilter.ts';
import { decodeSortCursor, encodeSortCursor, isIdOrder, isSortCursor, normaliseSort, type EnterpriseSortInput, type SortSpec } from './enterpriseSort.ts';
import type { EnterpriseWhereInput } from './enterpriseWhere.ts';
import { buildEnterprisesQuery, SORT_KEYS } from './enterprisesQuery.ts';

/** Opaque Relay cursor: base64url of the enterprise id. */
export const encodeCursor = (id: string): string => Buffer.from(`e:${id}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (isSortCursor(cursor)) throw badInput('after', '`after` is a cursor of a sorted page; page with the same `sort` that gave it, or start again without `after`.');
  if (!text.startsWith('e:') || cursor.length > 400) throw badInput('after', '`after` must be a cursor returned by a previous page (`pageInfo.endCursor`).');
  return text.slice(2);
}

/** Where a page starts: after an id (id order, the old cursors) or after a sorted row's keys. */
function pageStart(after: string | null | undefined, spec: SortSpec): { after: string | null; afterKeys: ReturnType<typeof decodeSortCursor> | null } {
  if (!after) return { after: null, afterKeys: null };
  if (isIdOrder(spec)) return { after: decodeCursor(after), afterKeys: null };
  if (!isSortCursor(after) && Buffer.from(after, 'base64url').toString('utf8').startsWith('e:')) {
    throw badInput('after', '`after` is a cursor of the id order (no `sort`), not of this `sort`. Page with the same `sort` that gave the cursor, or start again without `after`.');
  }
  return { after: null, afterKeys: decodeSortCursor(after, spec) };
}

export const enterprisesResolvers = {
  Query: {
    enterprises: async (
      _: unknown,
      args: {
        filter?: EnterpriseFilterInput | null;
        where?: EnterpriseWhereInput | null;
        sort?: readonly EnterpriseSortInput[] | null;
        asOf?: string | null;
        first: number;
        after?: string | null;
      },
      ctx: Context,
      info: GraphQLResolveInfo,
    ) => {
      const first = intArg('first', args.first, 0, ctx.config.maxPageSize, 'GRAPHQL_MAX_PAGE_SIZE');
      const spec = normaliseSort(args.sort);
      const { after, afterKeys } = pageStart(args.after, spec);
      // What the selection reads (fragments included): a count alone skips the page, and the
      // page's firms carry only the properties their fields need.
      const sel = connectionSelection(info);
      const withPage = sel.needsRows || !sel.needsTotal;
      // The firm lists under the page's firms, read in the page's statement (nestedReads.ts).
      const nested = withPage ? planForSelection('e', sel.nodeFields, info, planConnection) : null;
      const q = buildEnterprisesQuery({
        filter: args.filter, where: args.where, sort: spec, asOf: args.asOf ?? null, first, after, afterKeys, withTotal: sel.needsTotal, withPage, withNextPage: sel.needsNextPage, props: sel.props,
        nested: nested?.plan ?? null,
      });
      const row = (await ctx.read(q.cypher, { ...nested?.params, ...q.params }))[0];
      const all = (row?.page as Row[] | undefined) ?? [];
      const page = all.slice(0, first);
      const cursorOf = isIdOrder(spec)
        ? (node: Row) => encodeCursor(node.id as string)
        : (node: Row) => encodeSortCursor(spec, { keys: (node[SORT_KEYS] as unknown[] | undefined) ?? [], id: node.id as string });
      const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
      return {
        totalCount: (row?.totalCount as number | null) ?? 0,
        edges,
        nodes: page,
        pageInfo: {
          hasNextPage: all.length > first,
          hasPreviousPage: after !== null || afterKeys !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  },
};
