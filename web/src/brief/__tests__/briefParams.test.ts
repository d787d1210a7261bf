import { describe, expect, it } from 'vitest';
import { briefHash, parseBriefParams } from '../briefParams.ts';

const may2026 = new Date(2026, 4, 20);

describe('the briefing’s parameters in the hash', () => {
  it('read the anchor, chain, month, language and target count', () => {
    expect(parseBriefParams('#/brief?anchor=toutiao&chain=chain-content&asOf=2020-04&lang=en&targets=3', may2026)).toEqual({
      params: { anchorId: 'toutiao', chainId: 'chain-content', asOf: '2020-04', lang: 'en', targets: 3 },
      problems: [],
    });
  });

  it('default to the district, this month, Chinese and five targets', () => {
    expect(parseBriefParams('#/brief', may2026).params).toEqual({ anchorId: null, chainId: null, asOf: '2026-05', lang: 'zh', targets: 5 });
  });

  it('report a malformed value rather than guess', () => {
    const { params, problems } = parseBriefParams('#/brief?anchor=a%20b&asOf=2020-4&targets=9', may2026);
    expect(problems).toEqual([
      { param: 'anchor', value: 'a b' },
      { param: 'asOf', value: '2020-4' },
      { param: 'targets', value: '9' },
    ]);
    expect(params).toMatchObject({ anchorId: null, asOf: '2026-05', targets: 5 });
  });

  it('round-trip through the link the leaders panel makes', () => {
    const hash = briefHash({ anchorId: 'fii', asOf: '2020-04-15', lang: 'en' });
    expect(hash).toBe('#/brief?anchor=fii&asOf=2020-04&lang=en');
    expect(parseBriefParams(hash, may2026).params).toMatchObject({ anchorId: 'fii', asOf: '2020-04', lang: 'en' });
    expect(briefHash({})).toBe('#/brief');
  });
});
