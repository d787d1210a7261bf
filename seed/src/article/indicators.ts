import type { NodeRecord } from '@cangshan/model';
import { curated, stated } from './source.ts';

interface Ind {
  id: string;
  name: string;
  nameEn: string;
  period: string;
  value: number;
  unit: string;
  qualifier?: 'about' | 'more than' | 'at least';
  subjectId?: string;
  quote: string;
}

function indicator(i: Ind): NodeRecord {
  const { quote, qualifier, subjectId, ...rest } = i;
  return { label: 'Indicator', ...rest, qualifier: qualifier ?? null, subjectId: subjectId ?? null, ...stated(quote) };
}

const YI = 100_000_000; // 亿

/** District figures the article gives, with the period they refer to (dates resolved against 2020-04-20). */
export const indicators: NodeRecord[] = [
  indicator({ id: 'ind-2020-03-cloud-signed-projects', name: '云签约项目数', nameEn: 'Projects signed online ("cloud signing")', period: '2020-03', value: 19, unit: '项', quote: '上月,福州仓山区“云签约”19个项目' }),
  indicator({ id: 'ind-2020-03-cloud-signed-investment', name: '云签约项目预计总投资', nameEn: 'Planned investment of cloud-signed projects', period: '2020-03', value: 423 * YI, unit: '元', quote: '预计总投资423亿元' }),
  indicator({ id: 'ind-2019-projects-landed', name: '全年引进落地招商项目', nameEn: 'Investment projects landed in the year', period: '2019', value: 873, unit: '项', quote: '2019年,仓山区全年共引进落地招商项目873项' }),
  indicator({ id: 'ind-2019-planned-investment', name: '全年预计总投资额', nameEn: 'Planned investment of the year\'s projects', period: '2019', value: 1700.98 * YI, unit: '元', quote: '预计总投资额1700.98亿元' }),
  indicator({ id: 'ind-2019-leader-visits', name: '区主要领导带队推介次数', nameEn: 'Promotion trips led by the district heads', period: '2019', value: 16, unit: '次', quote: '区主要领导16次带队深入一线城市推介' }),
  indicator({ id: 'ind-2019-leader-key-projects', name: '主要领导挖掘重点招商项目', nameEn: 'Key projects found on the heads\' trips', period: '2019', value: 70, unit: '项', qualifier: 'more than', quote: '共挖掘重点招商项目70多项' }),
  indicator({ id: 'ind-2019-task-teams', name: '招商小分队', nameEn: 'Recruitment squads', period: '2019', value: 39, unit: '支', quote: '39支招商小分队纷纷“走出去”' }),
  indicator({ id: 'ind-2019-outbound-batches', name: '处级以上领导带队招商批次', nameEn: 'Recruitment trips led by division-level or higher officials', period: '2019', value: 60, unit: '批次', qualifier: 'more than', quote: '全区处级以上领导带队“走出去”招商60多批次' }),
  indicator({ id: 'ind-2019-firm-visits', name: '走访企业考察项目', nameEn: 'Firm visits and project inspections', period: '2019', value: 300, unit: '户次', qualifier: 'more than', quote: '走访企业考察项目超300户次' }),
  indicator({ id: 'ind-2019-key-projects', name: '挖掘重点招商项目', nameEn: 'Key investment projects found', period: '2019', value: 177, unit: '项', quote: '共挖掘重点招商项目177项' }),
  indicator({ id: 'ind-smart-firms', name: '智能仓山引进行业企业', nameEn: 'Smart-industry firms brought in ("Cangshan circle of friends")', period: '2020-04', value: 100, unit: '家', qualifier: 'more than', quote: '目前,“智能仓山”已引进100多家行业企业,形成了智能产业“仓山朋友圈”' }),
  indicator({ id: 'ind-smart-firms-one-year', name: '一年落地智能产业企业', nameEn: 'Smart-industry firms landed within one year', period: '2019-04/2020-04', value: 100, unit: '家', qualifier: 'more than', quote: '短短一年时间,仓山区已落地智能产业企业100多家' }),
  indicator({ id: 'ind-smart-new-output', name: '智能产业新增产值', nameEn: 'New output of the smart-industry firms', period: '2019-04/2020-04', value: 100 * YI, unit: '元', qualifier: 'more than', quote: '新增产值100多亿元' }),
  indicator({ id: 'ind-platform-projects', name: '平台仓山类项目', nameEn: '"Platform Cangshan" projects landed', period: '2020-04', value: 31, unit: '项', quote: '等31项“平台仓山”类项目也顺利落地' }),
  indicator({ id: 'ind-3y-tax', name: '招商项目纳税', nameEn: 'Tax paid by recruited projects (3 years)', period: '2017/2020', value: 63 * YI, unit: '元', qualifier: 'about', quote: '仓山引进落地的招商项目已纳税约63亿元' }),
  indicator({ id: 'ind-3y-fixed-investment', name: '招商项目固定资产投资', nameEn: 'Fixed-asset investment of recruited projects (3 years)', period: '2017/2020', value: 779 * YI, unit: '元', qualifier: 'about', quote: '固投约779亿元' }),
  indicator({ id: 'ind-3y-output', name: '招商项目产值', nameEn: 'Output of recruited projects (3 years)', period: '2017/2020', value: 507 * YI, unit: '元', qualifier: 'about', quote: '实现产值约507亿元' }),
  indicator({ id: 'ind-3y-revenue', name: '招商项目营收', nameEn: 'Revenue of recruited projects (3 years)', period: '2017/2020', value: 240 * YI, unit: '元', qualifier: 'about', quote: '实现营收约240亿元' }),
  indicator({ id: 'ind-toutiao-office-before', name: '今日头条办公面积（扩容前）', nameEn: 'Toutiao office space before expansion', period: '2018-11', value: 2000, unit: '平方米', qualifier: 'more than', subjectId: 'toutiao', quote: '单是办公面积就从2000多平方米' }),
  indicator({ id: 'ind-toutiao-office', name: '今日头条办公面积', nameEn: 'Toutiao office space after expansion', period: '2020-04', value: 10000, unit: '平方米', subjectId: 'toutiao', quote: '增加到1万平方米' }),
  indicator({ id: 'ind-dalv-revenue', name: '大吕网络科技营收', nameEn: 'Dalü revenue in its first months', period: '2019-07/2020-04', value: 4000 * 10_000, unit: '元', qualifier: 'more than', subjectId: 'dalv', quote: '短短几个月已创造了超过4000万元的营收' }),
  indicator({ id: 'ind-dalv-target-2020', name: '大吕网络科技2020年目标产值', nameEn: 'Dalü 2020 output target', period: '2020', value: 2 * YI, unit: '元', subjectId: 'dalv', quote: '今年目标产值2亿元' }),
  {
    label: 'Indicator',
    id: 'ind-toutiao-revenue-target',
    name: '今日头条带动预计年营业收入',
    nameEn: 'Expected annual revenue of Toutiao and the firms it drew',
    period: '2020',
    value: 30 * YI,
    unit: '元',
    qualifier: 'at least',
    subjectId: 'toutiao',
    ...curated('the source is garbled at 年?duì)I業收入, which reads 年营业收入 (annual operating revenue); the figure itself is legible', '预计实现年', '业收入30亿元以上'),
  },
];
