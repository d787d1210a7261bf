import { lines } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { graphEdgeProjection } from '../../cypher/graphProjection.ts';

/** The audit record written in the same transaction as every API write (docs/MODEL.md, `Change`). */
export const RECORD_CHANGE = 'CREATE (:Change {at: toString(datetime()), actor: $actor, action: $action, detail: $detail})';

export const CREATE_ENTERPRISE = lines(
  'CREATE (e:Entity:Enterprise)',
  'SET e = $props',
  'WITH e',
  'OPTIONAL MATCH (p:Place {id: $parkId})',
  'OPTIONAL MATCH (s:Segment {id: $segmentId})',
  'FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (e)-[:LOCATED_IN {sourceKind: $props.sourceKind, quotes: $props.quotes, reason: $props.reason, docId: $props.docId, synthetic: false, since: null}]->(p))',
  'FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | CREATE (e)-[:IN_SEGMENT {sourceKind: $props.sourceKind, quotes: $props.quotes, reason: $props.reason, docId: $props.docId, synthetic: false, since: null}]->(s))',
  `RETURN ${enterpriseProjection('e')} AS e, p IS NOT NULL AS parkFound, s IS NOT NULL AS segmentFound`,
);

export const READ_ENTERPRISE_FOR_UPDATE = 'MATCH (e:Enterprise {id: $id}) RETURN e.name AS name, e.nameEn AS nameEn, e.aliases AS aliases, e.formerNames AS formerNames';

export const UPDATE_ENTERPRISE = lines('MATCH (e:Enterprise {id: $id})', 'SET e += $props', `RETURN ${enterpriseProjection('e')} AS e`);

export const DELETE_ENTERPRISE = lines('MATCH (e:Enterprise {id: $id})', 'DETACH DELETE e', 'RETURN count(*) AS deleted');

export const ENTITY_LABELS = lines(
  'OPTIONAL MATCH (a:Entity {id: $fromId})',
  'OPTIONAL MATCH (b:Entity {id: $toId})',
  "RETURN [l IN labels(a) WHERE l <> 'Entity'][0] AS fromLabel, [l IN labels(b) WHERE l <> 'Entity'][0] AS toLabel",
);

/** MERGE of one relation; `type` is one of the model's WRITABLE_REL_TYPES (a fixed whitelist), never the request text. */
export function mergeRelationCypher(type: string): string {
  return lines(
    'MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})',
    `MERGE (a)-[r:${type}]->(b)`,
    'SET r += $props',
    `RETURN ${graphEdgeProjection('r')} AS edge`,
  );
}

export function deleteRelationCypher(type: string): string {
  return lines(`MATCH (:Entity {id: $fromId})-[r:${type}]->(:Entity {id: $toId})`, 'DELETE r', 'RETURN count(*) AS deleted');
}
