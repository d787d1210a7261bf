import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

const toTraditional = [OpenCC.Converter({ from: 'cn', to: 't' }), OpenCC.Converter({ from: 'cn', to: 'tw' }), OpenCC.Converter({ from: 'cn', to: 'hk' })];

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
  const searchZh = uniq(zhForms.flatMap((s) => [s, ...toTraditional.map((c) => c(s))])).join(' ');
  const latinAliases = aliases.filter((s) => !HAN.test(s));
  const py = pinyinFull(name);
  const ini = pinyinInitials(name);
  const pyForms = zhForms.flatMap((s) => {
    const full = pinyinFull(s);
    const joined = full.replace(/\s+/g, '');
    // People type ü as v (lü → lv); the folding analyzer turns ü into u by itself.
    return [full, joined, joined.includes('ü') ? joined.replace(/ü/g, 'v') : '', pinyinInitials(s)];
  });
  const searchLatin = uniq([nameEn ?? '', ...latinAliases, ...pyForms]).join(' | ');
  return { searchZh, searchLatin, pinyin: py, pinyinInitials: ini };
}
