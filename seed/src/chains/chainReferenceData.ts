import type { DataSet, NodeRecord, PropValue, RelRecord } from '@cangshan/model';
import { curated } from '../article/source.ts';

interface SegmentDef {
  id: string;
  name: string;
  nameEn: string;
  layer: string;
  layerEn: string;
  description: string;
}

interface ChainDef {
  id: string;
  name: string;
  nameEn: string;
  aliases: string[];
  description: string;
  reason: string;
  quotes: string[];
  /** Upstream first: order 1 is the most upstream segment. */
  segments: SegmentDef[];
  /**
   * How segments feed each other: 'layers' = every segment of a layer feeds every segment of the
   * next layer (an infrastructure serves every technology); 'linear' = each feeds the next.
   */
  feeds: 'layers' | 'linear';
}

const s = (id: string, name: string, nameEn: string, layer: string, layerEn: string, description: string): SegmentDef => ({ id, name, nameEn, layer, layerEn, description });

/** The industry chains Cangshan works on (docs/CHAINS.md). All CURATED: the article names the industries, not their structure. */
export const CHAINS: ChainDef[] = [
  {
    id: 'chain-ai',
    name: '人工智能产业链',
    nameEn: 'AI / smart industry chain',
    aliases: ['智能产业', '智能仓山', 'AI chain'],
    description: 'The "智能仓山" smart-industry cluster: infrastructure (chips, compute, data) → technologies (speech, vision, platforms, software) → applications (content, mobility, manufacturing).',
    reason: 'the standard three-layer view of the AI industry (基础层 → 技术层 → 应用层) used in Chinese industrial planning; the article names the smart industry and its firms',
    quotes: ['形成了智能产业“仓山朋友圈”', '将助力福州人工智能行业做大做强'],
    feeds: 'layers',
    segments: [
      s('seg-ai-chips', '芯片与硬件', 'Chips & hardware', '基础层', 'infrastructure', 'AI chips, servers, sensors and devices.'),
      s('seg-ai-cloud', '云计算与算力', 'Cloud & compute', '基础层', 'infrastructure', 'Cloud platforms and computing power.'),
      s('seg-ai-data', '数据服务', 'Data services', '基础层', 'infrastructure', 'Data collection, labelling, storage and exchange.'),
      s('seg-ai-speech', '语音识别与交互', 'Speech recognition & interaction', '技术层', 'technology', 'Speech recognition, synthesis and voice interaction.'),
      s('seg-ai-vision', '计算机视觉', 'Computer vision', '技术层', 'technology', 'Image and video understanding.'),
      s('seg-ai-platform', 'AI平台与孵化', 'AI platforms & incubation', '技术层', 'technology', 'Open AI platforms, labs and incubators that others build on.'),
      s('seg-ai-software', '软件与信息技术服务', 'Software & IT services', '技术层', 'technology', 'Software development, integration and IT outsourcing.'),
      s('seg-ai-content', '数字内容与推荐', 'Digital content & recommendation', '应用层', 'applications', 'Algorithmic content, media and entertainment.'),
      s('seg-ai-mobility', '智慧出行', 'Smart mobility', '应用层', 'applications', 'Ride-hailing, smart transport and autonomous driving.'),
      s('seg-ai-manufacturing', '智能制造', 'Smart manufacturing', '应用层', 'applications', 'AI in factories and industrial operations.'),
    ],
  },
  {
    id: 'chain-iiot',
    name: '工业互联网与智能制造产业链',
    nameEn: 'Industrial internet & smart manufacturing chain',
    aliases: ['工业互联网', '智能制造', 'IIoT'],
    description: 'Devices and edge → industrial networks → industrial-internet platforms → industrial apps → smart factories, with training and showcases serving them.',
    reason: 'the usual layering of an industrial-internet system (edge, network, platform, application) as in China\'s industrial-internet plans; the article names "智能制造+工业互联网"',
    quotes: ['打造“智能制造+工业互联网”的新业态、新模式'],
    feeds: 'linear',
    segments: [
      s('seg-iiot-devices', '工业设备与边缘', 'Industrial devices & edge', '设备层', 'edge', 'Sensors, controllers, industrial equipment and edge computing.'),
      s('seg-iiot-network', '工业网络', 'Industrial networks', '网络层', 'network', 'Industrial 5G, TSN and identity resolution.'),
      s('seg-iiot-platform', '工业互联网平台', 'Industrial-internet platforms', '平台层', 'platform', 'Platforms that collect, model and analyse industrial data.'),
      s('seg-iiot-apps', '工业应用与解决方案', 'Industrial apps & solutions', '应用层', 'applications', 'Industrial apps and system integration.'),
      s('seg-iiot-smart-factory', '智能工厂', 'Smart factories', '应用层', 'applications', 'Factories run on the platforms and apps.'),
      s('seg-iiot-talent', '人才培训与体验展示', 'Training & showcases', '服务层', 'services', 'Colleges, training and experience halls that spread the practice.'),
    ],
  },
  {
    id: 'chain-content',
    name: '数字内容与游戏产业链',
    nameEn: 'Digital content & games chain',
    aliases: ['数字内容', '游戏', '泛娱乐'],
    description: 'IP and content creation → game development → publishing and operation → distribution platforms and traffic → advertising.',
    reason: 'the common upstream-to-downstream view of the pan-entertainment industry (内容 → 研发 → 发行 → 渠道); the article names a content provider and light-game publisher drawn by a content platform',
    quotes: ['成为国内领先的泛娱乐数字内容提供商与轻手游发行商'],
    feeds: 'linear',
    segments: [
      s('seg-content-ip', 'IP与内容创作', 'IP & content creation', '上游', 'upstream', 'Original IP, writing, video and art.'),
      s('seg-content-dev', '游戏研发', 'Game development', '上游', 'upstream', 'Studios making (light) games.'),
      s('seg-content-publish', '发行与运营', 'Publishing & operations', '中游', 'midstream', 'Publishers that launch and run games and content.'),
      s('seg-content-distribution', '分发平台与流量', 'Distribution platforms & traffic', '下游', 'downstream', 'Content platforms and app channels that reach users.'),
      s('seg-content-ads', '广告与营销', 'Advertising & marketing', '下游', 'downstream', 'Ad networks, marketing and monetisation.'),
    ],
  },
  {
    id: 'chain-supply',
    name: '供应链与商贸平台产业链',
    nameEn: 'Supply chain & commerce platforms chain',
    aliases: ['平台仓山', '供应链', '商贸'],
    description: 'Sourcing → warehousing and logistics → supply-chain management platforms → trade and retail → commercial complexes ("平台仓山").',
    reason: 'the flow of goods from sourcing to the shop floor; the article names a supply-chain platform and commercial projects under "平台仓山"',
    quotes: ['永辉1233国际供应链管理平台、月星集团、海峡健康产业综合体等31项“平台仓山”类项目也顺利落地'],
    feeds: 'linear',
    segments: [
      s('seg-supply-sourcing', '采购与产地', 'Sourcing', '上游', 'upstream', 'Producers, importers and global sourcing.'),
      s('seg-supply-logistics', '仓储物流', 'Warehousing & logistics', '中游', 'midstream', 'Cold chain, warehouses and transport.'),
      s('seg-supply-platform', '供应链管理平台', 'Supply-chain management platforms', '中游', 'midstream', 'Platforms that run procurement, stock and settlement.'),
      s('seg-supply-retail', '商贸与零售', 'Trade & retail', '下游', 'downstream', 'Wholesale, supermarkets and e-commerce.'),
      s('seg-supply-commercial', '商业综合体', 'Commercial complexes', '下游', 'downstream', 'Malls and mixed-use commercial projects.'),
    ],
  },
  {
    id: 'chain-health',
    name: '大健康产业链',
    nameEn: 'Health industry chain',
    aliases: ['大健康', '健康产业'],
    description: 'Medical research and precision diagnosis → devices and smart health hardware → health services → health-industry complexes.',
    reason: 'research feeds products, products feed services, services cluster in complexes; the article names precision-medicine, a health experience hall and a health complex',
    quotes: ['精准医学诊疗研究中心', '海峡健康产业综合体', '大健康未来智造体验馆'],
    feeds: 'linear',
    segments: [
      s('seg-health-research', '医学研究与精准诊疗', 'Medical research & precision diagnosis', '上游', 'upstream', 'Research centres and precision-medicine diagnosis.'),
      s('seg-health-devices', '医疗器械与智能健康设备', 'Medical devices & smart health hardware', '中游', 'midstream', 'Devices and wearables, increasingly made with smart manufacturing.'),
      s('seg-health-services', '健康服务', 'Health services', '下游', 'downstream', 'Clinics, check-ups, elderly care and wellness.'),
      s('seg-health-complex', '健康产业综合体', 'Health-industry complexes', '下游', 'downstream', 'Complexes that gather health services and businesses.'),
    ],
  },
];

