import type { PropValue } from '@cangshan/model';

/** The article's Document node id: every STATED fact of the article data set cites it. */
export const DOC_ID = 'doc-cangshan-investment-2020-04-20';

/** Provenance of a fact the article states: its verbatim quotes (normalised text, see normalizeArticleText). */
export function stated(...quotes: string[]): Record<string, PropValue> {
  return { synthetic: false, sourceKind: 'STATED', quotes, reason: null, docId: DOC_ID };
}

/** Provenance of our own judgement: a one-line reason, optionally the article's words that support it. */
export function curated(reason: string, ...quotes: string[]): Record<string, PropValue> {
  return { synthetic: false, sourceKind: 'CURATED', quotes, reason, docId: quotes.length > 0 ? DOC_ID : null };
}
