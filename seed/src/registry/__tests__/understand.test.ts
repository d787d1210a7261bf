import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../creditCode.ts';
import { understandRegistryExport, type UnderstoodExport } from '../understandRegistryExport.ts';
import { registryCsvBytes, registryXlsxBuffer } from '../generator/writeRegistryExport.ts';
import type { GeneratedCell } from '../generator/generateRegistryExport.ts';
import { REGISTRY_FIRM } from '../firmRecord.ts';
import { RegistryReadError } from '../decodeText.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'registry-understand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const code = (body: string): string => makeCreditCode('91350104', body);
const A = code('MA2XY7K1');
const B = code('MA31ABCD');
const C = code('15437762');
const D = code('MA8QRTU0');
const E = code('MAWXY123');
const F = code('MA4LMNPQ');
const G = code('MA5GHJK2');
const H2 = code('MA6EFGH3');
const J = code('MA7BCDE4');
const K = code('MA9JKLM5');
const L = code('MAA12345');
const M = code('MAB67890');
const V = code('MAC11111');
const wrongFinal = V.slice(0, 17) + (V[17] === 'A' ? 'B' : 'A');
const wrongChar = code('MAD22222').slice(0, 9) + 'O' + code('MAD22222').slice(10);

const HEADERS = ['企业名称', '统一社会信用代码', '注册号', '法定代表人', '登记状态', '成立日期', '核准日期', '注销日期', '吊销日期', '注册资本', '实缴资本（万元）', '所属行业', '所属区县', '注册地址', '经营范围', '曾用名', '英文名', '参保人数', '所属园区'];
type Row = Partial<Record<(typeof HEADERS)[number], GeneratedCell>>;
const ROWS: Row[] = [
  /* 2 */ { 企业名称: '福州星辰语音科技有限公司', 统一社会信用代码: A, 登记状态: '存续', 成立日期: new Date(Date.UTC(2019, 6, 5)), 核准日期: '2021年3月4日', 注册资本: '5000万元人民币', '实缴资本（万元）': '1000', 所属行业: 'I65 软件和信息技术服务业', 经营范围: '一般项目：语音识别技术服务；语音合成软件开发；软件开发（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）', 曾用名: '福州星辰信息技术有限公司；福州星辰软件有限公司', 英文名: 'Fuzhou Xingchen Voice Technology Co., Ltd.', 参保人数: '56', 所属园区: '海峡创意产业园' },
  /* 3 */ { 企业名称: '北京字节跳动科技有限公司福州分公司', 统一社会信用代码: B, 登记状态: '在业', 成立日期: '2020.1.15', 注册资本: '-', 所属行业: '互联网和相关服务', 经营范围: '信息网络传播视听节目；网络直播技术服务' },
  /* 4 */ { 企业名称: '福州闽江冷链物流有限公司', 统一社会信用代码: C, 登记状态: '注销', 成立日期: '20150301', 核准日期: '2022-06-30', 注销日期: '2022/6/28', 注册资本: '5,000,000元', 所属行业: '[G5930]低温仓储', 经营范围: '低温仓储；道路货物运输（不含危险货物）' },
  /* 5 */ { 企业名称: '福州榕城游戏有限公司', 统一社会信用代码: D, 登记状态: '吊销，未注销', 成立日期: 43651, 核准日期: '2021-09', 注册资本: '1000万美元', 所属行业: '软件和信息技术服务业', 经营范围: '网络游戏开发；动漫游戏开发' },
  /* 6 */ { 企业名称: '福州海峡医疗器械有限公司', 统一社会信用代码: E, 登记状态: '迁出', 成立日期: '2016年5月', 核准日期: '2023-02-14', 注册资本: '100万港元', 所属行业: 'C358 医疗仪器设备及器械制造', 经营范围: '第二类医疗器械销售；医疗设备租赁' },
  /* 7 */ { 企业名称: '福州星辰语音科技有限公司', 统一社会信用代码: `${A.slice(0, 9).toLowerCase()} ${A.slice(9).toLowerCase()}`, 登记状态: '存续', 注册地址: '福建省福州市仓山区浦上大道1号', 曾用名: '福州星辰声学有限公司', 参保人数: '60' },
  /* 8 */ { 企业名称: '福州错码一科技有限公司', 统一社会信用代码: wrongFinal, 登记状态: '存续', 经营范围: '软件开发' },
  /* 9 */ { 企业名称: '福州错码二科技有限公司', 统一社会信用代码: F.slice(0, 16) + (F[16] === '1' ? '2' : '1') + F[17], 登记状态: '存续' },
  /* 10 */ { 企业名称: '福州错码三科技有限公司', 统一社会信用代码: wrongChar, 登记状态: '存续' },
  /* 11 */ { 企业名称: '福州错码四科技有限公司', 统一社会信用代码: G.slice(0, 17), 登记状态: '存续' },
  /* 12 */ { 企业名称: '福州错码五科技有限公司', 统一社会信用代码: '9.13501E+17', 登记状态: '存续' },
  /* 13 */ { 企业名称: '福州老字号贸易有限公司', 统一社会信用代码: '-', 注册号: '350104100012345', 登记状态: '吊销', 成立日期: '1998-03-02', 核准日期: '2005/8/9', 吊销日期: '2005年8月9日', 注册资本: '50万元' },
  /* 14 */ { 企业名称: '福州无码科技有限公司', 登记状态: '存续' },
  /* 15 */ { 企业名称: null, 统一社会信用代码: H2, 登记状态: '存续' },
  /* 16 */ { 企业名称: '福州永辉超市有限公司仓山万达分店', 统一社会信用代码: J, 登记状态: '停业', 注册资本: '500万欧元', 所属行业: '超级市场零售', 经营范围: '日用百货销售；超市管理' },
  /* 17 */ { 企业名称: '福州清风科技有限公司', 统一社会信用代码: K, 登记状态: '清算', 注册资本: '5000(万元)', 成立日期: '2019年7月5日' },
  /* 18 */ { 企业名称: '福州怪状科技有限公司', 统一社会信用代码: L, 登记状态: '撤销', 成立日期: '2019-02-30', 注册资本: '5000', 参保人数: '很多' },
  /* 19 */ { 企业名称: '福州榕味餐饮管理有限公司', 统一社会信用代码: M, 登记状态: '开业', 成立日期: '2019-07', 核准日期: '2019年7月', 注册资本: '5000万人民币', 所属行业: '餐饮业', 经营范围: '餐饮管理。许可项目：餐饮服务', '实缴资本（万元）': '—' },
];

