import { describe, expect, it } from 'vitest';
import { GAP_RULE, classifyGap, leakThresholds, type GapFigures } from '../gapStatus.ts';
import { gapStatusReason } from '../reasons.ts';
import { kindReason } from '../targetKind.ts';

// A district whose supply ties leak 30 % on average (300 of 1,000).
const district = { allSupplyTies: 1000, allOutsideTies: 300 };
const seg = (localCount: number, supplyTies: number, outsideTies: number, totals = district): GapFigures => ({ localCount, supplyTies, outsideTies, ...totals });

describe('gap status: count and demand', () => {
  it('a segment with no local firm is a GAP whatever its ties say', () => {
    expect(classifyGap(seg(0, 0, 0))).toMatchObject({ status: 'GAP', basis: 'NO_LOCAL_FIRM' });
    expect(classifyGap(seg(0, 40, 0))).toMatchObject({ status: 'GAP', basis: 'NO_LOCAL_FIRM' });
  });

  it('one or two firms are WEAK; three or more with too few ties to judge are STRONG by count', () => {
    expect(classifyGap(seg(1, 2, 0))).toMatchObject({ status: 'WEAK', basis: 'FEW_LOCAL_FIRMS' });
    expect(classifyGap(seg(2, 40, 0))).toMatchObject({ status: 'WEAK', basis: 'FEW_LOCAL_FIRMS' });
    expect(classifyGap(seg(3, GAP_RULE.minTies - 1, GAP_RULE.minTies - 1))).toMatchObject({ status: 'STRONG', basis: 'COUNT_ONLY' });
  });

  it('many firms but most demand leaking out: WEAK above 1.5× the average, GAP above 2× (and 50 %)', () => {
    // thresholds at a 30 % average: WEAK from 45 %, GAP from 60 %.
    expect(leakThresholds(0.3)).toEqual({ weak: 0.44999999999999996, gap: 0.6 });
    expect(classifyGap(seg(200, 100, 44))).toMatchObject({ status: 'STRONG', basis: 'DEMAND_MET', leakShare: 0.44, referenceShare: 0.3 });
    expect(classifyGap(seg(200, 100, 45))).toMatchObject({ status: 'WEAK', basis: 'LEAKAGE' });
    expect(classifyGap(seg(200, 100, 59))).toMatchObject({ status: 'WEAK', basis: 'LEAKAGE' });
    expect(classifyGap(seg(200, 100, 60))).toMatchObject({ status: 'GAP', basis: 'LEAKAGE' });
  });

  it('the floors hold when the district barely leaks: WEAK from 20 %, GAP from 50 %', () => {
    const tight = { allSupplyTies: 1000, allOutsideTies: 20 };
    expect(leakThresholds(0.02)).toEqual({ weak: 0.2, gap: 0.5 });
    expect(classifyGap(seg(50, 10, 1, tight)).status).toBe('STRONG');
    expect(classifyGap(seg(50, 10, 2, tight)).status).toBe('WEAK');
    expect(classifyGap(seg(50, 10, 5, tight)).status).toBe('GAP');
  });

  it('takes the worse yardstick, and names leakage when it is at least as bad as the count', () => {
    expect(classifyGap(seg(2, 100, 90))).toMatchObject({ status: 'GAP', basis: 'LEAKAGE' });
    expect(classifyGap(seg(2, 100, 50))).toMatchObject({ status: 'WEAK', basis: 'LEAKAGE' });
    expect(classifyGap(seg(2, 100, 10))).toMatchObject({ status: 'WEAK', basis: 'FEW_LOCAL_FIRMS' });
  });

  it('the same segment can be STRONG in a leaky district and WEAK in a tight one: the yardstick is the scope', () => {
    const leaky = { allSupplyTies: 1000, allOutsideTies: 500 };
    const tight = { allSupplyTies: 1000, allOutsideTies: 100 };
    expect(classifyGap(seg(30, 100, 40, leaky)).status).toBe('STRONG');
    expect(classifyGap(seg(30, 100, 40, tight)).status).toBe('WEAK');
  });

  it('refuses figures that cannot be', () => {
    expect(() => classifyGap(seg(-1, 0, 0))).toThrow(RangeError);
    expect(() => classifyGap(seg(1, 2.5, 0))).toThrow(RangeError);
    expect(() => classifyGap(seg(1, 2, 3))).toThrow(RangeError);
  });
});

describe('why a segment has its status, in both languages', () => {
  const facts = (localCount: number, supplyTies: number, outsideTies: number, outsideFirms: number) => {
    const f = seg(localCount, supplyTies, outsideTies);
    return { ...classifyGap(f), localCount, supplyTies, outsideTies, outsideFirms };
  };
  it('names the figures that set it', () => {
    expect(gapStatusReason(facts(0, 0, 0, 0))).toEqual({ zh: '区内没有该环节企业', en: 'no local firm in this segment' });
    expect(gapStatusReason(facts(0, 6, 6, 4))).toEqual({
      zh: '区内没有该环节企业；本地企业与区外 4 家该环节企业有 6 条供应关系',
      en: 'no local firm; local firms have 6 supply ties with 4 outside firms in it',
    });
    expect(gapStatusReason(facts(21, 37, 17, 15))).toEqual({
      zh: '区内 21 家，但该环节 37 条供应关系中 17 条在区外（46%，各环节平均 30%）：需求流向区外',
      en: '21 local firms, but 17 of its 37 supply ties go outside the district (46%; all segments: 30%): demand leaks out',
    });
    expect(gapStatusReason(facts(1, 1, 0, 0))).toEqual({ zh: '区内仅 1 家，一家离开即成缺口', en: 'only 1 local firm: one leaving reopens the gap' });
    expect(gapStatusReason(facts(40, 100, 20, 9)).en).toBe('40 local firms; 20 of its 100 supply ties go outside the district (20%; all segments: 30%): no clearly larger outflow than the average');
    expect(gapStatusReason(facts(4, 2, 1, 1)).zh).toBe('区内 4 家；供应关系太少（2 条），按企业数判断');
  });
});

describe('what courting a target means', () => {
  it('expansion through a unit, through a common group, a win-back and a new firm', () => {
    const toutiao = { name: '今日头条', nameEn: 'Toutiao' };
    expect(kindReason('EXPANSION', { via: [toutiao], viaGroup: null, leftOn: null, leftHow: null })).toEqual({
      zh: '同一集团已在区内设有 今日头条：争取增资扩产',
      en: 'its group is already here through Toutiao: expand an existing investor',
    });
    expect(kindReason('EXPANSION', { via: [toutiao], viaGroup: { name: '字节跳动', nameEn: 'ByteDance' }, leftOn: null, leftHow: null }).en).toBe(
      'its group ByteDance is already here through Toutiao: expand an existing investor',
    );
    expect(kindReason('WIN_BACK', { via: [], viaGroup: null, leftOn: '2021-03', leftHow: 'movedOut' })).toEqual({
      zh: '曾在区内，2021-03 迁出本区：争取回归',
      en: 'was in the district, moved out in 2021-03: win it back',
    });
    expect(kindReason('NEW', { via: [], viaGroup: null, leftOn: null, leftHow: null }).en).toBe('new to the district');
  });
});
