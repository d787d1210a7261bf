import { describe, expect, it } from 'vitest';
import { edge, node } from '../../data/__tests__/graphFixtures.ts';
import type { Graph } from '../../data/types.ts';
import { EMPTY_FILTERS } from '../../state/viewState.ts';
import { computeVisible, drawnOf, endOfPeriod, endOfPreviousPeriod } from '../visibility.ts';

const g: Graph = {
  nodes: [
    node({ id: 'toutiao', label: '今日头条', kind: 'Enterprise', isAnchor: true, landedOn: '2018-11', segmentId: 's1', chainId: 'c1' }),
    node({ id: 'dalv', label: '大吕网络科技', kind: 'Enterprise', landedOn: '2019-07', segmentId: 's2', chainId: 'c1' }),
    node({ id: 'baidu', label: '百度', kind: 'Enterprise', landedOn: '2019-01', synthetic: true }),
    node({ id: 'group', label: '字节跳动', kind: 'Enterprise', local: false, landedOn: null }),
    node({ id: 'park', label: '互联网小镇', kind: 'Place' }),
  ],
  edges: [
    edge({ id: 'ATTRACTED:toutiao->dalv', source: 'toutiao', target: 'dalv', type: 'ATTRACTED', since: '2019-04' }),
    edge({ id: 'PART_OF:toutiao->group', source: 'toutiao', target: 'group', type: 'PART_OF', since: null }),
    edge({ id: 'LOCATED_IN:dalv->park', source: 'dalv', target: 'park', type: 'LOCATED_IN', since: '2019-07' }),
  ],
};
const base = { graph: g, filters: EMPTY_FILTERS, scope: null, expanded: {} };

describe('visibility as of a date (docs/MODEL.md § Time)', () => {
  it('normalises the cursor to the end of its period', () => {
    expect(endOfPeriod('2019')).toBe('2019-12-31');
    expect(endOfPeriod('2019-11')).toBe('2019-11-31');
    expect(endOfPeriod('2019-11-05')).toBe('2019-11-05');
  });

  it('shows a firm from the month it landed, places always, unlanded firms never', () => {
    const at = (asOf: string | null) => [...computeVisible({ ...base, asOf }).nodes].sort();
    expect(at('2019-01')).toEqual(['baidu', 'park', 'toutiao']);
    expect(at('2019-06')).toEqual(['baidu', 'park', 'toutiao']);
    expect(at('2019-07')).toEqual(['baidu', 'dalv', 'park', 'toutiao']);
    expect(at(null)).toEqual(['baidu', 'dalv', 'group', 'park', 'toutiao']);
  });

  it('shows an edge once it began and both ends are shown', () => {
    expect([...computeVisible({ ...base, asOf: '2019-07' }).edges].sort()).toEqual(['ATTRACTED:toutiao->dalv', 'LOCATED_IN:dalv->park']);
    expect([...computeVisible({ ...base, asOf: '2019-06' }).edges]).toEqual([]);
  });

  it('applies filters, scope and expansions', () => {
    const real = computeVisible({ ...base, asOf: null, filters: { ...EMPTY_FILTERS, data: 'real' } });
    expect(real.nodes.has('baidu')).toBe(false);
    const seg = computeVisible({ ...base, asOf: null, filters: { ...EMPTY_FILTERS, segment: 's2' } });
    expect([...seg.nodes].sort()).toEqual(['dalv', 'park']);
    const expanded = computeVisible({ ...base, asOf: null, filters: { ...EMPTY_FILTERS, segment: 's2' }, expanded: { dalv: 1 } });
    expect(expanded.nodes.has('toutiao')).toBe(true);
    const scoped = computeVisible({ ...base, asOf: null, scope: new Set(['toutiao', 'dalv']) });
    expect([...scoped.nodes].sort()).toEqual(['dalv', 'toutiao']);
    const rel = computeVisible({ ...base, asOf: null, filters: { ...EMPTY_FILTERS, relations: ['PART_OF'] } });
    expect([...rel.edges]).toEqual(['PART_OF:toutiao->group']);
  });
});

describe('a firm that left (leftOn)', () => {
  const left: Graph = {
    nodes: [
      node({ id: 'anchor', kind: 'Enterprise', isAnchor: true, landedOn: '2019-01' }),
      node({ id: 'leaver', kind: 'Enterprise', landedOn: '2019-05', leftOn: '2021-03-15' }),
    ],
    edges: [edge({ id: 'ATTRACTED:anchor->leaver', source: 'anchor', target: 'leaver', type: 'ATTRACTED', since: '2019-05' })],
  };
  const at = (asOf: string | null) => computeVisible({ graph: left, filters: EMPTY_FILTERS, scope: null, expanded: {}, asOf });

  it('is drawn as usual the month before, fading out the month it left, and gone after', () => {
    const before = at('2021-02');
    expect([...before.nodes].sort()).toEqual(['anchor', 'leaver']);
    expect([...before.edges]).toEqual(['ATTRACTED:anchor->leaver']);
    expect([...(before.leaving?.nodes ?? [])]).toEqual([]);
    const leaving = at('2021-03');
    // It no longer counts (the counters read `nodes`), but it is drawn, with its relation.
    expect([...leaving.nodes]).toEqual(['anchor']);
    expect([...(leaving.leaving?.nodes ?? [])]).toEqual(['leaver']);
    expect([...(leaving.leaving?.edges ?? [])]).toEqual(['ATTRACTED:anchor->leaver']);
    expect([...drawnOf(leaving).nodes].sort()).toEqual(['anchor', 'leaver']);
    const after = at('2021-04');
    expect([...drawnOf(after).nodes]).toEqual(['anchor']);
    expect([...drawnOf(after).edges]).toEqual([]);
  });

  it('at a day cursor fades out on the day it left; at all time it is drawn faded', () => {
    expect([...(at('2021-03-14').leaving?.nodes ?? [])]).toEqual([]);
    expect([...(at('2021-03-15').leaving?.nodes ?? [])]).toEqual(['leaver']);
    expect([...(at('2021-03-16').leaving?.nodes ?? [])]).toEqual([]);
    const all = at(null);
    expect([...all.nodes]).toEqual(['anchor']);
    expect([...(all.leaving?.nodes ?? [])]).toEqual(['leaver']);
  });

  it('knows the period before a cursor at its precision', () => {
    expect(endOfPreviousPeriod('2021-03')).toBe('2021-02-31');
    expect(endOfPreviousPeriod('2021-01')).toBe('2020-12-31');
    expect(endOfPreviousPeriod('2021')).toBe('2020-12-31');
    expect(endOfPreviousPeriod('2021-03-01')).toBe('2021-02-28');
    expect(endOfPreviousPeriod('not a date')).toBeNull();
  });
});
