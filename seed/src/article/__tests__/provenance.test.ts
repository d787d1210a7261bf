import { describe, expect, it } from 'vitest';
import { articleDataSet } from '../loadArticleDataSet.ts';
import { articleText } from '../articleText.ts';
import { DOC_ID } from '../source.ts';
import { validateDataSet } from '../../format/validateDataSet.ts';

const text = articleText();
const ds = articleDataSet();
const facts = [...ds.nodes.map((n) => ({ what: `node ${n.id}`, p: n })), ...ds.relations.map((r) => ({ what: `${r.from} -[${r.type}]-> ${r.to}`, p: r }))];

describe('article data set provenance', () => {
  it('finds every quote verbatim in the normalised article', () => {
    const missing = facts.flatMap(({ what, p }) => ((p.quotes as string[] | null) ?? []).filter((q) => !text.includes(q)).map((q) => `${what}: ${q}`));
    expect(missing).toEqual([]);
  });

  it('gives every STATED fact a quote and the article as document, every CURATED fact a reason', () => {
    const bad = facts.filter(({ p }) =>
      p.sourceKind === 'STATED'
        ? !((p.quotes as string[] | null)?.length && p.docId === DOC_ID)
        : p.sourceKind === 'CURATED'
          ? !(typeof p.reason === 'string' && p.reason.length > 10)
          : true,
    );
    expect(bad.map((b) => b.what)).toEqual([]);
  });

  it('marks nothing synthetic and uses no garbled source text in a STATED quote', () => {
    expect(facts.filter(({ p }) => p.synthetic !== false)).toEqual([]);
    const garbled = facts.filter(({ p }) => p.sourceKind === 'STATED' && ((p.quotes as string[] | null) ?? []).some((q) => /[?a-zāáǎàēéěèīíǐìōóǒòūúǔù]{2,}/.test(q)));
    expect(garbled.map((g) => g.what)).toEqual([]);
  });

  it('passes the import validation on its own (no database references)', () => {
    expect(validateDataSet(ds, { existing: new Map() })).toEqual([]);
  });
});
