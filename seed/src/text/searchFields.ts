import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

// OpenCC's standard traditional and the Taiwan forms people type (頭條, 網路); Hong Kong forms add
// little for these names and cost a third of the conversion time.
const toTraditional = [OpenCC.Converter({ from: 'cn', to: 't' }), OpenCC.Converter({ from: 'cn', to: 'tw' })];

/**
 * Memo of the per-string work (pinyin, traditional forms): short aliases and name parts repeat
 * a lot in large imports. Bounded: cleared when it grows past 200k entries.
 */
const memo = new Map<string, { full: string; initials: string; trad: string[] }>();
function forms(s: string): { full: string; initials: string; trad: string[] } {
  let f = memo.get(s);
  if (!f) {
    if (memo.size > 200_000) memo.clear();
    f = { full: pinyinFull(s), initials: pinyinInitials(s), trad: toTraditional.map((c) => c(s)) };
    memo.set(s, f);
  }
  return f;
}

const HAN = /\p{Script=Han}/u;

export interface SearchFields {
  searchZh: string;
  searchLatin: string;
  pinyin: string;
  pinyinInitials: string;
}

function uniq(xs: Iterable<string>): string[] {
  return [...new Set([...xs].map((x) => x.trim()).filter(Boolean))];
}

/** Full pinyin without tones, syllables separated: 今日头条 → "jin ri tou tiao". Latin runs kept. */
export function pinyinFull(text: string): string {
  return pinyin(text, { toneType: 'none', nonZh: 'consecutive', v: false }).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Initials of each Han syllable (Latin runs kept whole): 今日头条 → "jrtt". */
export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', nonZh: 'consecutive', type: 'array' })
    .join('')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/**
 * The search fields of docs/MODEL.md, computed at import so every importer path agrees:
 * `searchZh` = name + aliases + their traditional forms (cjk full-text index);
 * `searchLatin` = English name + Latin aliases + pinyin full / joined / initials of the name and
 * of every Chinese alias (folding full-text index).
 */
export function searchFields(name: string, nameEn: string | null | undefined, aliases: readonly string[] = []): SearchFields {
  const zhForms = uniq([name, ...aliases].filter((s) => HAN.test(s)));
  const zh = zhForms.map(forms);
  const searchZh = uniq(zhForms.flatMap((s, i) => [s, ...(zh[i]?.trad ?? [])])).join(' ');
  const latinAliases = aliases.filter((s) => !HAN.test(s));
  const own = HAN.test(name) ? (zh[0] as { full: string; initials: string }) : { full: pinyinFull(name), initials: pinyinInitials(name) };
  const pyForms = zh.flatMap(({ full, initials }) => {
    const joined = full.replace(/\s+/g, '');
    // People type ü as v (lü → lv); the folding analyzer turns ü into u by itself.
    return [full, joined, joined.includes('ü') ? joined.replace(/ü/g, 'v') : '', initials];
  });
  const searchLatin = uniq([nameEn ?? '', ...latinAliases, ...pyForms]).join(' | ');
  const py = own.full;
  const ini = own.initials;
  return { searchZh, searchLatin, pinyin: py, pinyinInitials: ini };
}
