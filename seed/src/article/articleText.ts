import { readFileSync } from 'node:fs';
import { normalizeArticleText } from '../text/normalizeArticleText.ts';

/** The source file as published (traditional, with pinyin glosses), kept in the repo beside the data set. */
export const ARTICLE_FILE = new URL('./source/cangshan-investment-2020-04-20.txt', import.meta.url);

/** The article as quotes are taken from it (glosses stripped, simplified). */
export function articleText(): string {
  return normalizeArticleText(readFileSync(ARTICLE_FILE, 'utf8'));
}
