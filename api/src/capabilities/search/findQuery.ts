import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { buildLuceneQueries } from './luceneQuery.ts';
import { registryCodeOf } from './registryCode.ts';

/** The kinds `find` answers, as the GraphQL enum SearchKind spells them. */
export const SEARCH_KINDS = ['ENTERPRISE', 'PROJECT', 'PLACE', 'CHAIN', 'SEGMENT'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

// Firms in their own indexes (as `search` reads them); projects, places, chains and segments in
// the `named_*` pair over those four labels (neo4j/src/schema.ts).
const INDEXES = {
  zh: ['enterprise_names_zh', 'named_zh'],
  latin: ['enterprise_names_latin', 'named_latin'],
} as const;

const fullText = (index: string, param: 'zh' | 'latin') =>
  `  CALL db.index.fulltext.queryNodes('${index}', $${param}, {limit: $candidates}) YIELD node, score RETURN node, score`;

// A whole credit code or registration number: that firm, above any name (as in `search`).
const CODE = [
  '  MATCH (node:Enterprise {creditCode: $code}) RETURN node, 1000.0 AS score',
  '  UNION ALL',
  '  MATCH (node:Enterprise {registrationNumber: $code}) RETURN node, 1000.0 AS score',
].join('\n');

/**
 * Lucene scores of two indexes are not on one scale (each has its own term statistics), so the
 * rank across kinds rests first on how the typed text meets the node's names: +100 when it is a
 * name, alias, former name or English name as a whole; +40 when it appears whole inside one of the
 * search fields (any Chinese form, traditional included, the English name, the pinyin, the
 * initials: 海峡健康 in 海峡健康产业综合体, health in Straits Health Industry Complex). The
 * Lucene score only orders hits within a tier (typos, bigram overlap).
 */
const TIER =
  'WITH node, score + CASE' +
  " WHEN node.name = $raw OR $raw IN coalesce(node.aliases, []) OR $raw IN coalesce(node.formerNames, []) OR toLower(coalesce(node.nameEn, '')) = $rawLower THEN 100" +
  " WHEN coalesce(node.searchZh, '') CONTAINS $raw OR toLower(coalesce(node.searchLatin, '')) CONTAINS $rawLower THEN 40" +
  ' ELSE 0 END AS score';

const KIND =
  "CASE WHEN node:Enterprise THEN 'ENTERPRISE' WHEN node:Project THEN 'PROJECT' WHEN node:Place THEN 'PLACE' WHEN node:Chain THEN 'CHAIN' ELSE 'SEGMENT' END";

/** What the Project, Place, IndustryChain and ChainSegment resolvers read; the long search fields stay in the database. */
const NAMED_PROJECTION =
  'node {.id, .name, .nameEn, .kind, .category, .signedOn, .landedOn, .leftOn, .amountYuan, .local, .synthetic, .description, .order, .layer, .layerEn, .chainId, .sourceKind, .quotes, .reason, .docId}';

/**
 * `find(query, limit)`: every named thing the district's data names — firms, projects, places
 * (parks, the district, cities), chains and segments — in one ranked list, in one round-trip.
 * Each hit carries its kind and the node as its type's resolvers read it. Null when the input has
 * nothing to search for.
 */
export function buildFindQuery(input: string, limit: number): CypherQuery | null {
  const { zh, latin } = buildLuceneQueries(input);
  const code = registryCodeOf(input);
  if (zh === null && latin === null && code === null) return null;
  const parts = [
    ...(code !== null ? [CODE] : []),
    ...(zh !== null ? INDEXES.zh.map((i) => fullText(i, 'zh')) : []),
    ...(latin !== null ? INDEXES.latin.map((i) => fullText(i, 'latin')) : []),
  ];
  const raw = input.trim();
  const cypher = lines(
    'CALL () {',
    parts.join('\n  UNION ALL\n'),
    '}',
    'WITH node, max(score) AS score',
    TIER,
    'ORDER BY score DESC, node.id',
    'LIMIT $limit',
    `RETURN ${KIND} AS kind, CASE WHEN node:Enterprise THEN ${enterpriseProjection('node')} ELSE ${NAMED_PROJECTION} END AS node`,
  );
  const params: Record<string, unknown> = { raw, rawLower: raw.toLowerCase(), limit, candidates: Math.max(limit * 3, 30) };
  if (zh !== null) params.zh = zh;
  if (latin !== null) params.latin = latin;
  if (code !== null) params.code = code;
  return { cypher, params };
}
