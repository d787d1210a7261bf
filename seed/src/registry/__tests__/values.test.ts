import { describe, expect, it } from 'vitest';
import { isIsoPartialDate } from '@cangshan/model';
import { parseRegistryDate } from '../dates.ts';
import { parseCapital } from '../capital.ts';
import { parseStatus } from '../status.ts';
import { branchOf, normaliseName, splitFormerNames } from '../names.ts';
import { headerKey, matchHeader } from '../columns.ts';
import { industryCodes, parseIndustry, withSection } from '../industry.ts';

describe('parseRegistryDate', () => {
  it('reads every form exports write, at the precision known', () => {
    const cases: [string | number | Date, string][] = [
      ['2019-07-05', '2019-07-05'],
      ['2019/7/5', '2019-07-05'],
      ['2019.7.5', '2019-07-05'],
      ['2019年7月5日', '2019-07-05'],
      ['20190705', '2019-07-05'],
      ['2019-07', '2019-07'],
      ['2019年7月', '2019-07'],
      ['2019', '2019'],
      ['2019-07-05 00:00:00', '2019-07-05'],
      ['２０１９－０７－０５', '2019-07-05'],
      [new Date(Date.UTC(2019, 6, 5)), '2019-07-05'],
      ['43651', '2019-07-05'],
      [43651, '2019-07-05'],
      ['43466', '2019-01-01'],
    ];
    for (const [v, iso] of cases) {
      const r = parseRegistryDate(v);
      expect(r, String(v)).toEqual({ ok: true, iso });
      expect(isIsoPartialDate(iso)).toBe(true);
    }
  });

  it('takes placeholders for unknown, not for errors', () => {
    for (const v of [null, undefined, '', '  ', '-', '—', '无', '/', '--']) expect(parseRegistryDate(v), String(v)).toEqual({ ok: true, iso: null });
  });

  it('refuses impossible dates with the reason', () => {
    expect(parseRegistryDate('2019-02-30')).toEqual({ ok: false, reason: '"2019-02-30" has day 30, but 2019-02 has 28 days' });
    expect(parseRegistryDate('2019年13月')).toEqual({ ok: false, reason: '"2019年13月" has month 13' });
    expect(parseRegistryDate('1234567')).toMatchObject({ ok: false });
    expect(parseRegistryDate('上周')).toMatchObject({ ok: false, reason: expect.stringMatching(/is not a date/) });
    expect(parseRegistryDate(123)).toMatchObject({ ok: false, reason: expect.stringMatching(/serial date would be 10000/) });
  });
});

describe('parseCapital', () => {
  it('reads every form, in units of its own currency, never converted', () => {
    const cases: [string, string | null, number, string][] = [
      ['5000万元人民币', null, 50_000_000, 'CNY'],
      ['5000万人民币', null, 50_000_000, 'CNY'],
      ['5000万元', null, 50_000_000, 'CNY'],
      ['5,000,000元', null, 5_000_000, 'CNY'],
      ['1000万美元', null, 10_000_000, 'USD'],
      ['100万港元', null, 1_000_000, 'HKD'],
      ['100万港币', null, 1_000_000, 'HKD'],
      ['500万欧元', null, 5_000_000, 'EUR'],
      ['5000(万元)', null, 50_000_000, 'CNY'],
      ['5000（万元）', null, 50_000_000, 'CNY'],
      ['5000', '万元', 50_000_000, 'CNY'],
      ['12.5', '万美元', 125_000, 'USD'],
      ['1.2亿元人民币', null, 120_000_000, 'CNY'],
      ['5000万', null, 50_000_000, 'CNY'],
    ];
    for (const [text, unit, amount, currency] of cases) {
      const r = parseCapital(text, unit);
      expect(r, text).toMatchObject({ ok: true, money: { amount, currency, text } });
    }
    expect(parseCapital('5000', '万元')).toMatchObject({ note: 'unit from the header (万元)' });
    expect(parseCapital('5000万')).toMatchObject({ note: 'no currency written: 人民币, as the registry writes capital' });
    // A cell's own unit wins over the header's.
    expect(parseCapital('100万美元', '万元')).toMatchObject({ ok: true, money: { amount: 1_000_000, currency: 'USD' } });
  });

  it('takes placeholders for unknown and refuses what is not money', () => {
    for (const v of ['', '-', '—', '无', '/', null]) expect(parseCapital(v), String(v)).toEqual({ ok: true, money: null, note: null });
    expect(parseCapital('5000')).toEqual({ ok: false, reason: '"5000" has no unit (元, 万元, 万美元…) and the header names none' });
    expect(parseCapital('若干')).toEqual({ ok: false, reason: '"若干" has no number' });
    expect(parseCapital('100万至200万元')).toMatchObject({ ok: false, reason: expect.stringMatching(/more than one number/) });
  });
});

