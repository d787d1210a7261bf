import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';

/** `enterprise(id)`: one firm by id (unique index lookup). */
export function buildEnterpriseQuery(id: string): CypherQuery {
  return {
    cypher: lines('MATCH (e:Enterprise {id: $id})', `RETURN ${enterpriseProjection('e')} AS e`),
    params: { id },
  };
}

/** `anchors`: every anchor, by landing date. */
export function buildAnchorsQuery(): CypherQuery {
  return {
    cypher: lines('MATCH (e:Enterprise) WHERE e.isAnchor = true', 'WITH e ORDER BY e.landedOn, e.id', `RETURN ${enterpriseProjection('e')} AS e`),
    params: {},
  };
}
