import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import type { EnterpriseRow } from '../../cypher/enterpriseProjection.ts';
import type { RelatedName } from '../../cypher/relatedQuery.ts';
import type { AsOf } from '../../scalars/index.ts';
import { idArg } from '../args.ts';
import { sourceKindOf, sourcesOf } from '../sources/sourcesOf.ts';
import { buildAnchorsQuery, buildEnterpriseQuery } from './enterpriseQuery.ts';

type AsOfArgs = { asOf?: AsOf };

/** A list field answered by the batched loader of `name`. */
const many =
  (name: RelatedName) =>
  (e: EnterpriseRow, args: AsOfArgs, ctx: Context): Promise<Row[]> =>
    ctx.loaders.neighbours(name, { asOf: args.asOf ?? null }).load(e.id);

/** A single-valued field (the first neighbour of `name`), null when there is none. */
const one =
  (name: RelatedName) =>
  async (e: EnterpriseRow, _args: unknown, ctx: Context): Promise<Row | null> =>
    (await ctx.loaders.neighbours(name).load(e.id))[0] ?? null;

export const enterpriseResolvers = {
  Query: {
    enterprise: async (_: unknown, args: { id: string }, ctx: Context) => {
      const q = buildEnterpriseQuery(idArg('id', args.id));
      return (await ctx.read(q.cypher, q.params))[0]?.e ?? null;
    },
    anchors: async (_: unknown, _args: unknown, ctx: Context) => {
      const q = buildAnchorsQuery();
      return (await ctx.read(q.cypher, q.params)).map((r) => r.e);
    },
  },
  Enterprise: {
    aliases: (e: EnterpriseRow) => e.aliases ?? [],
    isAnchor: (e: EnterpriseRow) => e.isAnchor === true,
    synthetic: (e: EnterpriseRow) => e.synthetic === true,
    local: (e: EnterpriseRow) => e.local !== false,
    sourceKind: (e: EnterpriseRow) => sourceKindOf(e),
    park: one('park'),
    relocatedFrom: one('relocatedFrom'),
    segment: one('segment'),
    parent: one('parent'),
    attracted: many('attracted'),
    attractedBy: many('attractedBy'),
    upstream: many('upstream'),
    downstream: many('downstream'),
    partners: many('partners'),
    units: many('units'),
    projects: (e: EnterpriseRow, _a: unknown, ctx: Context) => ctx.loaders.neighbours('projects').load(e.id),
    mechanisms: (e: EnterpriseRow, _a: unknown, ctx: Context) => ctx.loaders.neighbours('mechanisms').load(e.id),
    investmentYuan: async (e: EnterpriseRow, _a: unknown, ctx: Context) => {
      const amounts = (await ctx.loaders.neighbours('projects').load(e.id)).map((p) => p.amountYuan).filter((a): a is number => typeof a === 'number');
      return amounts.length > 0 ? amounts.reduce((a, b) => a + b, 0) : null;
    },
    sources: (e: EnterpriseRow, _a: unknown, ctx: Context) => sourcesOf(e, ctx),
  },
};