const table = { headers: HEADERS, rows: ROWS.map((r) => Object.fromEntries(HEADERS.map((h) => [h, r[h] ?? null]))) };
let byForm: Record<'xlsx' | 'gb18030' | 'bom', UnderstoodExport>;

beforeAll(async () => {
  const files = {
    xlsx: path.join(dir, 'export.xlsx'),
    gb18030: path.join(dir, 'export-gb.csv'),
    bom: path.join(dir, 'export-utf8.csv'),
  };
  writeFileSync(files.xlsx, await registryXlsxBuffer(table));
  writeFileSync(files.gb18030, registryCsvBytes(table, 'gb18030'));
  writeFileSync(files.bom, registryCsvBytes(table, 'utf-8-bom'));
  byForm = {
    xlsx: await understandRegistryExport(files.xlsx),
    gb18030: await understandRegistryExport(files.gb18030),
    bom: await understandRegistryExport(files.bom),
  };
});

const firm = (u: UnderstoodExport, key: string) => {
  const f = u.firms.find((x) => x.key === key);
  if (!f) throw new Error(`no firm ${key}`);
  return f;
};

describe('understandRegistryExport', () => {
  it('gives the same firms from the .xlsx, the GB18030 CSV and the UTF-8 CSV, names exactly as written', () => {
    expect(byForm.xlsx.encoding).toBe('xlsx');
    expect(byForm.gb18030.encoding).toBe('gb18030');
    expect(byForm.bom.encoding).toBe('utf-8-bom');
    const strip = (u: UnderstoodExport) => ({ firms: u.firms, held: u.held, problems: u.problems.map((p) => ({ ...p, file: '' })) });
    expect(strip(byForm.gb18030)).toEqual(strip(byForm.xlsx));
    expect(strip(byForm.bom)).toEqual(strip(byForm.xlsx));
    // No mojibake: every name decoded from the GB18030 file is the string that was written.
    const heldRows = new Set([8, 9, 10, 11, 12, 14, 15]);
    const written = [...new Set(ROWS.filter((_, i) => !heldRows.has(i + 2)).map((r) => r.企业名称))];
    expect(byForm.gb18030.firms.map((f) => f.name)).toEqual(written);
    expect(byForm.gb18030.held.map((f) => f.name)).toEqual(ROWS.filter((_, i) => heldRows.has(i + 2)).map((r) => r.企业名称 ?? ''));
    expect(byForm.gb18030.counts).toEqual({ rows: 18, firms: 10, held: 7, duplicateRows: 1 });
    for (const f of byForm.xlsx.firms) expect(REGISTRY_FIRM.safeParse(f).success).toBe(true);
  });

  it('understands the columns by their Chinese headers and keeps an unknown one as an extra, reported', () => {
    const u = byForm.xlsx;
    expect(u.columns.find((c) => c.header === '实缴资本（万元）')).toEqual({ header: '实缴资本（万元）', field: 'paidInCapital', how: 'table: 实缴资本', note: '万元' });
    expect(u.columns.find((c) => c.header === '所属园区')).toMatchObject({ field: 'extra', how: 'unknown: kept as extra' });
    expect(u.problems.filter((p) => p.kind === 'unknown column')).toEqual([
      { kind: 'unknown column', level: 'warning', file: u.file, row: null, column: '所属园区', value: null, why: expect.stringMatching(/kept as an extra property/) },
    ]);
    expect(firm(u, A).extra).toEqual({ 所属园区: '海峡创意产业园' });
  });

  it('reads dates and capital in every form into ISO dates and money in its own currency', () => {
    const u = byForm.gb18030;
    const a = firm(u, A);
    expect([a.foundedOn, a.approvedOn]).toEqual(['2019-07-05', '2021-03-04']);
    expect(a.registeredCapital).toEqual({ amount: 50_000_000, currency: 'CNY', text: '5000万元人民币' });
    expect(a.paidInCapital).toEqual({ amount: 10_000_000, currency: 'CNY', text: '1000' });
    expect(firm(u, B).foundedOn).toBe('2020-01-15');
    expect(firm(u, B).registeredCapital).toBeNull();
    expect(firm(u, C).foundedOn).toBe('2015-03-01');
    expect(firm(u, C).registeredCapital).toEqual({ amount: 5_000_000, currency: 'CNY', text: '5,000,000元' });
    expect(firm(u, D).foundedOn).toBe('2019-07-05');
    expect(firm(u, D).approvedOn).toBe('2021-09');
    expect(firm(u, D).registeredCapital).toMatchObject({ amount: 10_000_000, currency: 'USD' });
    expect(firm(u, E).foundedOn).toBe('2016-05');
    expect(firm(u, E).registeredCapital).toMatchObject({ amount: 1_000_000, currency: 'HKD' });
    expect(firm(u, J).registeredCapital).toMatchObject({ amount: 5_000_000, currency: 'EUR' });
    expect(firm(u, K).registeredCapital).toMatchObject({ amount: 50_000_000, currency: 'CNY', text: '5000(万元)' });
    expect(firm(u, K).foundedOn).toBe('2019-07-05');
    expect(firm(u, M)).toMatchObject({ foundedOn: '2019-07', approvedOn: '2019-07', registeredCapital: { amount: 50_000_000, currency: 'CNY' }, paidInCapital: null });
  });

  it('reports what it cannot read with row, column and value, and leaves it empty', () => {
    const u = byForm.xlsx;
    const at = (row: number, kind: string) => u.problems.filter((p) => p.row === row && p.kind === kind);
    expect(at(18, 'bad date')).toEqual([{ kind: 'bad date', level: 'warning', file: u.file, row: 18, column: '成立日期', value: '2019-02-30', why: '"2019-02-30" has day 30, but 2019-02 has 28 days: left empty' }]);
    expect(at(18, 'bad capital')[0]).toMatchObject({ column: '注册资本', value: '5000' });
    expect(at(18, 'unknown status')[0]).toMatchObject({ column: '登记状态', value: '撤销' });
    expect(at(18, 'bad number')[0]).toMatchObject({ column: '参保人数', value: '很多' });
    expect(firm(u, L)).toMatchObject({ foundedOn: null, registeredCapital: null, status: null, statusText: '撤销', insuredStaff: null });
    expect(at(16, 'suspended')[0]).toMatchObject({ level: 'warning', value: '停业' });
    expect(at(17, 'liquidating')[0]).toMatchObject({ level: 'warning', value: '清算' });
    expect(firm(u, J)).toMatchObject({ status: 'suspended', left: null });
  });

  it('merges the same code listed twice: later filled cells win, empty ones do not erase, former names unite', () => {
    const u = byForm.xlsx;
    const a = firm(u, A);
    expect(a.rowNumbers).toEqual([2, 7]);
    expect(a.identity).toEqual({ kind: 'creditCode', code: A, registrationNumber: null });
    expect(a.insuredStaff).toBe(60);
    expect(a.foundedOn).toBe('2019-07-05');
    expect(a.businessScope).toMatch(/语音识别/);
    expect(a.address).toBe('福建省福州市仓山区浦上大道1号');
    expect(a.formerNames).toEqual(['福州星辰信息技术有限公司', '福州星辰软件有限公司', '福州星辰声学有限公司']);
    expect(u.problems.filter((p) => p.row === 7).map((p) => p.kind)).toEqual(['duplicate row', 'conflicting values']);
    expect(u.problems.find((p) => p.row === 7 && p.kind === 'conflicting values')?.why).toMatch(/insuredStaff: 56 → 60/);
  });

  it('holds every row with a wrong or missing identity, with the reason, and never merges it', () => {
    const u = byForm.xlsx;
    const held = Object.fromEntries(u.held.map((h) => [h.key, h.held]));
    expect(Object.keys(held)).toEqual(['row:8', 'row:9', 'row:10', 'row:11', 'row:12', 'row:14', 'row:15']);
    expect(held['row:8']).toEqual({ column: '统一社会信用代码', value: wrongFinal, why: `invalid credit code: check character (position 18) expected ${V[17]} got ${wrongFinal[17]}` });
    expect(held['row:9']?.why).toMatch(/^invalid credit code: organisation code .* \(positions 9–17\): check character expected/);
    expect(held['row:10']?.why).toMatch(/^invalid credit code: character 10 "O" is not allowed/);
    expect(held['row:11']?.why).toMatch(/^invalid credit code: has 17 characters/);
    expect(held['row:12']?.why).toMatch(/scientific notation/);
    expect(held['row:14']).toEqual({ column: '统一社会信用代码', value: null, why: 'no credit code and no registration number in this row' });
    expect(held['row:15']).toEqual({ column: '企业名称', value: null, why: 'no firm name (企业名称)' });
    const errors = u.problems.filter((p) => p.level === 'error');
    expect(errors.map((p) => [p.row, p.kind])).toEqual([
      [8, 'invalid credit code'], [9, 'invalid credit code'], [10, 'invalid credit code'], [11, 'invalid credit code'], [12, 'invalid credit code'], [14, 'missing identity'], [15, 'missing name'],
    ]);
    expect(u.held.find((h) => h.key === 'row:8')?.placement.segmentId).toBe('seg-ai-software');
  });

  it('identifies a firm without a credit code by its 15-digit registration number, and says so', () => {
    const u = byForm.bom;
    const f = firm(u, 'reg:350104100012345');
    expect(f.identity).toEqual({ kind: 'registrationNumber', code: '350104100012345', registrationNumber: '350104100012345' });
    expect(u.problems.find((p) => p.row === 13)).toMatchObject({ kind: 'registration number', level: 'warning', column: '注册号' });
  });

  it('dates the firms that left from the export’s own columns, else from 核准日期, saying which', () => {
    const u = byForm.xlsx;
    expect(firm(u, C).left).toEqual({ kind: 'closed', on: '2022-06-28', reason: '注销日期 2022-06-28' });
    expect(firm(u, 'reg:350104100012345').left).toEqual({ kind: 'revoked', on: '2005-08-09', reason: '吊销日期 2005-08-09' });
    expect(firm(u, D).left).toEqual({ kind: 'revoked', on: '2021-09', reason: "核准日期 2021-09: the registry's last change (the 吊销日期 cell is empty)" });
    expect(firm(u, E).left).toEqual({ kind: 'movedOut', on: '2023-02-14', reason: "核准日期 2023-02-14: the registry's last change (the export has no 迁出日期 column)" });
    expect(firm(u, A).left).toBeNull();
  });

  it('makes branches units of their parent, by name', () => {
    const u = byForm.xlsx;
    expect(firm(u, B)).toMatchObject({ kind: 'unit', parent: { parentName: '北京字节跳动科技有限公司', reason: 'registry: branch of 北京字节跳动科技有限公司' } });
    expect(firm(u, J)).toMatchObject({ kind: 'unit', parent: { parentName: '福州永辉超市有限公司' } });
    expect(firm(u, A)).toMatchObject({ kind: 'firm', parent: null });
  });

  it('places the firms on the chains', () => {
    const u = byForm.xlsx;
    expect(firm(u, A).placement).toMatchObject({ segmentId: 'seg-ai-speech', needsReview: false });
    expect(firm(u, C).placement.segmentId).toBe('seg-supply-logistics');
    expect(firm(u, D).placement.segmentId).toBe('seg-content-dev');
    expect(firm(u, E).placement.segmentId).toBe('seg-health-devices');
    expect(firm(u, M).placement).toMatchObject({ segmentId: null, needsReview: false });
  });
});

