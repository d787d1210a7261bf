import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection, type EnterpriseProperty } from '../../cypher/enterpriseProjection.ts';
import { buildEnterpriseFilter, type EnterpriseFilterInput } from './enterpriseFilter.ts';

/**
 * `enterprises(filter, first, after)`: one page in id order (keyset paging: `e.id > $after`,
 * which the unique index serves), one more row than asked to know whether a next page exists,
 * and the total when the client selected `totalCount` — one round-trip. Each firm carries the
 * properties `props` (all when omitted). `withPage: false` (the selection needs no rows: only
 * `totalCount`) runs the count alone, with an empty page.
 */
export function buildEnterprisesQuery(opts: {
  filter?: EnterpriseFilterInput | null;
  first: number;
  after: string | null;
  withTotal: boolean;
  withPage?: boolean;
  props?: readonly EnterpriseProperty[] | null;
}): CypherQuery {
  const f = buildEnterpriseFilter(opts.filter);
  const whereAll = f.where.length > 0 ? `WHERE ${f.where.join(' AND ')}` : null;
  if (opts.withPage === false) {
    // Only the total (`after` does not change it): no page is read.
    return { cypher: lines('MATCH (e:Enterprise)', whereAll, 'RETURN count(e) AS totalCount, [] AS page'), params: { ...f.params } };
  }
  // Without another predicate, `e.id IS NOT NULL` lets the planner read the page from the id
  // index in order (NodeIndexScan + Limit) instead of scanning and sorting every enterprise:
  // the benchmark measured 40,359 db hits against 380 on a 20k district without it.
  const wherePage = [...f.where, ...(opts.after !== null ? ['e.id > $after'] : f.where.length === 0 ? ['e.id IS NOT NULL'] : [])];
  const cypher = lines(
    opts.withTotal && 'CALL () {',
    opts.withTotal && '  MATCH (e:Enterprise)',
    opts.withTotal && whereAll && `  ${whereAll}`,
    opts.withTotal && '  RETURN count(e) AS totalCount',
    opts.withTotal && '}',
    'CALL () {',
    '  MATCH (e:Enterprise)',
    wherePage.length > 0 && `  WHERE ${wherePage.join(' AND ')}`,
    '  WITH e ORDER BY e.id LIMIT $limit',
    `  RETURN collect(${enterpriseProjection('e', '', opts.props)}) AS page`,
    '}',
    `RETURN ${opts.withTotal ? 'totalCount' : 'null AS totalCount'}, page`,
  );
  return { cypher, params: { ...f.params, ...(opts.after !== null ? { after: opts.after } : {}), limit: opts.first + 1 } };
}
