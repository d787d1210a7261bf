import { WRITABLE_REL_TYPES, type RelType } from '@cangshan/model';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { FIRM_RELATIONS, graphEdgeProjection, graphNodeProjection } from '../../cypher/graphProjection.ts';

export const MAX_PATH_LENGTH = 10;

/** Relation types a path may follow: the GraphQL enum RelationType (the model's writable types), checked again here (they go into the Cypher text). */
export const PATH_RELATIONS: readonly RelType[] = WRITABLE_REL_TYPES;
export type PathRelation = RelType;

/**
 * `path(fromId, toId, maxLength, via)`: one shortest path, either direction, over the given
 * relation types (default: the firm relations). Also says whether each end exists, so the
 * resolver can tell "unknown id" (NOT_FOUND) from "no path" (null).
 */
export function buildPathQuery(fromId: string, toId: string, maxLength: number, via: readonly PathRelation[] | null): CypherQuery {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) throw new RangeError(`maxLength ${maxLength} outside 1..${MAX_PATH_LENGTH}`);
  const types = via && via.length > 0 ? [...new Set(via)].map((t) => {
    if (!PATH_RELATIONS.includes(t)) throw new RangeError(`relation type ${String(t)} not allowed`);
    return t;
  }).join('|') : FIRM_RELATIONS;
  const cypher = lines(
    'OPTIONAL MATCH (a:Entity {id: $fromId})',
    'OPTIONAL MATCH (b:Entity {id: $toId})',
    `OPTIONAL MATCH p = shortestPath((a)-[:${types}*..${maxLength}]-(b))`,
    'RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,',
    `  CASE WHEN p IS NULL THEN null ELSE [n IN nodes(p) | ${graphNodeProjection('n')}] END AS nodes,`,
    `  CASE WHEN p IS NULL THEN null ELSE [r IN relationships(p) | ${graphEdgeProjection('r')}] END AS edges`,
  );
  return { cypher, params: { fromId, toId } };
}