describe('understandRegistryExport with a column-mapping file', () => {
  const headers = ['公司全称', '我的代码', '状态', '成立', '备注二'];
  const rows = [
    { 公司全称: '福州甲乙科技有限公司', 我的代码: A, 状态: '存续', 成立: '2020-05-06', 备注二: '重点企业' },
    { 公司全称: '福州丙丁物流有限公司', 我的代码: C, 状态: '注销', 成立: '2010/1/2', 备注二: null },
  ];

  it('holds everything and says why when the file’s own headers are not understood', async () => {
    const u = await understandRegistryExport({ buffer: registryCsvBytes({ headers, rows }, 'utf-8-bom'), fileName: 'mine.csv' });
    expect(u.firms).toEqual([]);
    expect(u.held).toHaveLength(2);
    expect(u.problems.filter((p) => p.kind === 'missing column').map((p) => p.level)).toEqual(['error', 'error']);
  });

  it('reads the columns the mapping file names, and reports the rest as extras', async () => {
    const mapFile = path.join(dir, 'map.json');
    writeFileSync(mapFile, JSON.stringify({ 公司全称: 'name', 我的代码: 'creditCode', ' 成立 ': 'foundedOn' }));
    const csv = path.join(dir, 'mine.csv');
    writeFileSync(csv, registryCsvBytes({ headers, rows }, 'utf-8-bom'));
    const u = await understandRegistryExport(csv, { columns: mapFile });
    expect(u.columns.map((c) => [c.header, c.field])).toEqual([['公司全称', 'name'], ['我的代码', 'creditCode'], ['状态', 'status'], ['成立', 'foundedOn'], ['备注二', 'extra']]);
    expect(u.columns[0]?.how).toBe('mapping file: 公司全称 → name');
    expect(u.firms.map((f) => [f.name, f.key, f.foundedOn, f.status, f.extra])).toEqual([
      ['福州甲乙科技有限公司', A, '2020-05-06', 'active', { 备注二: '重点企业' }],
      ['福州丙丁物流有限公司', C, '2010-01-02', 'closed', { 备注二: null }],
    ]);
    expect(u.firms[1]?.left).toEqual({ kind: 'closed', on: null, reason: 'no date: the export has no 注销日期 column and 核准日期 is empty' });
    expect(u.problems.map((p) => p.kind)).toEqual(['unknown column', 'left date']);
  });

  it('refuses a mapping to a field that does not exist, naming the file and the entry', async () => {
    const bad = path.join(dir, 'bad-map.json');
    writeFileSync(bad, JSON.stringify({ 我的代码: 'creditcode' }));
    const err = await understandRegistryExport({ buffer: registryCsvBytes({ headers, rows }, 'utf-8'), fileName: 'x.csv' }, { columns: bad }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryReadError);
    expect((err as Error).message).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: "我的代码": is not a field \\(one of name, creditCode,`));
  });
});
