import type { RelRecord } from '@cangshan/model';
import { curated } from '../article/source.ts';

/** [firm or project, segment, one-line reason, supporting quotes…]: where the article's firms sit on the chains. */
const PLACEMENTS: [string, string, string, ...string[]][] = [
  ['toutiao', 'seg-ai-content', 'Toutiao is an algorithmic news and content-recommendation platform'],
  ['toutiao', 'seg-content-distribution', 'Toutiao distributes content to users and sells the traffic'],
  ['toutiao-ops', 'seg-content-distribution', 'operations and business units of the content platform'],
  ['dalv', 'seg-content-publish', 'the firm aims to be a light mobile-game publisher', '轻手游发行商'],
  ['dalv', 'seg-content-ip', 'the firm aims to be a pan-entertainment digital content provider', '泛娱乐数字内容提供商'],
  ['fii', 'seg-iiot-platform', 'FII builds industrial-internet platforms', '打造“智能制造+工业互联网”的新业态、新模式'],
  ['fii', 'seg-ai-manufacturing', 'FII applies AI and data to manufacturing', '“智能制造+工业互联网”'],
  ['fii-southeast-hq', 'seg-iiot-platform', 'the regional HQ runs FII\'s industrial-internet business in the Southeast', '业务辐射福建、江西和粤北地区'],
  ['proj-fii-fuzhou', 'seg-iiot-smart-factory', 'the project builds the "smart manufacturing + industrial internet" model', '打造“智能制造+工业互联网”的新业态、新模式'],
  ['proj-fii-college', 'seg-iiot-talent', 'a college for industrial-internet skills'],
  ['proj-fii-health-experience', 'seg-iiot-talent', 'an experience hall that showcases smart manufacturing'],
  ['proj-fii-health-experience', 'seg-health-devices', 'the hall shows smart-manufactured health products (大健康)'],
  ['baidu-ai-lab', 'seg-ai-cloud', 'a lab of Baidu AI Cloud'],
  ['baidu-ai-lab', 'seg-ai-platform', 'the lab opens Baidu\'s AI platform to local firms'],
  ['huawei-ai-incubator', 'seg-ai-platform', 'an AI incubation centre is a platform others build on'],
  ['didi-fuzhou-hq', 'seg-ai-mobility', 'Didi runs ride-hailing and smart-transport services'],
  ['chinasoft', 'seg-ai-software', 'ChinaSoft International is a software and IT-services firm'],
  ['beike-ruisheng', 'seg-ai-speech', 'a speech-technology firm (语音互联)', '北科瑞声语音互联项目'],
  ['beike-ruisheng-regional-hq', 'seg-ai-speech', 'the regional HQ and R&D centre of a speech-technology firm', '北科瑞声语音互联项目'],
  ['proj-bkrs-voice', 'seg-ai-speech', 'a voice-interconnection project', '北科瑞声语音互联项目'],
  ['yonghui-1233', 'seg-supply-platform', 'a supply-chain management platform', '永辉1233国际供应链管理平台'],
  ['proj-yonghui-1233', 'seg-supply-platform', 'a supply-chain management platform project', '永辉1233国际供应链管理平台'],
  ['yuexing-group', 'seg-supply-commercial', 'Yuexing runs home-furnishing malls and commercial complexes'],
  ['proj-yuexing', 'seg-supply-commercial', 'a commercial ("平台仓山") project of Yuexing'],
  ['proj-strait-health-complex', 'seg-health-complex', 'a health-industry complex by name', '海峡健康产业综合体'],
  ['bytedance', 'seg-content-distribution', 'ByteDance runs content-distribution platforms (Toutiao, Douyin)'],
  ['baidu', 'seg-ai-cloud', 'Baidu runs Baidu AI Cloud'],
  ['huawei', 'seg-ai-chips', 'Huawei makes AI chips and servers (Ascend)'],
  ['huawei', 'seg-ai-cloud', 'Huawei runs Huawei Cloud'],
  ['didi', 'seg-ai-mobility', 'Didi is a mobility platform'],
  ['foxconn', 'seg-iiot-smart-factory', 'Foxconn runs large electronics factories'],
  ['yonghui', 'seg-supply-retail', 'Yonghui is a supermarket chain'],
];

/** IN_SEGMENT relations for the article's firms and projects: all CURATED (the article names no segment). */
export function articlePlacements(): RelRecord[] {
  return PLACEMENTS.map(([from, to, reason, ...quotes]) => ({ type: 'IN_SEGMENT', from, to, since: null, ...curated(reason, ...quotes) }));
}
