import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifySegment, gapFillValue, GAP_THRESHOLDS } from '../gapStatus.ts';
import { DEFAULT_WEIGHTS, FACTOR_NAMES, HALF_SATURATION, SATURATED_FACTORS, WEIGHT_FLOOR, explainScore, weightFloorOf, isoMonths, monthsBefore, saturate, validateWeights, type FactorName } from '../scoring.ts';
import { buildReasons, tieReason } from '../reasons.ts';

describe('gap classification', () => {
  it('GAP at 0 firms, WEAK at 1–2, STRONG from 3', () => {
    expect([0, 1, 2, 3, 4, 100].map((n) => classifySegment(n))).toEqual(['GAP', 'WEAK', 'WEAK', 'STRONG', 'STRONG', 'STRONG']);
    expect(GAP_THRESHOLDS).toEqual({ weakMin: 1, strongMin: 3 });
  });
  it('refuses a negative or fractional count', () => {
    expect(() => classifySegment(-1)).toThrow(RangeError);
    expect(() => classifySegment(1.5)).toThrow(RangeError);
  });
  it('values filling a gap above strengthening a weak segment above a strong one', () => {
    expect([gapFillValue('GAP'), gapFillValue('WEAK'), gapFillValue('STRONG')]).toEqual([1, 0.5, 0]);
  });
});

describe('score math', () => {
  it('saturates: 0 → 0, k → 1/2, grows towards 1', () => {
    expect(saturate(0, 1)).toBe(0);
    expect(saturate(1, 1)).toBe(0.5);
    expect(saturate(3, 1)).toBe(0.75);
    expect(saturate(Number.NaN, 1)).toBe(0);
  });
  it('splits a score into contributions that sum to it and shares that sum to 1', () => {
    const values = { anchorTies: 0.5, localTies: 0, adamicAdar: 0.25, gapFill: 1, similarity: 0.5, recency: 0.8, focus: 0.4, customerTies: 0.6 };
    const weights = { anchorTies: 0.25, localTies: 0.2, adamicAdar: 0.1, gapFill: 0.15, similarity: 0.1, recency: 0.1, focus: 0.05, customerTies: 0.05 };
    const { score, factors } = explainScore(values, weights);
    expect(score).toBeCloseTo(0.25 * 0.5 + 0.1 * 0.25 + 0.15 * 1 + 0.1 * 0.5 + 0.1 * 0.8 + 0.05 * 0.4 + 0.05 * 0.6, 12);
    expect(factors.map((f) => f.name)).toEqual([...FACTOR_NAMES]);
    expect(factors.find((f) => f.name === 'gapFill')).toMatchObject({ weight: 0.15, value: 1, contribution: 0.15 });
    expect(factors.reduce((a, f) => a + f.share, 0)).toBeCloseTo(1, 12);
    expect(factors.find((f) => f.name === 'localTies')?.share).toBe(0);
  });
  it('property: score in [0, 1], contributions sum to the score, shares to 1 (or all 0)', () => {
    const value = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(value, value, value, value, value, value, value, value), (vs) => {
        const values = Object.fromEntries(FACTOR_NAMES.map((n, i) => [n, vs[i] ?? 0])) as Record<FactorName, number>;
        const { score, factors } = explainScore(values, DEFAULT_WEIGHTS);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1 + 1e-12);
        expect(factors.reduce((a, f) => a + f.contribution, 0)).toBeCloseTo(score, 12);
        const shares = factors.reduce((a, f) => a + f.share, 0);
        expect(score === 0 ? shares === 0 : Math.abs(shares - 1) < 1e-9).toBe(true);
      }),
    );
  });
  it('default weights sum to 1, none below the floor (gap fill stays on); bad weights are refused', () => {
    expect(FACTOR_NAMES.reduce((a, n) => a + DEFAULT_WEIGHTS[n], 0)).toBeCloseTo(1, 12);
    expect(FACTOR_NAMES.every((n) => DEFAULT_WEIGHTS[n] >= weightFloorOf(n) - 1e-12)).toBe(true);
    expect(FACTOR_NAMES.filter((n) => weightFloorOf(n) < WEIGHT_FLOOR)).toEqual(['customerTies']);
    expect(weightFloorOf('gapFill')).toBe(WEIGHT_FLOOR);
    expect(SATURATED_FACTORS.every((n) => HALF_SATURATION[n] > 0)).toBe(true);
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, gapFill: -1 })).toThrow(/gapFill/);
    expect(() => validateWeights(Object.fromEntries(FACTOR_NAMES.map((n) => [n, 0])) as Record<FactorName, number>)).toThrow(/positive/);
  });
  it('counts months of ISO prefixes; a bare year is mid-year', () => {
    expect(isoMonths('2019-11-05') - isoMonths('2018-11')).toBe(12);
    expect(isoMonths('2019')).toBe(2019 * 12 + 6);
    expect(monthsBefore('2019-11-31', 24)).toBe('2017-11');
    expect(monthsBefore('2020-01-31', 1)).toBe('2019-12');
    expect(monthsBefore('2020-12-31', 12)).toBe('2019-12');
    expect(() => isoMonths('soon')).toThrow(RangeError);
  });
});

