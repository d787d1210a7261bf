import type { NodeRecord, RelRecord } from '@cangshan/model';
import { DOC_ID, curated, stated } from './source.ts';

export const document: NodeRecord = {
  id: DOC_ID,
  label: 'Document',
  title: '福州仓山区“云签约”19个项目 “一把手”招商接连引来高质量项目',
  name: '仓山区招商引资报道（福建日报，2020-04-20）',
  publisher: '福建日报（台海网转载）',
  publishedOn: '2020-04-20',
  url: null,
  ...stated('台海网4月20日讯 据福建日报报道'),
};

export const places: NodeRecord[] = [
  { id: 'district-cangshan', label: 'Place', kind: 'district', name: '仓山区', nameEn: 'Cangshan District', aliases: ['仓山', '倉山區', 'Cangshan'], ...stated('福州仓山区“云签约”19个项目') },
  { id: 'city-fuzhou', label: 'Place', kind: 'city', name: '福州', nameEn: 'Fuzhou', aliases: ['福州市'], ...stated('福州仓山区“云签约”19个项目') },
  { id: 'province-fujian', label: 'Place', kind: 'province', name: '福建', nameEn: 'Fujian', aliases: ['福建省', '我省'], ...stated('业务辐射福建、江西和粤北地区') },
  { id: 'province-jiangxi', label: 'Place', kind: 'province', name: '江西', nameEn: 'Jiangxi', aliases: ['江西省'], ...stated('业务辐射福建、江西和粤北地区') },
  { id: 'region-yuebei', label: 'Place', kind: 'region', name: '粤北地区', nameEn: 'Northern Guangdong', aliases: ['粤北'], ...stated('业务辐射福建、江西和粤北地区') },
  { id: 'city-beijing', label: 'Place', kind: 'city', name: '北京', nameEn: 'Beijing', aliases: ['北京市'], ...stated('7月就把总部从北京搬到福州') },
  { id: 'city-shenzhen', label: 'Place', kind: 'city', name: '深圳', nameEn: 'Shenzhen', aliases: ['深圳市'], ...stated('仓山区党政主要领导第一时间带队赴深圳洽谈', '深圳北科瑞声区域总部和研发中心项目落户仓山') },
  {
    id: 'park-internet-town',
    label: 'Place',
    kind: 'park',
    name: '仓山区互联网小镇',
    nameEn: 'Cangshan Internet Town',
    aliases: ['互联网小镇', '倉山區互聯網小鎮', 'Internet Town'],
    ...stated('走进仓山区互联网小镇1号楼'),
  },
  {
    id: 'park-beidou',
    label: 'Place',
    kind: 'park',
    name: '北斗产业小镇',
    nameEn: 'Beidou Industry Town',
    aliases: ['仓山区北斗产业小镇', '北斗產業小鎮', 'BeiDou Industrial Town'],
    ...stated('位于仓山区北斗产业小镇的工业富联福州项目'),
  },
];

// Province-level containment is common knowledge the article only implies ("在我省").
export const placeParts: RelRecord[] = [
  { type: 'PART_OF', from: 'district-cangshan', to: 'city-fuzhou', since: null, ...stated('福州仓山区“云签约”19个项目') },
  { type: 'PART_OF', from: 'city-fuzhou', to: 'province-fujian', since: null, ...curated('Fuzhou is the capital of Fujian; the article, a Fujian Daily report, calls Fujian "我省"', '在我省的首个项目') },
  { type: 'PART_OF', from: 'park-internet-town', to: 'district-cangshan', since: null, ...stated('仓山区互联网小镇') },
  { type: 'PART_OF', from: 'park-beidou', to: 'district-cangshan', since: null, ...stated('仓山区北斗产业小镇') },
];
