import { describe, expect, it } from 'vitest';
import { placeFirm } from '../placeFirm.ts';
import { PLACEMENT_RULES } from '../placementRules.ts';
import { CHAINS } from '../../chains/chainReferenceData.ts';
import { GBT4754_NAMES } from '../industry.ts';

const segmentIds = CHAINS.flatMap((c) => c.segments.map((s) => s.id));

describe('placement rules', () => {
  it('name only real segments, cover every segment, and use well-formed GB/T 4754 codes', () => {
    const ruled = new Set(PLACEMENT_RULES.map((r) => r.segmentId));
    for (const r of PLACEMENT_RULES) if (r.segmentId !== null) expect(segmentIds).toContain(r.segmentId);
    for (const id of segmentIds) expect(ruled.has(id), id).toBe(true);
    const known = new Map(GBT4754_NAMES.map(([c, n]) => [c, n]));
    for (const r of PLACEMENT_RULES) {
      for (const i of r.industries) {
        expect(i.code).toMatch(/^[A-T](\d{2,4})?$/);
        // Every industry a rule names is in the name table, under the same code, so name-only cells match too.
        expect(known.get(i.code), i.code).toBe(i.name);
      }
    }
  });
});

describe('placeFirm', () => {
  it('places a speech firm and says why', () => {
    const p = placeFirm({ name: '福州星辰语音科技有限公司', industry: '软件和信息技术服务业', businessScope: '一般项目：语音识别技术服务；语音合成软件开发；软件开发' });
    expect(p.segmentId).toBe('seg-ai-speech');
    expect(p.reason).toBe('CURATED: 所属行业=软件和信息技术服务业 (I65); 经营范围 contains 语音识别, 语音合成; name contains 语音 (weak)');
    expect(p.needsReview).toBe(false);
    expect(p.confidence).toBeGreaterThan(0.6);
    expect(p.runnerUp?.segmentId).toBe('seg-ai-software');
  });

  it('places by industry code as precisely as it is written', () => {
    const p = placeFirm({ name: '福州某某科技有限公司', industry: 'C3581', businessScope: '第二类医疗器械销售；医疗设备租赁' });
    expect(p.segmentId).toBe('seg-health-devices');
    expect(p.reason).toMatch(/所属行业=医疗仪器设备及器械制造 \(C358\)/);
  });

  it('leaves a restaurant on no chain without asking, even when its scope lists 技术服务', () => {
    const p = placeFirm({ name: '福州榕味餐饮管理有限公司', industry: '餐饮业', businessScope: '餐饮管理；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；计算机软硬件及辅助设备零售。许可项目：餐饮服务' });
    expect(p).toMatchObject({ segmentId: null, needsReview: false });
    expect(p.reason).toMatch(/^CURATED: on no chain: 所属行业=餐饮业 \(H62\); 经营范围 contains 餐饮服务, 餐饮管理/);
  });

  it('does not count keywords inside exclusions or inside longer phrases', () => {
    const p = placeFirm({ name: '福州某某健康管理有限公司', industry: null, businessScope: '健康咨询服务（不含诊疗服务）；养老服务（不含医疗器械）' });
    expect(p.segmentId).toBe('seg-health-services');
    expect(p.reason).not.toMatch(/医疗器械/);
    const games = placeFirm({ name: '福州某某有限公司', industry: null, businessScope: '游戏软件开发' });
    expect(games.segmentId).toBe('seg-content-dev');
    expect(games.runnerUp?.segmentId ?? null).not.toBe('seg-ai-software');
  });

  it('sends a vague filing to review rather than guessing silently', () => {
    const p = placeFirm({ name: '福州某某科技有限公司', industry: '科技推广和应用服务业', businessScope: '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；货物进出口' });
    expect(p.needsReview).toBe(true);
  });

  it('sends two equally likely segments to review', () => {
    const p = placeFirm({ name: '福州某某科技有限公司', industry: null, businessScope: '冷链物流服务；供应链管理服务' });
    expect(p.needsReview).toBe(true);
    expect(p.runnerUp).not.toBeNull();
  });

  it('says so when nothing fires', () => {
    expect(placeFirm({ name: '某某', industry: null, businessScope: null })).toEqual({
      segmentId: null,
      confidence: 0,
      reason: 'CURATED: no rule fires: nothing in 所属行业, 经营范围 or the name points at a chain',
      needsReview: false,
      score: 0,
      runnerUp: null,
    });
  });
});
