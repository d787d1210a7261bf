import { describe, expect, it } from 'vitest';
import { generateRegistryExport, type GeneratedCell } from '../generator/generateRegistryExport.ts';
import { registryCsvBytes, registryXlsxBuffer } from '../generator/writeRegistryExport.ts';
import { understandRegistryExport } from '../understandRegistryExport.ts';
import { validateCreditCode } from '../creditCode.ts';
import { scorePlacement } from '../evalPlacement.ts';
import { cellValue } from '../text.ts';

const exp = generateRegistryExport({ seed: 5, rows: 1500 });
const cells = (header: string): GeneratedCell[] => exp.rows.map((r) => r[header] ?? null);
const texts = (header: string): string[] => cells(header).filter((c): c is string => typeof c === 'string');
const codeHeader = exp.headers.find((h) => h.includes('信用代码')) as string;

describe('generateRegistryExport', () => {
  it('is deterministic: the same seed gives the same export, another seed another', () => {
    const again = generateRegistryExport({ seed: 5, rows: 1500 });
    expect(JSON.stringify(again.rows)).toBe(JSON.stringify(exp.rows));
    expect([...again.truth]).toEqual([...exp.truth]);
    expect(JSON.stringify(generateRegistryExport({ seed: 6, rows: 1500 }).rows)).not.toBe(JSON.stringify(exp.rows));
    expect(exp.rows).toHaveLength(1500);
  });

  it('writes valid credit codes for most rows and a few invalid ones, whose truth is kept by row', () => {
    const codes = texts(codeHeader).filter((c) => cellValue(c) !== null);
    const invalid = codes.filter((c) => !validateCreditCode(c).ok);
    expect(codes.length).toBeGreaterThan(1400);
    expect(invalid.length).toBeGreaterThan(20);
    expect(invalid.length / codes.length).toBeLessThan(0.06);
    expect([...exp.truth.keys()].filter((k) => k.startsWith('row:'))).toHaveLength(invalid.length);
    const reasons = new Set(invalid.map((c) => (validateCreditCode(c).reason ?? '').replace(/ .*/, '')));
    expect(reasons).toEqual(new Set(['check', 'organisation', 'character', 'has', '"9.13501E+17"'].map((r) => r.replace(/ .*/, ''))));
    expect(codes.some((c) => /[a-z]/.test(c) && validateCreditCode(c).ok)).toBe(true);
    expect(codes.some((c) => / /.test(c) && validateCreditCode(c).ok)).toBe(true);
  });

  it('writes every date and capital form, every status, branches, former names and unknown columns', () => {
    const dates = [...cells('成立日期'), ...cells('核准日期\u3000')];
    const forms: [string, (c: GeneratedCell) => boolean][] = [
      ['2019-07-05', (c) => typeof c === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c)],
      ['2019/7/5', (c) => typeof c === 'string' && /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(c)],
      ['2019.7.5', (c) => typeof c === 'string' && /^\d{4}\.\d{1,2}\.\d{1,2}$/.test(c)],
      ['2019年7月5日', (c) => typeof c === 'string' && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(c)],
      ['20190705', (c) => typeof c === 'string' && /^\d{8}$/.test(c)],
      ['2019-07', (c) => typeof c === 'string' && /^\d{4}-\d{2}$/.test(c)],
      ['2019年7月', (c) => typeof c === 'string' && /^\d{4}年\d{1,2}月$/.test(c)],
      ['Date', (c) => c instanceof Date],
      ['serial', (c) => typeof c === 'number'],
    ];
    for (const [name, test] of forms) expect(dates.some(test), name).toBe(true);
    const capital = texts('注册资本');
    for (const re of [/^\d+万元人民币$/, /^\d+万人民币$/, /^\d+万元$/, /^\d{1,3}(,\d{3})+元$/, /^\d+\(万元\)$/, /^\d+万$/, /^\d+万美元$/, /^\d+万港[元币]$/, /^\d+万欧元$/, /^[-—/]$/]) {
      expect(capital.some((c) => re.test(c)), String(re)).toBe(true);
    }
    const status = exp.headers.find((h) => h.endsWith('状态')) as string;
    for (const s of ['注销', '吊销，未注销', '迁出', '停业', '清算', '撤销']) expect(texts(status), s).toContain(s);
    const names = texts('企业名称');
    for (const suffix of ['分公司', '分店', '办事处', '营业部']) expect(names.some((n) => n.endsWith(suffix)), suffix).toBe(true);
    const formers = texts('曾用名');
    for (const sep of ['；', ';', '、', '\n']) expect(formers.some((f) => f.includes(sep)), JSON.stringify(sep)).toBe(true);
    expect(texts('注销日期').length + cells('注销日期').filter((c) => c instanceof Date || typeof c === 'number').length).toBeGreaterThan(0);
    expect(exp.headers).toEqual(expect.arrayContaining(['企业规模', '所属园区', '备注']));
  });

  it('round-trips through .xlsx, GB18030 CSV and UTF-8 CSV to the same firms, all with a truth', async () => {
    const small = generateRegistryExport({ seed: 9, rows: 400 });
    const read = await Promise.all([
      understandRegistryExport({ buffer: await registryXlsxBuffer(small), fileName: 'g.xlsx' }),
      understandRegistryExport({ buffer: registryCsvBytes(small, 'gb18030'), fileName: 'g.csv' }),
      understandRegistryExport({ buffer: registryCsvBytes(small, 'utf-8-bom'), fileName: 'g.csv' }),
    ]);
    expect(read.map((u) => u.encoding)).toEqual(['xlsx', 'gb18030', 'utf-8-bom']);
    const [x, g, b] = read as [typeof read[0], typeof read[0], typeof read[0]];
    expect(g.firms).toEqual(x.firms);
    expect(b.firms).toEqual(x.firms);
    expect(g.held).toEqual(x.held);
    const keys = [...x.firms, ...x.held].map((f) => f.key).sort();
    expect(keys).toEqual([...small.truth.keys()].sort());
    const names = new Set(small.rows.map((r) => r['企业名称']));
    for (const f of g.firms) expect(names.has(f.name), f.name).toBe(true);
    expect(x.counts.duplicateRows).toBeGreaterThan(0);
    expect(x.firms.filter((f) => f.left?.kind === 'closed').length).toBeGreaterThan(0);
    expect(x.firms.filter((f) => f.left?.kind === 'movedOut' && /核准日期/.test(f.left.reason)).length).toBeGreaterThan(0);
    expect(x.firms.filter((f) => f.parent !== null).length).toBeGreaterThan(0);
  });

  it('places firms well enough against its truth: precise when confident, and the wrong ones flagged', async () => {
    const u = await understandRegistryExport({ buffer: registryCsvBytes(exp, 'gb18030'), fileName: 'eval.csv' });
    const s = scorePlacement(u, exp.truth, exp.noise);
    expect(s.confidentCorrect / s.confident).toBeGreaterThanOrEqual(0.95);
    expect(s.wrongInReview / s.wrong).toBeGreaterThanOrEqual(0.9);
    expect(s.silentlyWrong / s.firms).toBeLessThan(0.02);
    expect(s.noChainUnplaced / s.noChain).toBeGreaterThan(0.85);
    // A vague filing says too little to place on: it goes to review unless what little it says is right.
    const vague = s.byNoise.get('vague');
    expect(vague?.silentlyWrong).toBe(0);
    expect((vague?.review ?? 0) / (vague?.firms ?? 1)).toBeGreaterThan(0.95);
  });
});
