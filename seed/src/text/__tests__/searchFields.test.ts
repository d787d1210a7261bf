import { describe, expect, it } from 'vitest';
import { nodeProps } from '../../importer/prepareRows.ts';

const base = { synthetic: false, sourceKind: 'CURATED', reason: 'r' } as const;

describe('the search fields the importer stores for `find`', () => {
  it('gives projects, places, chains and segments their names in every typed form', () => {
    const project = nodeProps({ id: 'p', label: 'Project', name: '海峡健康产业综合体', nameEn: 'Straits Health Industry Complex', aliases: ['海峽健康產業綜合體'], ...base });
    expect(String(project.searchZh)).toContain('海峽健康產業綜合體');
    expect(String(project.searchLatin)).toContain('Straits Health Industry Complex');
    expect(String(project.searchLatin)).toContain('haixiajiankangchanyezongheti');
    expect(String(project.searchLatin)).toContain('hxjkcyzht');

    const park = nodeProps({ id: 'park', label: 'Place', kind: 'park', name: '北斗产业小镇', nameEn: 'Beidou Industry Town', aliases: ['BeiDou Industrial Town'], ...base });
    expect(String(park.searchZh)).toContain('北斗產業小鎮');
    expect(String(park.searchLatin)).toContain('BeiDou Industrial Town');
    expect(park.pinyinInitials).toBe('bdcyxz');

    const chain = nodeProps({ id: 'c', label: 'Chain', name: '大健康产业链', nameEn: 'Health industry chain', aliases: ['健康产业'], ...base });
    expect(String(chain.searchZh)).toContain('健康产业');
    expect(String(chain.searchLatin)).toContain('dajiankangchanyelian');

    const segment = nodeProps({ id: 's', label: 'Segment', name: '语音识别与交互', nameEn: 'Speech recognition & interaction', chainId: 'c', order: 1, ...base });
    expect(String(segment.searchLatin)).toContain('yuyinshibieyujiaohu');
  });

  it('leaves the other labels and the name key alone', () => {
    const indicator = nodeProps({ id: 'i', label: 'Indicator', name: '签约项目', period: '2019', value: 3, unit: '项', ...base });
    expect(indicator.searchZh).toBeUndefined();
    const mechanism = nodeProps({ id: 'm', label: 'Mechanism', name: '一把手招商', ...base });
    expect(mechanism.searchLatin).toBeUndefined();
    const place = nodeProps({ id: 'pl', label: 'Place', kind: 'city', name: '福州', ...base });
    expect(place.nameKey).toBeUndefined();
  });
});
