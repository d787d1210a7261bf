// The briefing's footnotes: each stated fact on the page points at its source — a STATED fact at
// the article's title and quote, a CURATED one at its reason (docs/MODEL.md, "Sources"). The same
// source cited twice gets one number. A page has room for a handful: past `max` the rest are
// counted, not listed, and the facts that would cite them carry no number.
import type { SourceKind } from '../data/types.ts';

export interface NoteSource {
  kind: SourceKind;
  quote?: string | null;
  reason?: string | null;
  title?: string | null;
  publisher?: string | null;
  publishedOn?: string | null;
}

export interface Footnote extends NoteSource {
  n: number;
}

/** One fact of the page and the sources behind it, in reading order. */
export interface CitedFact {
  /** Where the page shows the fact (`anchor`, `target:bytedance`, `tie:bytedance`). */
  key: string;
  sources: NoteSource[];
}

export interface Footnotes {
  notes: Footnote[];
  /** The footnote numbers of each fact, by its key. */
  refs: Map<string, number[]>;
  /** Sources left out for lack of room. */
  omitted: number;
}

const textOf = (s: NoteSource): string => (s.quote ?? s.reason ?? '').trim();

/** `perFact`: at most this many sources of one fact get a number (a firm can carry six quotes). */
export function collectFootnotes(facts: CitedFact[], { max, perFact }: { max: number; perFact: number }): Footnotes {
  const notes: Footnote[] = [];
  const byText = new Map<string, number>();
  const refs = new Map<string, number[]>();
  let omitted = 0;
  for (const fact of facts) {
    const nums: number[] = [];
    for (const s of fact.sources.filter((x) => textOf(x) !== '').slice(0, perFact)) {
      const key = `${s.kind}\u0000${textOf(s)}`;
      let n = byText.get(key);
      if (n === undefined) {
        if (notes.length >= max) {
          omitted += 1;
          continue;
        }
        n = notes.length + 1;
        byText.set(key, n);
        notes.push({ ...s, n });
      }
      if (!nums.includes(n)) nums.push(n);
    }
    if (nums.length) refs.set(fact.key, [...(refs.get(fact.key) ?? []), ...nums]);
  }
  return { notes, refs, omitted };
}
