import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { DEFAULT_VIEW, EMPTY_FILTERS } from '../../state/viewState.ts';
import { apiFilter, viewQuery } from '../viewQuery.ts';
import { rowsToCsv } from '../exportView.ts';

describe('copy as GraphQL', () => {
  it('asks graph(filter, asOf) for the overview, with the filters in API form', () => {
    const v = { ...DEFAULT_VIEW, asOf: '2019-07', filters: { ...EMPTY_FILTERS, chain: 'chain-ai', data: 'real' as const, to: '2020-04' } };
    const q = viewQuery(v, null);
    parse(q.query);
    expect(q.query).toContain('graph(filter: $filter, asOf: $asOf, limit: $limit)');
    expect(q.variables).toMatchObject({ asOf: '2019-07', filter: { chainId: 'chain-ai', synthetic: false, landedTo: '2020-04' } });
  });

  it('asks circle for the circle layout, and adds path and profile when shown', () => {
    const v = { ...DEFAULT_VIEW, layout: 'circle' as const, selected: 'dalv', path: ['dalv', 'fii'] as [string, string], expanded: { dalv: 12 } };
    const q = viewQuery(v, 'toutiao');
    parse(q.query);
    expect(q.query).toContain('circle(anchorId: $anchorId, depth: $depth, asOf: $asOf)');
    expect(q.query).toContain('path(fromId: $fromId, toId: $toId)');
    expect(q.query).toContain('selected: enterprise(id: $selected)');
    expect(q.variables).toMatchObject({ anchorId: 'toutiao', fromId: 'dalv', toId: 'fii', selected: 'dalv', expand0: 'dalv' });
  });

  it('asks overviewGroups for an aggregated overview, and the group as a filter when drilled into', () => {
    const agg = viewQuery({ ...DEFAULT_VIEW, groupBy: 'park', asOf: '2020-01' }, null, true);
    parse(agg.query);
    expect(agg.query).toContain('overviewGroups(groupBy: $groupBy, filter: $filter, asOf: $asOf)');
    expect(agg.variables).toEqual({ asOf: '2020-01', groupBy: 'PARK', filter: null });
    const drilled = viewQuery({ ...DEFAULT_VIEW, group: 'seg-ai-speech', selected: 'syn-e000042', filters: { ...EMPTY_FILTERS, data: 'synthetic' } }, null, true);
    parse(drilled.query);
    expect(drilled.query).toContain('graph(filter: $filter, asOf: $asOf, limit: $limit)');
    expect(drilled.query).toContain('selected: enterprise(id: $selected)');
    expect(drilled.variables).toMatchObject({ filter: { synthetic: true, segmentId: 'seg-ai-speech' }, limit: 2000, selected: 'syn-e000042' });
    // The same view of a small district is the whole graph, as before.
    expect(viewQuery({ ...DEFAULT_VIEW, group: 'seg-ai-speech' }, null).variables).toMatchObject({ filter: null, limit: 5000 });
  });

  it('has no filter for the unfiltered view', () => {
    expect(apiFilter(DEFAULT_VIEW)).toBeNull();
  });
});

describe('CSV export', () => {
  // The writer itself is the model's (model/src/__tests__/csv.test.ts); this is the web's use of it.
  it('writes a BOM, quotes commas, quotes and newlines, marks formula-like text, keeps numbers', () => {
    expect(rowsToCsv([{ a: '今日头条', b: 'x,"y"\nz', n: -5 }, { a: '=cmd|x', b: null, n: 2 }], ['a', 'b', 'n'])).toBe(
      '\ufeffa,b,n\r\n今日头条,"x,""y""\nz",-5\r\n\'=cmd|x,,2\r\n',
    );
  });
});
