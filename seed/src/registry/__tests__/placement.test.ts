import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeFirm, tradeOfName } from '../placeFirm.ts';
import { PLACEMENT_RULES } from '../placementRules.ts';
import { CHAINS } from '../../chains/chainReferenceData.ts';
import { GBT4754_NAMES } from '../industry.ts';
import { generateRegistryExport } from '../generator/generateRegistryExport.ts';
import { SEGMENT_PROFILES } from '../generator/vocabulary.ts';

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

  it('are written from the domain, not read from the generator that tests them', () => {
    for (const f of ['placementRules.ts', 'placeFirm.ts', 'industry.ts']) {
      expect(readFileSync(new URL(`../${f}`, import.meta.url), 'utf8'), f).not.toMatch(/from '\.\/generator\//);
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

/** The boilerplate a filing carries since 2021, so that the cases read as real 经营范围 do. */
const GENERAL = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';
const LICENSED = '（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）';

describe('placeFirm reads a filing as a planner does', () => {
  it('takes 安全技术防范 (安防) systems for computer vision', () => {
    const p = placeFirm({ name: '福州闽视智能科技有限公司', industry: '[I6513]应用软件开发', businessScope: `一般项目：安全技术防范系统设计施工服务；人工智能应用软件开发；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广${GENERAL}` });
    expect(p).toMatchObject({ segmentId: 'seg-ai-vision', needsReview: false });
    expect(p.reason).toContain('安全技术防范');
  });

  it('reads 工业软件开发 as industrial software, not as 软件开发 too', () => {
    const p = placeFirm({ name: '福州星拓数字科技有限公司', industry: 'I65 软件和信息技术服务业', businessScope: `一般项目：工业软件开发；工业自动化系统集成；计算机软硬件及辅助设备零售${GENERAL}` });
    expect(p).toMatchObject({ segmentId: 'seg-iiot-apps', needsReview: false });
    expect(p.reason).toBe('CURATED: 所属行业=软件和信息技术服务业 (I65); 经营范围 contains 工业软件, 工业自动化系统集成');
    expect(p.runnerUp?.segmentId).not.toBe('seg-ai-software');
  });

  it('places a ride-hailing firm by its licence and its fleet of 小微型客车', () => {
    const p = placeFirm({ name: '福州榕途出行科技有限公司', industry: '交通运输、仓储和邮政业>道路运输业', businessScope: `一般项目：小微型客车租赁经营服务；智能车载设备销售${GENERAL}许可项目：网络预约出租汽车经营服务${LICENSED}` });
    expect(p).toMatchObject({ segmentId: 'seg-ai-mobility', needsReview: false });
  });

  it('places a SaaS and data-centre firm on cloud, a precision-medicine lab on research though it may trade class-III devices', () => {
    const cloud = placeFirm({ name: '福州云帆云科技有限公司', industry: '[I6450]互联网数据服务', businessScope: `一般项目：云软件服务；数据处理和存储支持服务${GENERAL}许可项目：第一类增值电信业务${LICENSED}` });
    expect(cloud).toMatchObject({ segmentId: 'seg-ai-cloud', needsReview: false });
    const lab = placeFirm({ name: '福州精诚基因科技有限公司', industry: 'M7340 医学研究和试验发展', businessScope: `一般项目：精准医疗技术服务；医学研究和试验发展${GENERAL}许可项目：第三类医疗器械经营${LICENSED}` });
    expect(lab).toMatchObject({ segmentId: 'seg-health-research', needsReview: false });
  });

  it('takes 康复辅具适配 at a care firm for a health service', () => {
    const p = placeFirm({ name: '福州康宁健康管理有限公司', industry: 'Q84 卫生', businessScope: `一般项目：康复辅具适配服务；健康咨询服务（不含诊疗服务）${GENERAL}许可项目：养老机构服务${LICENSED}` });
    expect(p).toMatchObject({ segmentId: 'seg-health-services', needsReview: false });
  });

  it('keeps a restaurant off the chains whatever side lines it lists', () => {
    const p = placeFirm({ name: '福州榕味餐饮管理有限公司', industry: '餐饮业', businessScope: `一般项目：餐饮管理；外卖递送服务；广告设计、代理；软件开发${GENERAL}许可项目：餐饮服务${LICENSED}` });
    expect(p).toMatchObject({ segmentId: null, needsReview: false });
  });

  it('does not count 商务服务业 for advertising when the firm is filed under another group of it', () => {
    const p = placeFirm({ name: '福州闽川企业管理咨询有限公司', industry: 'L724 咨询与调查', businessScope: `一般项目：企业管理咨询；社会经济咨询服务；广告设计、代理${GENERAL}` });
    expect(p).toMatchObject({ segmentId: null, needsReview: false });
    expect(p.reason).toMatch(/^CURATED: on no chain: 所属行业=咨询与调查 \(L724\)/);
  });

  it('sends AI software that names no technology to review, suggesting the software segment', () => {
    const p = placeFirm({ name: '福州启航智能科技有限公司', industry: '软件和信息技术服务业', businessScope: `一般项目：人工智能应用软件开发；人工智能基础软件开发；技术进出口${GENERAL}` });
    expect(p).toMatchObject({ segmentId: 'seg-ai-software', needsReview: true });
    expect(['seg-ai-speech', 'seg-ai-vision', 'seg-ai-platform']).toContain(p.runnerUp?.segmentId);
    // The trade in the name tells the technology.
    const speech = placeFirm({ name: '福州海芯声学科技有限公司', industry: '软件和信息技术服务业', businessScope: `一般项目：人工智能应用软件开发；声学设备研发${GENERAL}` });
    expect(speech.segmentId).toBe('seg-ai-speech');
  });

  it('sends a supply-chain firm that lists only freight forwarding to review', () => {
    const p = placeFirm({ name: '福州榕通供应链有限公司', industry: '商务服务业', businessScope: `一般项目：国际货物运输代理；商务信息咨询（不含投资类咨询）；货物进出口${GENERAL}` });
    expect(p.needsReview).toBe(true);
    expect([p.segmentId, p.runnerUp?.segmentId].sort()).toEqual(['seg-supply-logistics', 'seg-supply-platform']);
  });

  it('suggests a segment from the name alone but never places on it without review', () => {
    const p = placeFirm({ name: '福州星辰语音科技有限公司', industry: 'F51 批发业', businessScope: `一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；货物进出口${GENERAL}` });
    expect(p).toMatchObject({ segmentId: 'seg-ai-speech', needsReview: true, reason: 'CURATED: name contains 语音 (weak)' });
  });
});

describe('tradeOfName', () => {
  it('is what follows the place and the 字号, without the legal form; a branch by its parent', () => {
    expect(tradeOfName('福州星辰语音科技有限公司')).toBe('语音科技');
    expect(tradeOfName('福州海芯声学科技有限公司')).toBe('声学科技');
    expect(tradeOfName('福州市仓山区小明餐饮店')).toBe('餐饮');
    expect(tradeOfName('星辰（福建）信息技术有限公司')).toBe('信息技术');
    expect(tradeOfName('福建榕城游戏有限公司仓山分公司')).toBe('游戏');
    expect(tradeOfName('福建省福州市华信集团有限公司')).toBe('');
  });

  it('keeps the 字号 out: 芯 in 海芯 says nothing of chips', () => {
    const p = placeFirm({ name: '福州海芯声学科技有限公司', industry: null, businessScope: null });
    expect(p.segmentId).toBe('seg-ai-speech');
    expect(p.reason).not.toMatch(/芯/);
  });
});

describe('what placement is measured against', () => {
  it('a vague filing is on its segment only when the trade in its name tells it; else a planner has nothing to place it by', () => {
    const exp = generateRegistryExport({ seed: 7, rows: 1500 });
    const nameOf = new Map(exp.rows.map((r) => [String(r['统一社会信用代码'] ?? r['信用代码'] ?? '').replace(/\s/g, '').toUpperCase(), String(r['企业名称'])]));
    let kept = 0;
    let cleared = 0;
    for (const [key, kind] of exp.noise) {
      if (kind !== 'vague') continue;
      const truth = exp.truth.get(key) ?? null;
      if (truth === null) {
        cleared++;
        continue;
      }
      const name = nameOf.get(key);
      if (name === undefined) continue; // a row held for its spoilt code, or known by its 注册号
      kept++;
      expect(SEGMENT_PROFILES[truth]?.telling?.some((t) => name.includes(t)), `${name} → ${truth}`).toBe(true);
    }
    expect(kept).toBeGreaterThan(10);
    expect(cleared).toBeGreaterThan(kept);
  });
});
