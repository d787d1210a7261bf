import { asOfFragment } from '../../cypher/asOf.ts';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection, type EnterpriseProperty } from '../../cypher/enterpriseProjection.ts';
import { inDistrictCypher } from '../../cypher/inDistrict.ts';
import { RELATED, relatedPattern, type RelatedName, type RelatedSpec } from '../../cypher/relatedQuery.ts';
import { compileSort, nonNullSortFields, type SortCursorKeys, type SortSpec } from '../enterprises/enterpriseSort.ts';
import { compileEnterpriseWhere, CypherParams, type EnterpriseWhereInput } from '../enterprises/enterpriseWhere.ts';

/** Each connection field and the plain list it pages (its relation, direction, as-of rule and order). */
export const CONNECTION_LISTS = {
  attractedConnection: 'attracted',
  attractedByConnection: 'attractedBy',
  upstreamConnection: 'upstream',
  downstreamConnection: 'downstream',
  partnersConnection: 'partners',
  unitsConnection: 'units',
  enterprisesConnection: 'segmentEnterprises',
} as const satisfies Record<string, RelatedName>;

export type ConnectionField = keyof typeof CONNECTION_LISTS;

/** A page of one connection, as the resolver validated it. */
export interface ConnectionOptions {
  /** The end of the as-of period; null: no cut. */
  asOf: string | null;
  /** Only on lists that take it (ChainSegment.enterprisesConnection). */
  local?: boolean | null;
  /** Which firms of the list (enterpriseWhere.ts); its related-firm conditions and `local` are read at `asOf`. */
  where?: EnterpriseWhereInput | null;
  /** The order, normalised (normaliseSort): the caller's `sort`, or the list's own (listSort.ts). */
  sort: SortSpec;
  first: number;
  /** The cursor's row (decodeSortCursor); null: the first page. */
  after: SortCursorKeys | null;
  /** Read the page (edges, nodes or pageInfo are selected, or nothing that needs the total alone). */
  withRows: boolean;
  /** Count the whole list (`totalCount` is selected). */
  withTotal: boolean;
  /** The firm properties the page's nodes need; null: all. */
  props: readonly EnterpriseProperty[] | null;
}

/**
 * The batched page query of a nested connection: for every parent id of `ids`, one page of `first`
 * firms after the cursor's row, in the list's order, and — only when `totalCount` is selected —
 * how many firms the list holds in all (the cursor aside). Each part is taken for each parent in a
 * `CALL (s)` subquery, so one parent's thousands of neighbours are never read past its page, and
 * every parent gets a row (an empty page, a zero count). One row more than `first` is read, to know
 * whether a next page exists. The statement does not depend on `ids` (only its `$ids` parameter):
 * the loader builds it once and sends all the parents of a level with it.
 *
 * The order is a sort (enterpriseSort.ts: the caller's, or the list's own), its cursor a keyset
 * cursor of that sort. A firm tied twice (PARTNER_OF both ways) is one item (DISTINCT), so its
 * cursor is one position. The page is ordered on the nodes (a sort key may be derived from several
 * properties) and only its rows are projected, with the properties selected.
 */
export function buildConnectionQuery(field: ConnectionField, ids: readonly string[], opts: ConnectionOptions): CypherQuery {
  const spec: RelatedSpec = RELATED[CONNECTION_LISTS[field]];
  const sub = connectionSubqueries(field, opts, { parent: 's', x: 'x', r: 'r', prefix: '' });
  const cypher = lines(
    'UNWIND $ids AS id',
    `MATCH (s:${spec.from} {id: id})`,
    ...sub.calls,
    `RETURN id, ${sub.items === null ? '[] AS items' : sub.items}, ${sub.total === null ? 'null AS totalCount' : sub.total}`,
  );
  return { cypher, params: { ids: [...ids], ...sub.params } };
}

/**
 * The page and the count of one connection for the parent bound to `names.parent`, as `CALL`
 * subqueries: for the batched statement above (`s`, `x`, `r`, no prefix), or inside the statement
 * of the parent itself (api/src/cypher/nestedReads.ts: fresh variables, parameters under a prefix
 * of their own). `items` / `total` name the columns they return (null when not computed).
 */
export function connectionSubqueries(
  field: ConnectionField,
  opts: ConnectionOptions,
  names: { parent: string; x: string; r: string; prefix: string },
): { calls: string[]; params: Record<string, unknown>; items: string | null; total: string | null } {
  const spec: RelatedSpec = RELATED[CONNECTION_LISTS[field]];
  if (!Number.isSafeInteger(opts.first) || opts.first < 0) throw new RangeError(`first ${String(opts.first)} is not an integer ≥ 0`);
  const { parent, x, r, prefix } = names;
  const params: Record<string, unknown> = {};
  const local = spec.local ? (opts.local ?? null) : null;
  if (opts.asOf !== null || local !== null) params[`${prefix}asOf`] = opts.asOf;
  if (local !== null) params[`${prefix}local`] = local;
  // The request's values (where, sort cursor) as `$w0`, `$w1` …: never Cypher text.
  const values = new CypherParams(`${prefix}w`);
  const where = [
    spec.asOf && opts.asOf !== null ? asOfFragment.node(x, `${prefix}asOf`) : null,
    spec.asOf && opts.asOf !== null ? asOfFragment.rel(r, `${prefix}asOf`) : null,
    // `local` is derived from the dates (inDistrict.ts): in the district as of `$asOf`, or now.
    local !== null ? `${inDistrictCypher(x, `${prefix}asOf`)} = $${prefix}local` : null,
    compileEnterpriseWhere(opts.where, { variable: x, asOfParam: opts.asOf !== null ? `${prefix}asOf` : null, params: values }),
  ].filter((w): w is string => w !== null);
  const withRows = opts.withRows || !opts.withTotal;
  const sort = compileSort(opts.sort, { variable: x, params: values, nonNull: nonNullSortFields(opts.where) });
  const wherePage = [...where, ...(opts.after !== null ? [sort.afterPredicate(opts.after)] : [])];
  Object.assign(params, values.values);
  if (withRows) params[`${prefix}limit`] = opts.first + 1;
  const match = `MATCH ${relatedPattern(spec, parent, r, x)}`;
  const items = withRows ? `${prefix}items` : null;
  const total = opts.withTotal ? `${prefix}totalCount` : null;
  const calls = [
    withRows &&
      lines(
        `CALL (${parent}) {`,
        `  ${match}`,
        wherePage.length > 0 && `  WHERE ${wherePage.join(' AND ')}`,
        `  WITH DISTINCT ${x}`,
        `  ORDER BY ${sort.orderBy}`,
        `  LIMIT $${prefix}limit`,
        `  RETURN collect({node: ${enterpriseProjection(x, '', opts.props)}, keys: ${sort.keyProjection}}) AS ${items}`,
        '}',
      ),
    opts.withTotal &&
      lines(
        `CALL (${parent}) {`,
        `  ${match}`,
        where.length > 0 && `  WHERE ${where.join(' AND ')}`,
        `  RETURN count(DISTINCT ${x}) AS ${total}`,
        '}',
      ),
  ].filter((c): c is string => typeof c === 'string');
  return { calls, params, items, total };
}
