/**
 * Text as a registry export writes it: full-width forms folded to half-width (NFKC), and the
 * placeholders exports put in an empty cell.
 */

/** Full-width letters, digits, brackets and the ideographic space → their half-width forms (NFKC). */
export function halfWidth(s: string): string {
  return s.normalize('NFKC');
}

/** What exports write for "nothing here": `-`, `—`, `--`, `无`, `/`, `暂无`, `null`… */
const BLANKS = new Set(['', '-', '--', '—', '——', '–', '无', '/', '暂无', '空', 'null', 'NULL', 'N/A', 'n/a', '未公开', '未知']);

/** A cell's text with the outer whitespace trimmed, or null when it says nothing. */
export function cellValue(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const t = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return BLANKS.has(halfWidth(t)) ? null : t;
}

/** Whitespace of every width removed (for headers and names). */
export function noSpaces(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}
