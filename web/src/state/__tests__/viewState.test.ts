import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, fromSearch, toSearch, type ViewState } from '../viewState.ts';

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    const v: ViewState = {
      lang: 'en',
      layout: 'circle',
      selected: 'dalv',
      anchor: 'toutiao',
      asOf: '2019-07',
      filters: { chain: 'chain-ai', segment: 'seg-ai-speech', park: 'park-internet-town', relations: ['ATTRACTED', 'SUPPLIES'], data: 'real', from: '2019-01', to: '2020-04' },
      expanded: { toutiao: 24, fii: 12 },
      path: ['dalv', 'fii'],
      panel: 'path',
      target: 'bytedance',
      groupBy: 'park',
      group: 'park-internet-town',
    };
    expect(fromSearch(toSearch(v))).toEqual(v);
  });

  it('writes nothing for the default view and reads it back', () => {
    expect(toSearch(DEFAULT_VIEW)).toBe('');
    expect(fromSearch('')).toEqual(DEFAULT_VIEW);
  });

  it('keeps the drilled group of the aggregated overview and the firm selected in it', () => {
    const search = toSearch({ ...DEFAULT_VIEW, group: 'seg-ai-speech', selected: 'syn-e000042', panel: 'profile' });
    expect(search).toBe('?sel=syn-e000042&panel=profile&grp=seg-ai-speech');
    expect(fromSearch(search)).toMatchObject({ groupBy: 'segment', group: 'seg-ai-speech', selected: 'syn-e000042' });
    expect(fromSearch('?agg=city&grp=%3Cx%3E')).toMatchObject({ groupBy: 'segment', group: null });
  });

  it('drops malformed values instead of throwing', () => {
    const v = fromSearch('?layout=spiral&asOf=2019-13&sel=%3Cscript%3E&lang=fr&path=a&exp=x:-3,y:abc&data=maybe');
    expect(v.layout).toBe('cluster');
    expect(v.asOf).toBeNull();
    expect(v.selected).toBeNull();
    expect(v.lang).toBe('zh');
    expect(v.path).toBeNull();
    expect(v.expanded).toEqual({ x: 12, y: 12 });
    expect(v.filters.data).toBe('all');
  });
});
