import * as OpenCC from 'opencc-js';

// Traditional (Taiwan forms, which the source uses) → simplified (mainland).
const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * A pinyin gloss as the source file writes it: ASCII letters and tone-marked vowels in ASCII
 * brackets right after a character, `網(wǎng)`. Chinese text in brackets, `(福州)`, is not a gloss.
 */
const GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)/g;

/** Removes the pinyin glosses: `網(wǎng)絡(luò)` → `網絡`. */
export function stripGlosses(text: string): string {
  return text.replace(GLOSS, '');
}

/** Traditional → simplified Chinese (OpenCC tw → cn). */
export function toSimplified(text: string): string {
  return t2s(text);
}

/**
 * The article text as quotes are taken from it: glosses stripped, then simplified. Pure; the
 * quote test and the article data set both go through this one function.
 */
export function normalizeArticleText(raw: string): string {
  return toSimplified(stripGlosses(raw.replace(/\r\n?/g, '\n')));
}
