import { describe, expect, it } from 'vitest';
import { chainReferenceDataSet, CHAINS } from '../chainReferenceData.ts';
import { articlePlacements } from '../articlePlacements.ts';
import { articleDataSet } from '../../article/loadArticleDataSet.ts';

const ref = chainReferenceDataSet();
const seg = new Map(ref.nodes.filter((n) => n.label === 'Segment').map((n) => [n.id, n]));

describe('chain reference data', () => {
  it('numbers each chain\'s segments 1..n, upstream first, and links each to its chain', () => {
    for (const c of CHAINS) {
      const mine = [...seg.values()].filter((s) => s.chainId === c.id).map((s) => s.order);
      expect(mine).toEqual(mine.map((_, i) => i + 1));
      const has = ref.relations.filter((r) => r.type === 'HAS_SEGMENT' && r.from === c.id).length;
      expect(has).toBe(mine.length);
    }
    expect(CHAINS.map((c) => c.id)).toEqual(['chain-ai', 'chain-iiot', 'chain-content', 'chain-supply', 'chain-health']);
  });

  it('has the AI chain in three layers, infrastructure → technology → applications', () => {
    const ai = [...seg.values()].filter((s) => s.chainId === 'chain-ai');
    expect([...new Set(ai.map((s) => s.layer))]).toEqual(['基础层', '技术层', '应用层']);
    for (const id of ['seg-ai-cloud', 'seg-ai-speech', 'seg-ai-vision', 'seg-ai-platform', 'seg-ai-content', 'seg-ai-mobility', 'seg-ai-manufacturing', 'seg-ai-chips', 'seg-ai-data']) {
      expect(seg.has(id), id).toBe(true);
    }
  });

  it('only feeds downstream within a chain (FEEDS from a lower order to a higher one)', () => {
    const feeds = ref.relations.filter((r) => r.type === 'FEEDS');
    expect(feeds.length).toBeGreaterThan(20);
    for (const f of feeds) {
      const [a, b] = [seg.get(f.from), seg.get(f.to)];
      expect(a && b, `${f.from} → ${f.to}`).toBeTruthy();
      if (a && b && a.chainId === b.chainId) expect(a.order as number, `${f.from} → ${f.to}`).toBeLessThan(b.order as number);
    }
  });

  it('marks every chain, segment, link and placement CURATED with a reason', () => {
    const all = [...ref.nodes, ...ref.relations, ...articlePlacements()];
    expect(all.filter((x) => x.sourceKind !== 'CURATED' || typeof x.reason !== 'string' || x.reason.length < 10)).toEqual([]);
  });

  it('places every local enterprise of the article on at least one segment', () => {
    const ds = articleDataSet();
    const placed = new Set(articlePlacements().map((r) => r.from));
    const unplaced = ds.nodes.filter((n) => n.label === 'Enterprise' && n.local === true && !placed.has(n.id)).map((n) => n.id);
    expect(unplaced).toEqual([]);
    for (const p of articlePlacements()) expect(seg.has(p.to), p.to).toBe(true);
  });
});
