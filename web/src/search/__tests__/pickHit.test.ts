// What picking each kind of `find` hit does, and the label each kind gets in both languages.
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/strings.ts';
import type { FindHit } from '../findQuery.ts';
import { hitKindKey, pickHit } from '../pickHit.ts';

const firm = { id: 'fii', name: '工业富联', nameEn: 'Foxconn Industrial Internet', aliases: ['FII'], isAnchor: true, landedOn: '2019-11' };
const hit = (h: Partial<FindHit> & Pick<FindHit, 'kind' | 'id' | 'name'>): FindHit => ({ nameEn: null, enterprise: null, project: null, place: null, segment: null, ...h });

describe('pickHit', () => {
  it('selects a firm, and a project through the firm that owns it', () => {
    expect(pickHit(hit({ kind: 'ENTERPRISE', id: 'fii', name: '工业富联', enterprise: firm }))).toEqual({ kind: 'firm', firm });
    const project = hit({ kind: 'PROJECT', id: 'proj-fii-fuzhou', name: '工业富联福州项目', project: { id: 'proj-fii-fuzhou', landedOn: '2019-11', park: { id: 'park-beidou', kind: 'park' }, enterprises: [firm] } });
    expect(pickHit(project)).toEqual({ kind: 'firm', firm });
  });

  it('filters by the park of a project with no firm, and notes one with neither', () => {
    const inPark = hit({ kind: 'PROJECT', id: 'p1', name: '某项目', project: { id: 'p1', landedOn: null, park: { id: 'park-beidou', kind: 'park' }, enterprises: [] } });
    expect(pickHit(inPark)).toEqual({ kind: 'filter', filters: { chain: null, segment: null, park: 'park-beidou' } });
    const complex = hit({ kind: 'PROJECT', id: 'proj-strait-health-complex', name: '海峡健康产业综合体', project: { id: 'proj-strait-health-complex', landedOn: '2020-04', park: { id: 'district-cangshan', kind: 'district' }, enterprises: [] } });
    expect(pickHit(complex)).toEqual({ kind: 'note', note: 'findProjectNoFirm' });
  });

  it('turns a park, a chain and a segment into the filter of that name, clearing the other two', () => {
    expect(pickHit(hit({ kind: 'PLACE', id: 'park-beidou', name: '北斗产业小镇', place: { id: 'park-beidou', kind: 'park' } }))).toEqual({ kind: 'filter', filters: { chain: null, segment: null, park: 'park-beidou' } });
    expect(pickHit(hit({ kind: 'CHAIN', id: 'chain-health', name: '大健康产业链' }))).toEqual({ kind: 'filter', filters: { chain: 'chain-health', segment: null, park: null } });
    expect(pickHit(hit({ kind: 'SEGMENT', id: 'seg-ai-speech', name: '语音识别与交互', segment: { id: 'seg-ai-speech', chain: { id: 'chain-ai' } } }))).toEqual({
      kind: 'filter',
      filters: { chain: 'chain-ai', segment: 'seg-ai-speech', park: null },
    });
  });

  it('shows the whole district for the district, and notes a city', () => {
    expect(pickHit(hit({ kind: 'PLACE', id: 'district-cangshan', name: '仓山区', place: { id: 'district-cangshan', kind: 'district' } }))).toEqual({ kind: 'filter', filters: { chain: null, segment: null, park: null } });
    expect(pickHit(hit({ kind: 'PLACE', id: 'city-beijing', name: '北京', place: { id: 'city-beijing', kind: 'city' } }))).toEqual({ kind: 'note', note: 'findPlaceNoView' });
  });
});

describe('hitKindKey', () => {
  it('labels each kind, and a place by the kind of place, in zh and en', () => {
    const label = (h: FindHit) => [translate('zh', hitKindKey(h)), translate('en', hitKindKey(h))];
    expect(label(hit({ kind: 'ENTERPRISE', id: 'x', name: 'x' }))).toEqual(['企业', 'Firm']);
    expect(label(hit({ kind: 'PROJECT', id: 'x', name: 'x' }))).toEqual(['项目', 'Project']);
    expect(label(hit({ kind: 'PLACE', id: 'x', name: 'x', place: { id: 'x', kind: 'park' } }))).toEqual(['园区', 'Park']);
    expect(label(hit({ kind: 'PLACE', id: 'x', name: 'x', place: { id: 'x', kind: 'somewhere' } }))).toEqual(['地点', 'Place']);
    expect(label(hit({ kind: 'CHAIN', id: 'x', name: 'x' }))).toEqual(['产业链', 'Chain']);
    expect(label(hit({ kind: 'SEGMENT', id: 'x', name: 'x' }))).toEqual(['产业链环节', 'Chain segment']);
  });
});
