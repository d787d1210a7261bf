import { describe, expect, it } from 'vitest';
import { AGGREGATE_THRESHOLD, drillFilter, NO_GROUP, overviewPlan } from '../overviewPlan.ts';

describe('the overview plan', () => {
  it('draws a district up to the threshold firm by firm, as before', () => {
    expect(overviewPlan(108, 'segment', 'seg-ai-speech', 5000)).toEqual({ aggregated: false, groups: null, graph: { limit: 5000 }, drilled: null });
    expect(overviewPlan(AGGREGATE_THRESHOLD, 'segment', null, 5000).aggregated).toBe(false);
  });

  it('aggregates a larger one, and draws the drilled group through graph(filter)', () => {
    expect(overviewPlan(AGGREGATE_THRESHOLD + 1, 'park', null, 5000, { chainId: 'chain-ai' })).toEqual({ aggregated: true, groups: { groupBy: 'PARK', filter: { chainId: 'chain-ai' } }, graph: null, drilled: null });
    expect(overviewPlan(100_000, 'segment', 'seg-ai-speech', 5000)).toEqual({
      aggregated: true,
      groups: { groupBy: 'SEGMENT', filter: null },
      graph: { filter: { segmentId: 'seg-ai-speech' }, limit: AGGREGATE_THRESHOLD },
      drilled: 'seg-ai-speech',
    });
  });

  it('opens no group that no filter expresses: the firms with none, a district', () => {
    expect(drillFilter('segment', NO_GROUP)).toBeNull();
    expect(drillFilter('district', 'syn-district')).toBeNull();
    expect(overviewPlan(5000, 'district', 'syn-district', 5000)).toMatchObject({ graph: null, drilled: null });
  });
});
