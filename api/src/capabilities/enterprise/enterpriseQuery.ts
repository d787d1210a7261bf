import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection, type EnterpriseProperty } from '../../cypher/enterpriseProjection.ts';
import type { NestedPlan } from '../../cypher/nestedReads.ts';

/**
 * `enterprise(id)`: one firm by id (unique index lookup), with the properties `props` (all when
 * omitted) and the nested lists of `nested` (nestedReads.ts) read in the same statement.
 */
export function buildEnterpriseQuery(id: string, props?: readonly EnterpriseProperty[] | null, nested: NestedPlan = { calls: [], entries: [], vars: [] }): CypherQuery {
  return {
    cypher: lines('MATCH (e:Enterprise {id: $id})', ...nested.calls, `RETURN ${enterpriseProjection('e', nested.entries.join(', '), props)} AS e`),
    params: { id },
  };
}

/** `anchors`: every anchor, by landing date, with the properties `props` (all when omitted). */
export function buildAnchorsQuery(props?: readonly EnterpriseProperty[] | null): CypherQuery {
  return {
    cypher: lines('MATCH (e:Enterprise) WHERE e.isAnchor = true', 'WITH e ORDER BY e.landedOn, e.id', `RETURN ${enterpriseProjection('e', '', props)} AS e`),
    params: {},
  };
}
