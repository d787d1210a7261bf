import { RELATED, type RelatedName } from '../../cypher/relatedQuery.ts';
import type { EnterpriseSortField, SortSpec } from '../enterprises/enterpriseSort.ts';

/** The stored properties the plain lists are ordered by, as sort keys (enterpriseSort.ts). */
const SORT_FIELD_OF: Readonly<Record<string, EnterpriseSortField>> = { landedOn: 'LANDED_ON', id: 'ID' };

/**
 * The order of a nested connection given no `sort`: the plain list's own (RELATED[name].orderBy,
 * `x.landedOn, x.id` or `x.id`), as the sort it is — every key ascending, a missing value after
 * every present one (Neo4j's ascending ORDER BY; compileSort's rule in both directions), `id`
 * last. Paging through `attractedConnection` then gives the firms of `attracted` in the same order,
 * with the sort's keyset cursors, so a cursor of one order is refused under another.
 */
export function listSort(name: RelatedName): SortSpec {
  const orderBy: string = RELATED[name].orderBy;
  const fields = orderBy.split(',').map((k) => SORT_FIELD_OF[k.trim().replace(/^x\./, '')]);
  // A list ordered otherwise (a CASE, a DESC, another property) needs its own line above: it fails
  // here, in the tests, not in a request.
  if (fields.some((f) => f === undefined) || fields.at(-1) !== 'ID') throw new Error(`RELATED.${name}.orderBy (${orderBy}) is not a list of sortable properties ending in id.`);
  return fields.map((field) => ({ field: field as EnterpriseSortField, direction: 'ASC' as const }));
}