describe('reasons in plain words', () => {
  const toutiao = { name: '今日头条', nameEn: 'Toutiao', isAnchor: true };
  it('says which way a tie runs, in both languages', () => {
    expect(tieReason({ type: 'SUPPLIES', outgoing: true, other: toutiao })).toEqual({ zh: '供应 今日头条（链主）', en: 'supplies Toutiao (anchor)' });
    expect(tieReason({ type: 'SUPPLIES', outgoing: false, other: { name: '大吕网络科技' } })).toEqual({ zh: '是 大吕网络科技 的客户', en: 'buys from 大吕网络科技' });
    expect(tieReason({ type: 'PART_OF', outgoing: false, other: toutiao }).en).toBe('is the parent group of Toutiao (anchor)');
    expect(tieReason({ type: 'PARTNER_OF', outgoing: true, other: toutiao }).zh).toBe('与 今日头条（链主） 合作');
  });
  it('gives one reason per contributing factor, in the order given', () => {
    const reasons = buildReasons({
      ties: [{ type: 'SUPPLIES', outgoing: true, other: toutiao, since: '2019-06' }],
      gap: { status: 'GAP', localCount: 0, segment: { name: '语音识别', nameEn: null } },
      via: [],
      similarity: { segment: { name: '语音识别' }, sameSegment: false, origin: '北京', sameOrigin: true },
      newestTie: '2019-06',
      factors: ['anchorTies', 'gapFill', 'similarity', 'recency'],
    });
    expect(reasons.map((r) => r.en)).toEqual(['supplies Toutiao (anchor)', 'fills the empty segment 语音识别', 'resembles recent arrivals: also from 北京', 'tie formed recently (2019-06)']);
    expect(reasons.map((r) => r.zh)).toEqual(['供应 今日头条（链主）', '填补空白环节 语音识别', '与近期落地的企业相似：同样来自 北京', '关联为近期建立（2019-06）']);
  });
  it('words a weak segment with its count, and skips a strong one', () => {
    const base = { ties: [], via: [], similarity: { segment: null, sameSegment: false, origin: null, sameOrigin: false }, newestTie: null, factors: ['gapFill' as const] };
    expect(buildReasons({ ...base, gap: { status: 'WEAK', localCount: 2, segment: { name: '计算机视觉', nameEn: 'Computer vision' } } })[0]).toMatchObject({
      zh: '补强薄弱环节 计算机视觉（本地仅 2 家）',
      en: 'strengthens the weak segment Computer vision (2 local firms)',
    });
    expect(buildReasons({ ...base, gap: { status: 'STRONG', localCount: 9, segment: { name: '云计算' } } })).toEqual([]);
  });
  it('words focus with its figures, "committed" only when most ties are local, nothing without a local tie', () => {
    const base = { ties: [], gap: null, via: [], similarity: { segment: null, sameSegment: false, origin: null, sameOrigin: false }, newestTie: null, factors: ['focus' as const] };
    expect(buildReasons({ ...base, focus: { ties: 3, of: 3 } })[0]).toMatchObject({ factor: 'focus', zh: '3 条关联全部与本地企业，专注本地', en: 'all 3 of its ties are with local firms: committed here' });
    expect(buildReasons({ ...base, focus: { ties: 3, of: 4 } })[0]?.en).toBe('3 of its 4 ties are with local firms: committed here, not a hub');
    expect(buildReasons({ ...base, focus: { ties: 2, of: 40 } })[0]).toMatchObject({ zh: '40 条关联中 2 条与本地企业', en: '2 of its 40 ties are with local firms' });
    expect(buildReasons({ ...base, focus: { ties: 0, of: 40 } })).toEqual([]);
  });
  it('words customer ties with the count and the first customers, nothing without one', () => {
    const base = { gap: null, via: [], similarity: { segment: null, sameSegment: false, origin: null, sameOrigin: false }, newestTie: null, factors: ['customerTies' as const] };
    const ties = [
      { type: 'SUPPLIES', outgoing: false, other: { name: '大吕网络科技' } },
      { type: 'SUPPLIES', outgoing: true, other: toutiao },
      { type: 'SUPPLIES', outgoing: true, other: { name: '新大陆', nameEn: 'Newland' } },
    ];
    expect(buildReasons({ ...base, ties, customers: 3 })[0]).toMatchObject({
      factor: 'customerTies',
      zh: '客户在本地：供应 3 家本地企业（今日头条、新大陆 等）',
      en: 'its customers are here: supplies 3 local firms (Toutiao, Newland, …)',
    });
    expect(buildReasons({ ...base, ties: ties.slice(1, 2), customers: 1 })[0]).toMatchObject({ zh: '客户在本地：供应 1 家本地企业（今日头条）', en: 'its customer is here: supplies 1 local firm (Toutiao)' });
    expect(buildReasons({ ...base, ties, customers: 0 })).toEqual([]);
  });
});
