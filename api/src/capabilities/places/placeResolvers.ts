import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { lines } from '../../cypher/cypherQuery.ts';
import type { AsOf } from '../../scalars/index.ts';
import { idArg } from '../args.ts';
import { nestedFirst } from '../enterprise/enterpriseResolvers.ts';
import { sourcesOf } from '../sources/sourcesOf.ts';

type R = Row & { id: string; sourceKind?: unknown };
const first = async (p: Promise<Row[]>): Promise<Row | null> => (await p)[0] ?? null;

/** Place, Project, Mechanism, IndustryChain and ChainSegment: small types whose nested fields go through the loaders. */
export const placeResolvers = {
  Query: {
    place: async (_: unknown, args: { id: string }, ctx: Context) =>
      (await ctx.read(lines('MATCH (p:Place {id: $id})', 'RETURN p {.*} AS p'), { id: idArg('id', args.id) }))[0]?.p ?? null,
    project: async (_: unknown, args: { id: string }, ctx: Context) =>
      (await ctx.read(lines('MATCH (p:Project {id: $id})', 'RETURN p {.*} AS p'), { id: idArg('id', args.id) }))[0]?.p ?? null,
    chains: async (_: unknown, _a: unknown, ctx: Context) =>
      (await ctx.read(lines('MATCH (c:Chain)', 'WITH c ORDER BY c.order, c.id', 'RETURN c {.*} AS c'))).map((r) => r.c),
  },
  Place: {
    kind: (p: R) => (typeof p.kind === 'string' ? p.kind : 'place'),
    parent: (p: R, _a: unknown, ctx: Context) => first(ctx.loaders.neighbours('placeParent').load(p.id)),
  },
  Project: {
    local: (p: R) => p.local !== false,
    synthetic: (p: R) => p.synthetic === true,
    parent: (p: R, _a: unknown, ctx: Context) => first(ctx.loaders.neighbours('projectParent').load(p.id)),
    subProjects: (p: R, _a: unknown, ctx: Context) => ctx.loaders.neighbours('subProjects').load(p.id),
    park: (p: R, _a: unknown, ctx: Context) => first(ctx.loaders.neighbours('projectPark').load(p.id)),
    enterprises: (p: R, _a: unknown, ctx: Context) => ctx.loaders.neighbours('projectEnterprises').load(p.id),
    mechanisms: (p: R, _a: unknown, ctx: Context) => ctx.loaders.neighbours('projectMechanisms').load(p.id),
    sources: (p: R, _a: unknown, ctx: Context) => sourcesOf(p, ctx),
  },
  IndustryChain: {
    segments: (c: R, _a: unknown, ctx: Context) => ctx.loaders.neighbours('chainSegments').load(c.id),
  },
  ChainSegment: {
    chain: (s: R, _a: unknown, ctx: Context) => first(ctx.loaders.neighbours('segmentChain').load(s.id)),
    feeds: (s: R, _a: unknown, ctx: Context) => ctx.loaders.neighbours('feeds').load(s.id),
    fedBy: (s: R, _a: unknown, ctx: Context) => ctx.loaders.neighbours('fedBy').load(s.id),
    enterprises: (s: R, args: { asOf?: AsOf; local?: boolean | null; first?: number | null }, ctx: Context) =>
      ctx.loaders.neighbours('segmentEnterprises', { asOf: args.asOf ?? null, local: args.local ?? null, first: nestedFirst(args.first) }).load(s.id),
  },
};
