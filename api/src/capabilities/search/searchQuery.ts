import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { buildLuceneQueries } from './luceneQuery.ts';

const ZH = "  CALL db.index.fulltext.queryNodes('enterprise_names_zh', $zh, {limit: $candidates}) YIELD node, score RETURN node, score";
const LATIN = "  CALL db.index.fulltext.queryNodes('enterprise_names_latin', $latin, {limit: $candidates}) YIELD node, score RETURN node, score";

/**
 * `search(query, limit)`: both full-text indexes in one round-trip, best score per firm, an exact
 * name, alias or English name first. Null when the input has nothing to search for.
 */
export function buildSearchQuery(input: string, limit: number): CypherQuery | null {
  const { zh, latin } = buildLuceneQueries(input);
  if (zh === null && latin === null) return null;
  const parts = [zh !== null ? ZH : null, latin !== null ? LATIN : null].filter((p): p is string => p !== null);
  const raw = input.trim();
  const cypher = lines(
    'CALL () {',
    parts.join('\n  UNION ALL\n'),
    '}',
    'WITH node, max(score) AS score',
    "WITH node, score + CASE WHEN node.name = $raw OR $raw IN coalesce(node.aliases, []) OR toLower(coalesce(node.nameEn, '')) = $rawLower THEN 100 ELSE 0 END AS score",
    'ORDER BY score DESC, node.id',
    'LIMIT $limit',
    `RETURN ${enterpriseProjection('node')} AS e`,
  );
  const params: Record<string, unknown> = { raw, rawLower: raw.toLowerCase(), limit, candidates: Math.max(limit * 3, 30) };
  if (zh !== null) params.zh = zh;
  if (latin !== null) params.latin = latin;
  return { cypher, params };
}
