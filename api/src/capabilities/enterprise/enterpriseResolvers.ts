import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import type { EnterpriseRow } from '../../cypher/enterpriseProjection.ts';
import { isLocalNow } from '../../cypher/inDistrict.ts';
import { DEFAULT_NESTED_FIRST, MAX_NESTED_FIRST, type RelatedName } from '../../cypher/relatedQuery.ts';
import { planForSelection, prefetchedList } from '../../cypher/nestedReads.ts';
import { planConnection } from '../connections/connectionResolvers.ts';
import { enterprisePropertiesOf, selectedEnterpriseProperties, selectedFields } from '../../cypher/selectedProperties.ts';
import { badInput, limitExceeded } from '../../errors/index.ts';
import type { AsOf } from '../../scalars/index.ts';
import { idArg } from '../args.ts';
import { sourceKindOf, sourcesOf } from '../sources/sourcesOf.ts';
import { buildAnchorsQuery, buildEnterpriseQuery } from './enterpriseQuery.ts';
import { registryFieldResolvers } from './registryFields.ts';

type AsOfArgs = { asOf?: AsOf };

/**
 * The page of a nested firm list: `first` from 0 to MAX_NESTED_FIRST; null (given as such) is the
 * default, like an omitted `first`.
 */
export function nestedFirst(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_NESTED_FIRST;
  if (!Number.isSafeInteger(first) || first < 0) throw badInput('first', `\`first\` must be an integer from 0 to ${MAX_NESTED_FIRST} (got ${first}).`);
  if (first > MAX_NESTED_FIRST) {
    throw limitExceeded(
      'first',
      'MAX_NESTED_FIRST',
      MAX_NESTED_FIRST,
      `\`first\` is ${first}, above the limit MAX_NESTED_FIRST = ${MAX_NESTED_FIRST} of a nested list. Ask for at most ${MAX_NESTED_FIRST}; ` +
        'all the firms of a segment or of an anchor come in pages from `enterprises(filter: { segmentId: … })` or `{ anchorId: … }`.',
    );
  }
  return first;
}

/**
 * A list of firms answered by the batched loader of `name`, each firm with only the properties
 * the selection reads (selectedProperties.ts). A list the parent's statement already read is
 * returned as it is, not in a promise: graphql-js then completes it without a turn of the
 * microtask queue per firm (a nested answer has thousands of such lists).
 */
const many =
  (name: RelatedName) =>
  (e: EnterpriseRow, args: AsOfArgs, ctx: Context, info: GraphQLResolveInfo): Row[] | Promise<Row[]> =>
    (prefetchedList(e, info) as Row[] | undefined) ??
    ctx.loaders.neighbours(name, { asOf: args.asOf ?? null, props: selectedEnterpriseProperties(info) }).load(e.id);

/** The same, a page of `first` per firm (the field's SDL default when the caller gives none). */
const page =
  (name: RelatedName) =>
  (e: EnterpriseRow, args: AsOfArgs & { first?: number | null }, ctx: Context, info: GraphQLResolveInfo): Row[] | Promise<Row[]> =>
    (prefetchedList(e, info) as Row[] | undefined) ??
    ctx.loaders.neighbours(name, { asOf: args.asOf ?? null, first: nestedFirst(args.first), props: selectedEnterpriseProperties(info) }).load(e.id);

/** A single-valued field (the first neighbour of `name`), null when there is none. */
const one =
  (name: RelatedName) =>
  async (e: EnterpriseRow, _args: unknown, ctx: Context): Promise<Row | null> =>
    (await ctx.loaders.neighbours(name).load(e.id))[0] ?? null;

/** The group a unit is part of: a firm, so read for the selection like the lists. */
const parentOf = async (e: EnterpriseRow, _args: unknown, ctx: Context, info: GraphQLResolveInfo): Promise<Row | null> =>
  (await ctx.loaders.neighbours('parent', { props: selectedEnterpriseProperties(info) }).load(e.id))[0] ?? null;

export const enterpriseResolvers = {
  Query: {
    enterprise: async (_: unknown, args: { id: string }, ctx: Context, info: GraphQLResolveInfo) => {
      // The firm and the lists of firms under it, at any depth, in one statement (nestedReads.ts).
      const fields = selectedFields(info.fieldNodes.map((n) => n.selectionSet), info.fragments);
      const nested = planForSelection('e', fields, info, planConnection);
      const q = buildEnterpriseQuery(idArg('id', args.id), enterprisePropertiesOf(fields), nested.plan);
      return (await ctx.read(q.cypher, { ...nested.params, ...q.params }))[0]?.e ?? null;
    },
    anchors: async (_: unknown, _args: unknown, ctx: Context, info: GraphQLResolveInfo) => {
      const q = buildAnchorsQuery(selectedEnterpriseProperties(info));
      return (await ctx.read(q.cypher, q.params)).map((r) => r.e);
    },
  },
  Enterprise: {
    aliases: (e: EnterpriseRow) => e.aliases ?? [],
    isAnchor: (e: EnterpriseRow) => e.isAnchor === true,
    synthetic: (e: EnterpriseRow) => e.synthetic === true,
    // Derived from the dates (cypher/inDistrict.ts): a firm that left is no longer local.
    local: (e: EnterpriseRow) => isLocalNow(e),
    ...registryFieldResolvers,
    sourceKind: (e: EnterpriseRow) => sourceKindOf(e),
    park: one('park'),
    relocatedFrom: one('relocatedFrom'),
    segment: one('segment'),
    parent: parentOf,
    attracted: page('attracted'),
    attractedBy: many('attractedBy'),
    upstream: page('upstream'),
    downstream: page('downstream'),
    partners: page('partners'),
    units: page('units'),
    projects: (e: EnterpriseRow, _a: unknown, ctx: Context) => ctx.loaders.neighbours('projects').load(e.id),
    mechanisms: (e: EnterpriseRow, _a: unknown, ctx: Context) => ctx.loaders.neighbours('mechanisms').load(e.id),
    investmentYuan: async (e: EnterpriseRow, _a: unknown, ctx: Context) => {
      const amounts = (await ctx.loaders.neighbours('projects').load(e.id)).map((p) => p.amountYuan).filter((a): a is number => typeof a === 'number');
      return amounts.length > 0 ? amounts.reduce((a, b) => a + b, 0) : null;
    },
    sources: (e: EnterpriseRow, _a: unknown, ctx: Context) => sourcesOf(e, ctx),
  },
};
