import type { Prng } from './prng.ts';

// Morphemes of made-up firm names, Chinese with an English gloss, so that names read naturally in
// both languages and pinyin search works on them. None is a real firm's name on its own.
const HEADS: [string, string][] = [
  ['星', 'Star'], ['云', 'Cloud'], ['海', 'Sea'], ['峰', 'Peak'], ['光', 'Light'], ['瑞', 'Rui'], ['智', 'Wise'], ['华', 'Hua'],
  ['新', 'New'], ['远', 'Far'], ['天', 'Sky'], ['和', 'He'], ['博', 'Bo'], ['启', 'Qi'], ['达', 'Da'], ['恒', 'Heng'],
  ['鼎', 'Ding'], ['金', 'Gold'], ['银', 'Silver'], ['蓝', 'Blue'], ['青', 'Green'], ['朗', 'Lang'], ['旭', 'Sunrise'], ['泰', 'Tai'],
  ['宏', 'Hong'], ['源', 'Source'], ['易', 'Yi'], ['嘉', 'Jia'], ['卓', 'Zhuo'], ['凌', 'Ling'], ['微', 'Micro'], ['闽', 'Min'],
];
const TAILS: [string, string][] = [
  ['辰', 'chen'], ['图', 'tu'], ['信', 'xin'], ['联', 'lian'], ['途', 'tu'], ['数', 'shu'], ['芯', 'xin'], ['视', 'shi'],
  ['声', 'sheng'], ['桥', 'qiao'], ['帆', 'fan'], ['元', 'yuan'], ['景', 'jing'], ['创', 'chuang'], ['鸿', 'hong'], ['澜', 'lan'],
  ['川', 'chuan'], ['驰', 'chi'], ['迅', 'xun'], ['程', 'cheng'], ['策', 'ce'], ['衡', 'heng'], ['航', 'hang'], ['锐', 'rui'],
];

/** Industry word per segment family, by segment id prefix match (most specific first). */
const TRADES: [string, string, string][] = [
  ['seg-ai-chips', '芯片', 'Semiconductor'], ['seg-ai-cloud', '云计算', 'Cloud'], ['seg-ai-data', '数据', 'Data'],
  ['seg-ai-speech', '语音', 'Voice'], ['seg-ai-vision', '视觉', 'Vision'], ['seg-ai-platform', '智能', 'AI'],
  ['seg-ai-software', '软件', 'Software'], ['seg-ai-content', '传媒', 'Media'], ['seg-ai-mobility', '出行', 'Mobility'],
  ['seg-ai-manufacturing', '智造', 'Smart Manufacturing'], ['seg-iiot', '工业互联', 'Industrial Internet'],
  ['seg-content', '互娱', 'Interactive'], ['seg-supply', '供应链', 'Supply Chain'], ['seg-health', '健康', 'Health'],
];
const FORMS: [string, string][] = [['科技', 'Technology'], ['网络', 'Network'], ['信息', 'Information'], ['技术', 'Tech'], ['集团', 'Group']];

export interface FirmName {
  name: string;
  nameEn: string;
  short: string;
}

/** A made-up firm name for a segment; groups end in 集团 / Group. */
export function firmName(rng: Prng, segmentId: string, group: boolean): FirmName {
  const [h, he] = rng.pick(HEADS);
  const [t, te] = rng.pick(TAILS);
  const trade = TRADES.find(([p]) => segmentId.startsWith(p)) ?? ['科技', 'Tech'];
  const [, tz, ten] = trade.length === 3 ? trade : ['', '科技', 'Tech'];
  const [fz, fe] = group ? (FORMS[4] as [string, string]) : rng.pick(FORMS.slice(0, 4));
  return { name: `${h}${t}${tz}${fz}`, nameEn: `${he}${te} ${ten} ${fe}`, short: `${h}${t}` };
}

/** Origin cities of the synthetic firms, with a weight (how many firms come from there). */
export const CITIES: [string, string, string, number][] = [
  ['beijing', '北京', 'Beijing', 14], ['shanghai', '上海', 'Shanghai', 12], ['shenzhen', '深圳', 'Shenzhen', 12], ['hangzhou', '杭州', 'Hangzhou', 8],
  ['guangzhou', '广州', 'Guangzhou', 7], ['xiamen', '厦门', 'Xiamen', 6], ['fuzhou', '福州', 'Fuzhou', 9], ['quanzhou', '泉州', 'Quanzhou', 4],
  ['nanjing', '南京', 'Nanjing', 4], ['suzhou', '苏州', 'Suzhou', 4], ['hefei', '合肥', 'Hefei', 3], ['wuhan', '武汉', 'Wuhan', 3],
  ['chengdu', '成都', 'Chengdu', 3], ['xian', '西安', "Xi'an", 2], ['changsha', '长沙', 'Changsha', 2], ['chongqing', '重庆', 'Chongqing', 2],
  ['tianjin', '天津', 'Tianjin', 2], ['qingdao', '青岛', 'Qingdao', 2], ['dongguan', '东莞', 'Dongguan', 2], ['ningbo', '宁波', 'Ningbo', 2],
  ['taipei', '台北', 'Taipei', 3], ['hongkong', '香港', 'Hong Kong', 3], ['singapore', '新加坡', 'Singapore', 1], ['zhengzhou', '郑州', 'Zhengzhou', 1],
];

export const PARKS: [string, string, string][] = [
  ['syn-park-digital', '数字经济产业园', 'Digital Economy Park'],
  ['syn-park-ai', '人工智能产业园', 'AI Industry Park'],
  ['syn-park-iiot', '智能制造产业园', 'Smart Manufacturing Park'],
  ['syn-park-content', '数字内容创意园', 'Digital Content Creative Park'],
  ['syn-park-logistics', '商贸物流园', 'Trade & Logistics Park'],
  ['syn-park-health', '健康产业园', 'Health Industry Park'],
  ['syn-park-innovation', '科创孵化基地', 'Innovation Incubation Base'],
  ['syn-park-hq', '总部经济区', 'Headquarters Zone'],
];

/** The park a firm of a chain most likely sits in. */
export function homePark(chainId: string): string {
  return (
    { 'chain-ai': 'syn-park-ai', 'chain-iiot': 'syn-park-iiot', 'chain-content': 'syn-park-content', 'chain-supply': 'syn-park-logistics', 'chain-health': 'syn-park-health' }[chainId] ??
    'syn-park-digital'
  );
}
