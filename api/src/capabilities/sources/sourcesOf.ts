import { SOURCE_KINDS, type SourceKind } from '@cangshan/model';
import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';

export type { SourceKind };

/** Provenance fields every node and relation carries (docs/MODEL.md). */
export interface SourcedRow {
  sourceKind?: unknown;
  quotes?: unknown;
  reason?: unknown;
  docId?: unknown;
  synthetic?: unknown;
}

export function sourceKindOf(row: SourcedRow): SourceKind {
  const k = SOURCE_KINDS.find((s) => s === row.sourceKind);
  if (k) return k;
  return row.synthetic === true ? 'SYNTHETIC' : 'CURATED';
}

/**
 * The `sources` of a node: one Source per quote (STATED, or CURATED with supporting quotes), or
 * one carrying the reason; each with its document's title, publisher and date.
 */
export async function sourcesOf(row: SourcedRow, ctx: Context): Promise<Row[]> {
  const kind = sourceKindOf(row);
  const doc = typeof row.docId === 'string' ? await ctx.loaders.documents.load(row.docId) : null;
  const base = {
    kind,
    reason: typeof row.reason === 'string' ? row.reason : null,
    title: (doc?.title as string | undefined) ?? null,
    publisher: (doc?.publisher as string | undefined) ?? null,
    publishedOn: (doc?.publishedOn as string | undefined) ?? null,
    url: (doc?.url as string | undefined) ?? null,
  };
  const quotes = Array.isArray(row.quotes) ? row.quotes.filter((q): q is string => typeof q === 'string' && q.length > 0) : [];
  if (quotes.length === 0) return [{ ...base, quote: null }];
  return quotes.map((quote) => ({ ...base, quote }));
}
