import { describe, expect, it } from 'vitest';
import { edge, node } from '../../data/__tests__/graphFixtures.ts';
import type { Graph } from '../../data/types.ts';
import { chainPositions, clusterPositions, concentricPositions } from '../positions.ts';

function district(n: number): Graph {
  const nodes = Array.from({ length: n }, (_, i) => node({
    id: `f${i}`, label: `企业${i}`, kind: 'Enterprise', isAnchor: i % 50 === 0, degree: i % 7,
    segmentId: `s${i % 6}`, chainId: `c${i % 2}`, segmentOrder: (i % 6) + 1,
  }));
  const edges = nodes.slice(1).map((x, i) => edge({ id: `e${i}`, source: `f${Math.floor(i / 3)}`, target: x.id, type: 'SUPPLIES' }));
  return { nodes, edges };
}

describe('deterministic positions', () => {
  it('gives every node a position, the same on every run', () => {
    const g = district(500);
    const a = clusterPositions(g);
    expect(a.size).toBe(500);
    expect([...clusterPositions(g)]).toEqual([...a]);
  });

  it('lays chain lanes upstream → downstream by segment order', () => {
    const g = district(120);
    const p = chainPositions(g);
    const x = (seg: number) => Math.min(...g.nodes.filter((n) => n.segmentId === `s${seg}` && n.chainId === 'c0').map((n) => p.get(n.id)!.x));
    expect(x(0)).toBeLessThan(x(2));
    expect(x(2)).toBeLessThan(x(4));
  });

  it('puts the anchor at the centre and rings by hop distance', () => {
    const g = district(40);
    const members = new Set(g.nodes.map((n) => n.id));
    const p = concentricPositions(g, 'f0', members);
    const r = (id: string) => Math.hypot(p.get(id)!.x, p.get(id)!.y);
    expect(r('f0')).toBe(0);
    expect(r('f1')).toBeLessThan(r('f4')); // f1 is one hop from f0, f4 two
  });
});
