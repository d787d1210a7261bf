import type { NodeRecord } from '@cangshan/model';
import { curated, stated } from './source.ts';

function project(id: string, p: Omit<NodeRecord, 'id' | 'label'>): NodeRecord {
  return { id, label: 'Project', category: null, signedOn: null, landedOn: null, amountYuan: null, local: true, ...p };
}

const PLATFORM = '永辉1233国际供应链管理平台、月星集团、海峡健康产业综合体等31项“平台仓山”类项目也顺利落地';

export const projects: NodeRecord[] = [
  project('proj-toutiao-cangshan', {
    name: '今日头条仓山项目',
    nameEn: 'Toutiao Cangshan project',
    aliases: ['今日头条项目'],
    landedOn: '2018-11',
    description: 'Toutiao\'s project in Cangshan; the district held several progress meetings and set up a dedicated service team for it.',
    ...stated('为了支持今日头条项目建设,区里多次召开专题推进会,成立服务专班', '大吕网络科技落地仓山,源自“今日头条”仓山项目的吸引'),
  }),
  project('proj-fii-fuzhou', {
    name: '工业富联福州项目',
    nameEn: 'Foxconn Industrial Internet Fuzhou project',
    aliases: ['工業富聯福州項目', 'FII Fuzhou project'],
    signedOn: '2019-10',
    landedOn: '2019-11',
    contactedOn: '2019-09',
    status: 'under construction since 2020-04',
    description: 'FII\'s first project in Fujian, in the Beidou Industry Town: contact 2019-09, landing decided 2019-10 after one month of talks (the district heads went to Shenzhen), builds the Southeast operations HQ (landed 2019-11); construction speeding up since 2020-04.',
    ...stated(
      '4月以来,位于仓山区北斗产业小镇的工业富联福州项目正在加紧建设',
      '去年9月接洽,10月项目确定落地,实际用时仅一个月,十分高效。',
      '11月,富士康工业互联网东南运营总部、滴滴福州总部、中软国际有限公司等项目落地',
    ),
  }),
  project('proj-fii-health-experience', {
    name: '大健康未来智造体验馆',
    nameEn: 'Big Health Future Smart-Manufacturing Experience Hall',
    aliases: ['大健康体验馆'],
    description: 'Sub-project of the FII Fuzhou project, advancing alongside it (2020-04).',
    ...stated('大健康未来智造体验馆、福州工业互联网学院等子项目同步推进'),
  }),
  project('proj-fii-college', {
    name: '福州工业互联网学院',
    nameEn: 'Fuzhou Industrial Internet College',
    aliases: ['工业互联网学院', '福州工業互聯網學院'],
    description: 'Sub-project of the FII Fuzhou project, advancing alongside it (2020-04).',
    ...stated('大健康未来智造体验馆、福州工业互联网学院等子项目同步推进'),
  }),
  project('proj-bkrs-voice', {
    name: '北科瑞声语音互联项目',
    nameEn: 'Beike Ruisheng voice-interconnection project',
    aliases: ['北科瑞声项目'],
    category: null,
    landedOn: '2020-03',
    daysToLand: 3,
    description: 'Landed mid-2020-03 in a district record of 3 days; fits the "智能仓山" plan.',
    ...stated('3月中旬,北科瑞声语音互联项目在仓山区创下3天落户的纪录', '该项目与“智能仓山”发展规划十分契合'),
  }),
  project('proj-yonghui-1233', { name: '永辉1233国际供应链管理平台项目', nameEn: 'Yonghui 1233 supply-chain platform project', category: '平台仓山', landedOn: '2020-04', landedBy: true, description: 'A "平台仓山" platform project; landed by 2020-04 (month not given).', ...stated(PLATFORM) }),
  project('proj-yuexing', { name: '月星集团项目', nameEn: 'Yuexing Group project', category: '平台仓山', landedOn: '2020-04', landedBy: true, description: 'A "平台仓山" platform project; landed by 2020-04 (month not given).', ...stated(PLATFORM) }),
  project('proj-strait-health-complex', {
    name: '海峡健康产业综合体',
    nameEn: 'Straits Health Industry Complex',
    aliases: ['海峽健康產業綜合體', 'Strait Health Industry Complex'],
    category: '平台仓山',
    landedOn: '2020-04', landedBy: true, description: 'A "平台仓山" platform project; landed by 2020-04 (month not given).',
    ...stated(PLATFORM),
  }),
];

// The article groups the smart-industry arrivals under “智能仓山” without calling each a 智能仓山 project.
export const smartCategory = curated('the article lists these landings as what built “智能仓山”', '目前,“智能仓山”已引进100多家行业企业');
