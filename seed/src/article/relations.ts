import type { RelType, PropValue, RelRecord } from '@cangshan/model';
import { indicators } from './indicators.ts';
import { placeParts } from './places.ts';
import { curated, stated } from './source.ts';

function rel(type: RelType, from: string, to: string, since: string | null, source: Record<string, PropValue>): RelRecord {
  return { type, from, to, since, ...source };
}

const PLATFORM = '永辉1233国际供应链管理平台、月星集团、海峡健康产业综合体等31项“平台仓山”类项目也顺利落地';

/** What the article states between its nodes, and the few ties we add as curated. */
export const articleRelations: RelRecord[] = [
  ...placeParts,
  // Attraction: the article's own words.
  rel('ATTRACTED', 'toutiao', 'dalv', '2019-04', stated('大吕网络科技落地仓山,源自“今日头条”仓山项目的吸引')),
  rel('ATTRACTED', 'toutiao', 'toutiao-ops', null, stated('在“今日头条”仓山项目的带动下,其他相关运营和业务板块以及一批上下游企业已接连签约仓山区互联网小镇')),
  // Units and parents.
  rel('PART_OF', 'toutiao-ops', 'toutiao', null, stated('其他相关运营和业务板块')),
  rel('PART_OF', 'fii-southeast-hq', 'fii', '2019-11', stated('将建设工业富联东南运营总部')),
  rel('PART_OF', 'beike-ruisheng-regional-hq', 'beike-ruisheng', '2020-03', stated('深圳北科瑞声区域总部和研发中心项目落户仓山')),
  rel('PART_OF', 'toutiao', 'bytedance', null, curated('今日头条 is a ByteDance product; the article does not name ByteDance')),
  rel('PART_OF', 'baidu-ai-lab', 'baidu', '2019-01', curated('百度智能云 is Baidu\'s cloud business', '百度智能云(福州)AI实验室')),
  rel('PART_OF', 'huawei-ai-incubator', 'huawei', '2019-05', curated('the incubation centre carries Huawei\'s name and is Huawei\'s', '华为(福州)人工智能孵化中心')),
  rel('PART_OF', 'didi-fuzhou-hq', 'didi', '2019-11', curated('滴滴福州总部 is the Fuzhou HQ of Didi Chuxing', '滴滴福州总部')),
  rel('PART_OF', 'fii', 'foxconn', null, curated('Foxconn Industrial Internet is a listed subsidiary of Hon Hai / Foxconn', '富士康工业互联网股份有限公司')),
  rel('PART_OF', 'yonghui-1233', 'yonghui', null, curated('the platform carries the Yonghui name (Yonghui Superstores, Fuzhou)', '永辉1233国际供应链管理平台')),
  rel('PART_OF', 'proj-fii-health-experience', 'proj-fii-fuzhou', null, stated('大健康未来智造体验馆、福州工业互联网学院等子项目同步推进')),
  rel('PART_OF', 'proj-fii-college', 'proj-fii-fuzhou', null, stated('大健康未来智造体验馆、福州工业互联网学院等子项目同步推进')),
  // Projects.
  rel('HAS_PROJECT', 'toutiao', 'proj-toutiao-cangshan', '2018-11', stated('“今日头条”仓山项目')),
  rel('HAS_PROJECT', 'fii', 'proj-fii-fuzhou', '2019-10', stated('该项目是富士康工业互联网股份有限公司在我省的首个项目')),
  rel('HAS_PROJECT', 'beike-ruisheng', 'proj-bkrs-voice', '2020-03', stated('北科瑞声语音互联项目')),
  rel('HAS_PROJECT', 'yonghui-1233', 'proj-yonghui-1233', null, stated(PLATFORM)),
  rel('HAS_PROJECT', 'yuexing-group', 'proj-yuexing', null, stated(PLATFORM)),
  // Where things sit.
  rel('LOCATED_IN', 'dalv', 'park-internet-town', '2019-07', stated('走进仓山区互联网小镇1号楼,复工复产后的大吕网络科技有限公司里')),
  rel('LOCATED_IN', 'toutiao-ops', 'park-internet-town', null, stated('其他相关运营和业务板块以及一批上下游企业已接连签约仓山区互联网小镇')),
  rel('LOCATED_IN', 'toutiao', 'park-internet-town', '2018-11', curated('the article puts Toutiao\'s related units and followers in the Internet Town; Toutiao\'s own office there is inferred', '其他相关运营和业务板块以及一批上下游企业已接连签约仓山区互联网小镇')),
  rel('LOCATED_IN', 'proj-toutiao-cangshan', 'park-internet-town', '2018-11', curated('as for Toutiao itself: its units and followers signed with the Internet Town', '已接连签约仓山区互联网小镇')),
  rel('LOCATED_IN', 'proj-fii-fuzhou', 'park-beidou', '2019-10', stated('位于仓山区北斗产业小镇的工业富联福州项目')),
  rel('LOCATED_IN', 'fii-southeast-hq', 'park-beidou', '2019-11', curated('the HQ is what the Beidou-town project builds', '位于仓山区北斗产业小镇的工业富联福州项目正在加紧建设', '将建设工业富联东南运营总部')),
  rel('LOCATED_IN', 'fii', 'park-beidou', '2019-11', curated('FII\'s presence in the district is its Beidou-town project', '位于仓山区北斗产业小镇的工业富联福州项目')),
  ...['baidu-ai-lab', 'huawei-ai-incubator', 'didi-fuzhou-hq', 'chinasoft', 'beike-ruisheng-regional-hq', 'yonghui-1233', 'yuexing-group'].map((id) =>
    rel('LOCATED_IN', id, 'district-cangshan', null, curated('landed in Cangshan; the article names no park', id === 'beike-ruisheng-regional-hq' ? '项目落户仓山' : id.startsWith('y') ? PLATFORM : '目前,“智能仓山”已引进100多家行业企业')),
  ),
  rel('LOCATED_IN', 'proj-bkrs-voice', 'district-cangshan', '2020-03', stated('北科瑞声语音互联项目在仓山区创下3天落户的纪录')),
  rel('LOCATED_IN', 'proj-strait-health-complex', 'district-cangshan', null, curated('a 平台仓山 project that landed in Cangshan; no park named', PLATFORM)),
  rel('LOCATED_IN', 'proj-yonghui-1233', 'district-cangshan', null, curated('a 平台仓山 project that landed in Cangshan; no park named', PLATFORM)),
  rel('LOCATED_IN', 'proj-yuexing', 'district-cangshan', null, curated('a 平台仓山 project that landed in Cangshan; no park named', PLATFORM)),
  rel('LOCATED_IN', 'proj-toutiao-cangshan', 'district-cangshan', '2018-11', stated('2018年11月,“今日头条”落地仓山')),
  rel('LOCATED_IN', 'proj-fii-health-experience', 'park-beidou', null, curated('a sub-project of the Beidou-town FII project', '大健康未来智造体验馆、福州工业互联网学院等子项目同步推进')),
  rel('LOCATED_IN', 'proj-fii-college', 'park-beidou', null, curated('a sub-project of the Beidou-town FII project', '大健康未来智造体验馆、福州工业互联网学院等子项目同步推进')),
  // Where they came from.
  rel('RELOCATED_FROM', 'dalv', 'city-beijing', '2019-07', stated('7月就把总部从北京搬到福州')),
  // How the district served them.
  rel('FACILITATED_BY', 'proj-toutiao-cangshan', 'mech-special-team', '2018-11', stated('为了支持今日头条项目建设,区里多次召开专题推进会,成立服务专班')),
  rel('FACILITATED_BY', 'toutiao', 'mech-turnkey', '2018-11', stated('先行受理、及时发照,实现企业‘拎包入驻’')),
  rel('FACILITATED_BY', 'proj-bkrs-voice', 'mech-special-team', '2020-03', stated('北科瑞声福建项目负责人陈彩平说,仓山区成立专班服务')),
  rel('FACILITATED_BY', 'proj-fii-fuzhou', 'mech-top-leader', '2019-09', curated('the district heads led the talks in person, which is the 一把手招商 mechanism; the article tells it under that heading', '“一把手”招商 接连引来高质量项目', '仓山区党政主要领导第一时间带队赴深圳洽谈')),
  rel('FACILITATED_BY', 'dalv', 'mech-nanny', '2019-04', curated('the article tells Dalü\'s story as the example of its nanny-style service', '“保姆式”服务 帮助企业孵化产业链')),
  // Curated business ties (not in the article).
  rel('SUPPLIES', 'dalv', 'toutiao', '2019-04', curated('a digital-content and light-game publisher supplies content to (and buys traffic on) a content-distribution platform; the article says Toutiao drew Dalü', '成为国内领先的泛娱乐数字内容提供商与轻手游发行商')),
  rel('PARTNER_OF', 'chinasoft', 'huawei', null, curated('ChinaSoft International is one of Huawei\'s largest software and cloud service partners (public company reports)')),
  // Every district figure belongs to the district.
  // Every figure is the district's (firm figures name their firm in subjectId); same source as the figure.
  ...indicators.map((i) =>
    rel('OF_PLACE', i.id, 'district-cangshan', null, { synthetic: false, sourceKind: i.sourceKind ?? null, quotes: i.quotes ?? [], reason: i.reason ?? null, docId: i.docId ?? null }),
  ),
];
