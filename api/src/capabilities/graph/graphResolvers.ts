import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { lines } from '../../cypher/cypherQuery.ts';
import { graphNodeProjection } from '../../cypher/graphProjection.ts';
import { notFound } from '../../errors/index.ts';
import type { AsOf } from '../../scalars/index.ts';
import { idArg, intArg } from '../args.ts';
import type { EnterpriseFilterInput } from '../enterprises/enterpriseFilter.ts';
import { buildChainQuery, MAX_CHAIN_DEPTH, type ChainDirection } from './chainQuery.ts';
import { buildCircleQuery, MAX_CIRCLE_DEPTH } from './circleQuery.ts';
import { buildPathQuery, MAX_PATH_LENGTH, type PathRelation } from './pathQuery.ts';
import { buildGraphQuery } from './graphQuery.ts';
import { splitGraphRows } from './graphRows.ts';
import { listInPieces, toGraph, toGraphInPieces, type GraphOut, type GroupBy } from './toGraph.ts';

const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

/** How many fields are asked of each item of the list being resolved (fragments included). */
function fieldsPerItem(info: GraphQLResolveInfo): number {
  const count = (set: SelectionSetNode | undefined): number =>
    (set?.selections ?? []).reduce((n, s) => n + (s.kind === Kind.FIELD ? 1 : count(s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : info.fragments[s.name.value]?.selectionSet)), 0);
  return Math.max(...info.fieldNodes.map((f) => count(f.selectionSet)));
}

/** The graph-shaped queries: circle, chain, path and the overview. */
export const graphResolvers = {
  Query: {
    circle: async (_: unknown, args: { anchorId: string; depth: number; asOf?: AsOf }, ctx: Context) => {
      const depth = intArg('depth', args.depth, 1, MAX_CIRCLE_DEPTH, 'MAX_CIRCLE_DEPTH');
      const q = buildCircleQuery(idArg('anchorId', args.anchorId), depth, args.asOf ?? null);
      const g = splitGraphRows(await ctx.read(q.cypher, q.params));
      if (!g.found) throw notFound('anchorId', `No enterprise has id ${JSON.stringify(args.anchorId)}. List anchors with \`anchors { id name }\`.`);
      return toGraphInPieces(g.nodes, g.edges);
    },
    chain: async (_: unknown, args: { enterpriseId: string; direction: ChainDirection; depth: number; asOf?: AsOf }, ctx: Context) => {
      const depth = intArg('depth', args.depth, 1, MAX_CHAIN_DEPTH, 'MAX_CHAIN_DEPTH');
      const q = buildChainQuery(idArg('enterpriseId', args.enterpriseId), args.direction, depth, args.asOf ?? null);
      const g = splitGraphRows(await ctx.read(q.cypher, q.params));
      if (!g.found) throw notFound('enterpriseId', `No enterprise has id ${JSON.stringify(args.enterpriseId)}. Find ids with \`search(query: "…") { id name }\`.`);
      return toGraphInPieces(g.nodes, g.edges);
    },
    path: async (_: unknown, args: { fromId: string; toId: string; maxLength: number; via?: PathRelation[] | null }, ctx: Context) => {
      const maxLength = intArg('maxLength', args.maxLength, 1, MAX_PATH_LENGTH, 'MAX_PATH_LENGTH');
      const fromId = idArg('fromId', args.fromId);
      const toId = idArg('toId', args.toId);
      if (fromId === toId) {
        // shortestPath refuses equal ends; the path from a node to itself is the node.
        const r = await ctx.read(lines('MATCH (n:Entity {id: $id})', `RETURN ${graphNodeProjection('n')} AS node`), { id: fromId });
        if (!r[0]) throw notFound('fromId', `No entity has id ${JSON.stringify(fromId)}.`);
        return toGraph([r[0].node as Row], []);
      }
      const q = buildPathQuery(fromId, toId, maxLength, args.via ?? null);
      const row = (await ctx.read(q.cypher, q.params))[0];
      if (!row?.fromFound) throw notFound('fromId', `No entity has id ${JSON.stringify(fromId)}. Find ids with \`search(query: "…") { id name }\`.`);
      if (!row.toFound) throw notFound('toId', `No entity has id ${JSON.stringify(toId)}. Find ids with \`search(query: "…") { id name }\`.`);
      if (row.nodes === null) return null;
      return toGraph(rows(row.nodes), rows(row.edges));
    },
    graph: async (_: unknown, args: { filter?: EnterpriseFilterInput | null; asOf?: AsOf; limit: number; groupBy?: GroupBy | null }, ctx: Context) => {
      const limit = intArg('limit', args.limit, 1, ctx.config.maxGraphNodes, 'GRAPHQL_MAX_GRAPH_NODES');
      // `groupBy: null` given outright replaces the SDL's default: it means no groups, as omitting it does.
      const groupBy: GroupBy = args.groupBy ?? 'NONE';
      const q = buildGraphQuery({ filter: args.filter, asOf: args.asOf ?? null, limit, groupBy });
      const g = splitGraphRows(await ctx.readCached(q.cypher, q.params));
      const total = g.total ?? 0;
      return toGraphInPieces([...g.groups, ...g.nodes], [...g.edges, ...g.groupEdges], {
        truncated: total > limit,
        totalEnterprises: total,
        groupBy,
      });
    },
  },
  Graph: {
    nodes: (g: GraphOut, _: unknown, _ctx: unknown, info: GraphQLResolveInfo) => listInPieces(g.nodes, fieldsPerItem(info)),
    edges: (g: GraphOut, _: unknown, _ctx: unknown, info: GraphQLResolveInfo) => listInPieces(g.edges, fieldsPerItem(info)),
  },
  GraphEdge: {
    synthetic: (e: { synthetic?: unknown }) => e.synthetic === true,
  },
};