describe('parseStatus', () => {
  it('knows the registry words', () => {
    const cases: [string, string][] = [
      ['存续', 'active'], ['在业', 'active'], ['开业', 'active'], ['正常', 'active'], ['在营', 'active'], ['存续（在营、开业、在册）', 'active'],
      ['注销', 'closed'], ['吊销，已注销', 'closed'], ['吊销', 'revoked'], ['吊销，未注销', 'revoked'], ['吊销,未注销', 'revoked'],
      ['迁出', 'movedOut'], ['停业', 'suspended'], ['清算', 'liquidating'],
    ];
    for (const [text, status] of cases) expect(parseStatus(text), text).toMatchObject({ ok: true, status });
    expect(parseStatus('-')).toEqual({ ok: true, status: null, note: null });
    expect(parseStatus('撤销')).toMatchObject({ ok: false, reason: expect.stringMatching(/^"撤销" is not a status/) });
  });
});

describe('names', () => {
  it('normalises brackets, spaces and full-width characters to one form', () => {
    expect(normaliseName('北京 字节跳动(福州)有限公司')).toBe(normaliseName('北京字节跳动（福州）有限公司'));
    expect(normaliseName('ＡＢＣ１２３　科技有限公司')).toBe('ABC123科技有限公司');
    expect(normaliseName('福州（仓山）科技')).toBe('福州（仓山）科技');
  });

  it('splits former names on ；;、, and newlines', () => {
    expect(splitFormerNames('福州甲有限公司；福州乙有限公司;福州丙有限公司、福州丁有限公司\n福州戊有限公司,福州甲有限公司')).toEqual([
      '福州甲有限公司', '福州乙有限公司', '福州丙有限公司', '福州丁有限公司', '福州戊有限公司',
    ]);
  });

  it('reads a branch’s parent out of its name', () => {
    expect(branchOf('北京字节跳动科技有限公司福州分公司')).toEqual({
      parentName: '北京字节跳动科技有限公司',
      parentKey: '北京字节跳动科技有限公司',
      suffix: '分公司',
      reason: 'registry: branch of 北京字节跳动科技有限公司',
    });
    expect(branchOf('永辉超市股份有限公司福州仓山万达分店')?.parentName).toBe('永辉超市股份有限公司');
    expect(branchOf('上海某某信息技术有限公司福州办事处')?.parentName).toBe('上海某某信息技术有限公司');
    expect(branchOf('某某证券股份有限公司福州五四路证券营业部')?.parentName).toBe('某某证券股份有限公司');
    expect(branchOf('某某保险股份有限公司福建分公司福州中心支公司营业部')?.parentName).toBe('某某保险股份有限公司福建分公司福州中心支公司');
    expect(branchOf('北京字节跳动科技有限公司')).toBeNull();
    expect(branchOf('仓山分公司')).toBeNull();
  });
});

describe('headers', () => {
  it('are understood through spaces, full-width characters and trailing notes', () => {
    expect(headerKey('注册资本（万元）')).toEqual({ key: '注册资本', note: '万元' });
    expect(matchHeader('注册资本（万元）')).toEqual({ target: 'registeredCapital', matched: '注册资本', note: '万元' });
    expect(matchHeader('注册资本万元')).toEqual({ target: 'registeredCapital', matched: '注册资本', note: '万元' });
    expect(matchHeader(' 企业名称　')?.target).toBe('name');
    expect(matchHeader('*统一社会信用代码')?.target).toBe('creditCode');
    expect(matchHeader('经营范围:')?.target).toBe('businessScope');
    expect(matchHeader('注册号')?.target).toBe('registrationNumber');
    expect(matchHeader('吊销日期')?.target).toBe('revokedOn');
    expect(matchHeader('序号')?.target).toBe('extra');
    expect(matchHeader('所属园区')).toBeNull();
  });
});

describe('industry', () => {
  it('reads codes and names, and maps names to codes with their section', () => {
    const ind = parseIndustry('信息传输、软件和信息技术服务业>软件和信息技术服务业>应用软件开发');
    expect(ind.names).toEqual(['信息传输、软件和信息技术服务业', '软件和信息技术服务业', '应用软件开发']);
    expect(industryCodes(ind).sort()).toEqual(['I', 'I65', 'I6513']);
    expect(industryCodes(parseIndustry('[I6513]应用软件开发'))).toEqual(['I6513']);
    expect(industryCodes(parseIndustry('6513')).map(withSection)).toEqual(['I6513']);
    expect(withSection('5930')).toBe('G5930');
  });
});