/** Links between chains: a segment of one chain that feeds a segment of another. */
const CROSS_FEEDS: [string, string, string][] = [
  ['seg-ai-cloud', 'seg-iiot-platform', 'industrial-internet platforms run on cloud compute'],
  ['seg-ai-manufacturing', 'seg-iiot-smart-factory', 'AI applications in manufacturing are what smart factories deploy'],
  ['seg-ai-content', 'seg-content-distribution', 'algorithmic recommendation is how content platforms distribute'],
  ['seg-iiot-smart-factory', 'seg-health-devices', 'health devices are made in smart factories (the FII health experience hall shows it)'],
  ['seg-supply-platform', 'seg-health-complex', 'health complexes are supplied through commerce platforms'],
];

function rel(type: RelRecord['type'], from: string, to: string, source: Record<string, PropValue>): RelRecord {
  return { type, from, to, since: null, ...source };
}

/** Chains, segments, HAS_SEGMENT and FEEDS: the reference data every data set (article, synthetic) builds on. */
export function chainReferenceDataSet(): DataSet {
  const nodes: NodeRecord[] = [];
  const relations: RelRecord[] = [];
  CHAINS.forEach((c, ci) => {
    nodes.push({ id: c.id, label: 'Chain', name: c.name, nameEn: c.nameEn, aliases: c.aliases, description: c.description, order: ci + 1, ...curated(c.reason, ...c.quotes) });
    c.segments.forEach((seg, si) => {
      nodes.push({
        id: seg.id,
        label: 'Segment',
        name: seg.name,
        nameEn: seg.nameEn,
        chainId: c.id,
        order: si + 1,
        layer: seg.layer,
        layerEn: seg.layerEn,
        description: seg.description,
        ...curated(`segment ${si + 1} of ${c.segments.length} (${seg.layerEn}) of the ${c.nameEn}: ${c.reason}`),
      });
      relations.push(rel('HAS_SEGMENT', c.id, seg.id, curated(`${seg.nameEn} is a segment of the ${c.nameEn}`)));
    });
    if (c.feeds === 'linear') {
      for (let i = 0; i + 1 < c.segments.length; i++) {
        const [a, b] = [c.segments[i], c.segments[i + 1]];
        if (a && b) relations.push(rel('FEEDS', a.id, b.id, curated(`${a.nameEn} is the next step upstream of ${b.nameEn}`)));
      }
    } else {
      const layers = [...new Set(c.segments.map((x) => x.layer))];
      for (let i = 0; i + 1 < layers.length; i++) {
        for (const a of c.segments.filter((x) => x.layer === layers[i]))
          for (const b of c.segments.filter((x) => x.layer === layers[i + 1]))
            relations.push(rel('FEEDS', a.id, b.id, curated(`${a.layerEn} (${a.nameEn}) serves every ${b.layerEn} segment, ${b.nameEn} among them`)));
      }
    }
  });
  for (const [a, b, why] of CROSS_FEEDS) relations.push(rel('FEEDS', a, b, curated(why)));
  return { nodes, relations };
}

/** Segment ids in chain order, upstream first, with their chain: what the synthetic district draws on. */
export function segmentsInOrder(): { id: string; chainId: string; order: number; layer: string }[] {
  return CHAINS.flatMap((c) => c.segments.map((seg, i) => ({ id: seg.id, chainId: c.id, order: i + 1, layer: seg.layer })));
}
