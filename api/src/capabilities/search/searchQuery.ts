import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { buildLuceneQueries } from './luceneQuery.ts';
import { registryCodeOf } from './registryCode.ts';

const ZH = "  CALL db.index.fulltext.queryNodes('enterprise_names_zh', $zh, {limit: $candidates}) YIELD node, score RETURN node, score";
const LATIN = "  CALL db.index.fulltext.queryNodes('enterprise_names_latin', $latin, {limit: $candidates}) YIELD node, score RETURN node, score";

// A whole credit code or registration number: an exact lookup through its index, above any name.
const CODE = [
  '  MATCH (node:Enterprise {creditCode: $code}) RETURN node, 1000.0 AS score',
  '  UNION ALL',
  '  MATCH (node:Enterprise {registrationNumber: $code}) RETURN node, 1000.0 AS score',
].join('\n');

/**
 * `search(query, limit)`: both full-text indexes (and, for a whole registry code, the code
 * indexes) in one round-trip, best score per firm, an exact name, alias, former name or English
 * name first. Null when the input has nothing to search for.
 */
export function buildSearchQuery(input: string, limit: number): CypherQuery | null {
  const { zh, latin } = buildLuceneQueries(input);
  const code = registryCodeOf(input);
  if (zh === null && latin === null && code === null) return null;
  const parts = [code !== null ? CODE : null, zh !== null ? ZH : null, latin !== null ? LATIN : null].filter((p): p is string => p !== null);
  const raw = input.trim();
  const cypher = lines(
    'CALL () {',
    parts.join('\n  UNION ALL\n'),
    '}',
    'WITH node, max(score) AS score',
    "WITH node, score + CASE WHEN node.name = $raw OR $raw IN coalesce(node.aliases, []) OR $raw IN coalesce(node.formerNames, []) OR toLower(coalesce(node.nameEn, '')) = $rawLower THEN 100 ELSE 0 END AS score",
    'ORDER BY score DESC, node.id',
    'LIMIT $limit',
    `RETURN ${enterpriseProjection('node')} AS e`,
  );
  const params: Record<string, unknown> = { raw, rawLower: raw.toLowerCase(), limit, candidates: Math.max(limit * 3, 30) };
  if (zh !== null) params.zh = zh;
  if (latin !== null) params.latin = latin;
  if (code !== null) params.code = code;
  return { cypher, params };
}
