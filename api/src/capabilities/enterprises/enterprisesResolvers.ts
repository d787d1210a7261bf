import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { connectionSelection } from '../../cypher/selectedProperties.ts';
import { badInput } from '../../errors/index.ts';
import { intArg } from '../args.ts';
import type { EnterpriseFilterInput } from './enterpriseFilter.ts';
import { buildEnterprisesQuery } from './enterprisesQuery.ts';

/** Opaque Relay cursor: base64url of the enterprise id. */
export const encodeCursor = (id: string): string => Buffer.from(`e:${id}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('e:') || cursor.length > 400) throw badInput('after', '`after` must be a cursor returned by a previous page (`pageInfo.endCursor`).');
  return text.slice(2);
}


export const enterprisesResolvers = {
  Query: {
    enterprises: async (
      _: unknown,
      args: { filter?: EnterpriseFilterInput | null; first: number; after?: string | null },
      ctx: Context,
      info: GraphQLResolveInfo,
    ) => {
      const first = intArg('first', args.first, 0, ctx.config.maxPageSize, 'GRAPHQL_MAX_PAGE_SIZE');
      const after = args.after ? decodeCursor(args.after) : null;
      // What the selection reads (fragments included): a count alone skips the page, and the
      // page's firms carry only the properties their fields need.
      const sel = connectionSelection(info);
      const withPage = sel.needsRows || !sel.needsTotal;
      const q = buildEnterprisesQuery({ filter: args.filter, first, after, withTotal: sel.needsTotal, withPage, props: sel.props });
      const row = (await ctx.read(q.cypher, q.params))[0];
      const all = (row?.page as Row[] | undefined) ?? [];
      const page = all.slice(0, first);
      const edges = page.map((node) => ({ cursor: encodeCursor(node.id as string), node }));
      return {
        totalCount: (row?.totalCount as number | null) ?? 0,
        edges,
        nodes: page,
        pageInfo: {
          hasNextPage: all.length > first,
          hasPreviousPage: after !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  },
};
