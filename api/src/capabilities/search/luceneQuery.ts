const HAN_RUN = /[\p{Script=Han}]+/gu;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every character Lucene's query parser would interpret (the query is user text). */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Turns what a person typed into the two full-text queries of neo4j/src/schema.ts:
 * - `zh` for `enterprise_names_zh` (cjk analyzer: overlapping bigrams, so 头条 finds 今日头条;
 *   searchZh holds traditional forms too, so 今日頭條 matches as typed), the Han runs escaped;
 * - `latin` for `enterprise_names_latin` (standard-folding): each Latin word as itself (boosted),
 *   as a prefix (toutiao → toutiao…), and fuzzily (one edit from 4 letters, two from 7: Huawai →
 *   huawei), words OR-ed and ranked by score. Only letters and digits survive the split, so no
 *   operator or field syntax can reach Lucene.
 * Either is null when the input has no such part.
 */
export function buildLuceneQueries(input: string): { zh: string | null; latin: string | null } {
  const han = [...input.matchAll(HAN_RUN)].map((m) => m[0]);
  const zh = han.length > 0 ? han.map(escapeLucene).join(' ') : null;
  const words = input
    .replace(HAN_RUN, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  const clauses = words.map((w) => {
    const parts = [`${w}^3`];
    if (w.length >= 2) parts.push(`${w}*^2`);
    if (w.length >= 4) parts.push(`${w}~${w.length >= 7 ? 2 : 1}`);
    return `(${parts.join(' ')})`;
  });
  return { zh, latin: clauses.length > 0 ? clauses.join(' ') : null };
}
