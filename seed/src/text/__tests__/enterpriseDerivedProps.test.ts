import { describe, expect, it } from 'vitest';
import { nodeProps } from '../../importer/prepareRows.ts';
import { normaliseName } from '../../registry/names.ts';
import { enterpriseDerivedProps } from '../enterpriseDerivedProps.ts';

describe('enterpriseDerivedProps', () => {
  it('feeds former names to the search fields as aliases are, and keys the name as the registry matches it', () => {
    const d = enterpriseDerivedProps({ name: '福州北溪数据服务有限公司', nameEn: null, aliases: ['北溪'], formerNames: ['福州北溪網絡科技有限公司'] });
    expect(d.searchZh).toContain('福州北溪網絡科技有限公司');
    // … and its pinyin, as people type it.
    expect(d.searchLatin).toContain('fuzhoubeixiwangluokejiyouxiangongsi');
    expect(d.nameKey).toBe(normaliseName('福州北溪数据服务有限公司'));
    expect(enterpriseDerivedProps({ name: '北京 字节跳动(福州)有限公司' }).nameKey).toBe('北京字节跳动（福州）有限公司');
  });

  it('is what the importer stores: an enterprise gets its name key, a project only the search fields', () => {
    const e = nodeProps({ id: 'e1', label: 'Enterprise', name: '甲(乙)', formerNames: ['丙丁'], synthetic: false, sourceKind: 'CURATED', reason: 'r' });
    expect(e.nameKey).toBe('甲（乙）');
    expect(String(e.searchZh)).toContain('丙丁');
    const p = nodeProps({ id: 'p1', label: 'Project', name: '甲(乙)', synthetic: false, sourceKind: 'CURATED', reason: 'r' });
    expect(p.nameKey).toBeUndefined();
    expect(p.searchZh).toBeDefined();
  });
});
