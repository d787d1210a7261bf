import { describe, expect, it } from 'vitest';
import { collectFootnotes } from '../collectFootnotes.ts';

const ARTICLE = { title: '福州仓山区“云签约”19个项目', publisher: '福建日报', publishedOn: '2020-04-20' };
const landed = { kind: 'STATED' as const, quote: '2018年11月,“今日头条”落地仓山', ...ARTICLE };
const expanded = { kind: 'STATED' as const, quote: '迅速作出了扩容计划', ...ARTICLE };
const parent = { kind: 'CURATED' as const, reason: '今日头条 is a ByteDance product; the article does not name ByteDance' };

describe('the briefing footnotes', () => {
  it('number sources in reading order, one number for a source cited twice', () => {
    const f = collectFootnotes(
      [
        { key: 'anchor', sources: [landed, expanded] },
        { key: 'target:bytedance', sources: [parent] },
        { key: 'tie:bytedance', sources: [parent] },
      ],
      { max: 10, perFact: 2 },
    );
    expect(f.notes.map((n) => [n.n, n.kind, n.quote ?? n.reason])).toEqual([
      [1, 'STATED', landed.quote],
      [2, 'STATED', expanded.quote],
      [3, 'CURATED', parent.reason],
    ]);
    expect(f.notes[0]).toMatchObject({ title: ARTICLE.title });
    expect(Object.fromEntries(f.refs)).toEqual({ anchor: [1, 2], 'target:bytedance': [3], 'tie:bytedance': [3] });
    expect(f.omitted).toBe(0);
  });

  it('keep to the room of the page: past max the sources are counted, and sources without words are skipped', () => {
    const f = collectFootnotes(
      [
        { key: 'anchor', sources: [landed, expanded, { kind: 'STATED', quote: '第三句' }] },
        { key: 'target:baidu', sources: [{ kind: 'CURATED', reason: '  ' }, parent] },
      ],
      { max: 1, perFact: 2 },
    );
    expect(f.notes).toHaveLength(1);
    expect(f.omitted).toBe(2);
    expect(Object.fromEntries(f.refs)).toEqual({ anchor: [1] });
  });
});
