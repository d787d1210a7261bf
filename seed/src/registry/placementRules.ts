/**
 * Where a registered firm sits on Cangshan's chains, as data a planner can read and extend.
 *
 * Each rule names a segment (or `null`: industries that belong to no chain, so that a restaurant
 * that lists 技术服务 is not taken for a software house), the GB/T 4754-2017 industries (code,
 * name and, where the class says more than its depth, a weight), words in the 经营范围 with their
 * weight (3 = names the segment's business outright, 2 = typical of it, 1 or less = shared with
 * neighbours; the wording of the registry's 经营范围规范表述 items) and trade words of the name
 * (2 at most: the name must follow the main business, but a name alone never places a firm
 * without review).
 *
 * placeFirm() scores every rule against a firm; see placeFirm.ts for how scores become a
 * placement, a confidence and the review flag.
 */
export interface IndustryRef {
  /** GB/T 4754-2017 code: section letter and 2–4 digits (`I65`, `C358`, `G5930`). */
  code: string;
  name: string;
  /**
   * How much the industry alone says, on the scale of the scope words (3 = names the segment's
   * business outright: 集成电路设计 for chips). Without it, by how specific the code is: a section
   * 0.5, a division 1, a group 1.5, a class 2.
   */
  weight?: number;
}

export interface PlacementRule {
  /** A segment id of seed/src/chains/chainReferenceData.ts, or null for "on no chain". */
  segmentId: string | null;
  industries: readonly IndustryRef[];
  scope: readonly (readonly [keyword: string, weight: number])[];
  /** Words of the trade part of the name (after the place and the 字号), with their weight; the heaviest one counts. */
  name: readonly (readonly [word: string, weight: number])[];
}

const ind = (code: string, name: string, weight?: number): IndustryRef => (weight === undefined ? { code, name } : { code, name, weight });

// Industries several segments share, named once.
const SOFTWARE = ind('I65', '软件和信息技术服务业');
const INTERNET = ind('I64', '互联网和相关服务');
const ELECTRONICS = ind('C39', '计算机、通信和其他电子设备制造业');
const TECH_PROMOTION = ind('M75', '科技推广和应用服务业');
const ROAD = ind('G54', '道路运输业');
const WHOLESALE = ind('F51', '批发业');
const GENERAL_EQUIPMENT = ind('C34', '通用设备制造业');
const SPECIAL_EQUIPMENT = ind('C35', '专用设备制造业');
const REAL_ESTATE = ind('K70', '房地产业');
const APP_SOFTWARE = ind('I6513', '应用软件开发');
const BUSINESS_SERVICES = ind('L72', '商务服务业');

/**
 * The 经营范围规范表述 items for AI software name no technology: speech, vision, platform and
 * software firms all list them, so they count about the same for each and the rest of the row
 * (语音识别, 安防, the trade in the name) decides. With nothing else, AI software development is
 * software development (GB/T 4754 puts it in I65): the software segment leads by a little.
 */
const AI_SOFTWARE: readonly (readonly [string, number])[] = [['人工智能应用软件开发', 1], ['人工智能基础软件开发', 1], ['人工智能理论与算法软件开发', 1]];
const AI_SOFTWARE_AS_SOFTWARE: readonly (readonly [string, number])[] = AI_SOFTWARE.map(([k, w]) => [k, w + 0.25] as const);

/**
 * Lines nearly every 经营范围 carries whatever the firm does. They count for no segment, and a
 * keyword inside one (零售 in 计算机软硬件及辅助设备零售) does not count either.
 */
export const BOILERPLATE: readonly string[] = [
  '计算机软硬件及辅助设备零售',
  '计算机软硬件及辅助设备批发',
  '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广',
  '信息咨询服务（不含许可类信息咨询服务）',
  '日用品销售',
  '办公用品销售',
];

export const PLACEMENT_RULES: readonly PlacementRule[] = [
  // ── AI chain ──────────────────────────────────────────────────────────────
  {
    segmentId: 'seg-ai-chips',
    industries: [ELECTRONICS, ind('C397', '电子器件制造'), ind('C3973', '集成电路制造', 3), ind('I6520', '集成电路设计', 3), ind('C398', '电子元件及电子专用材料制造'), ind('C391', '计算机制造')],
    scope: [['集成电路', 3], ['芯片', 3], ['晶圆', 3], ['半导体', 2.5], ['封装测试', 2.5], ['人工智能硬件', 2.5], ['电子元器件', 2], ['电子器件', 2], ['电子专用材料', 2], ['服务器', 2], ['计算机软硬件及外围设备制造', 2]],
    name: [['芯片', 1.5], ['微电子', 1.5], ['半导体', 1.5], ['集成电路', 1.5], ['电子', 0.5]],
  },
  {
    segmentId: 'seg-ai-cloud',
    industries: [INTERNET, ind('I6450', '互联网数据服务'), ind('I6550', '信息处理和存储支持服务'), SOFTWARE],
    // 云软件服务 is SaaS; 第一类增值电信业务 is the licence of data centres (IDC) and CDNs.
    scope: [['云计算', 3], ['数据中心', 3], ['算力', 3], ['互联网数据中心', 3], ['云服务', 2.5], ['云平台', 2.5], ['云软件', 2.5], ['云存储', 2.5], ['服务器托管', 2.5], ['数据处理和存储支持服务', 2], ['互联网数据服务', 2], ['计算机及通讯设备租赁', 1.5], ['第一类增值电信业务', 1]],
    name: [['云计算', 1.5], ['算力', 1.5], ['云', 1.5]],
  },
  {
    segmentId: 'seg-ai-data',
    industries: [SOFTWARE, ind('I6550', '信息处理和存储支持服务'), ind('I6450', '互联网数据服务', 1.5)],
    scope: [['数据标注', 3], ['数据清洗', 3], ['数据交易', 3], ['大数据服务', 2.5], ['人工智能基础资源', 2.5], ['数据采集', 2], ['数据处理服务', 2], ['数据资源', 2], ['大数据', 1.5], ['数据服务', 1]],
    name: [['大数据', 1.5], ['数据', 0.5], ['数智', 0.5]],
  },
  {
    segmentId: 'seg-ai-speech',
    industries: [SOFTWARE, APP_SOFTWARE, TECH_PROMOTION],
    scope: [['语音识别', 3], ['语音合成', 3], ['语音交互', 3], ['智能语音', 3], ['声纹', 3], ['语音技术', 3], ['语音', 2], ['声学', 2], ['自然语言处理', 2], ...AI_SOFTWARE],
    name: [['语音', 1.5], ['声学', 1.5]],
  },
  {
    segmentId: 'seg-ai-vision',
    industries: [SOFTWARE, APP_SOFTWARE, ELECTRONICS, TECH_PROMOTION],
    // 安全技术防范 (安防) systems are video and recognition systems.
    scope: [['图像识别', 3], ['计算机视觉', 3], ['机器视觉', 3], ['人脸识别', 3], ['视频分析', 2.5], ['图像处理', 2], ['视频图像', 2], ['安全技术防范', 2], ['安防', 2], ['视频监控', 2], ['视觉', 1.5], ...AI_SOFTWARE],
    name: [['视觉', 1.5], ['图像', 1.5], ['安防', 1], ['视讯', 0.4]],
  },
  {
    segmentId: 'seg-ai-platform',
    industries: [TECH_PROMOTION, ind('M753', '科技中介服务', 2.5), ind('M754', '创业空间服务', 3), ind('I6433', '互联网科技创新平台', 2.5)],
    scope: [
      ['孵化', 3], ['众创空间', 3], ['创业空间服务', 3], ['人工智能公共服务平台', 3], ['人工智能双创服务平台', 3], ['人工智能公共数据平台', 3], ['双创', 2.5], ['科技中介服务', 2.5],
      ['开放平台', 2], ['创新中心', 2], ['实验室', 1.5], ['人工智能理论与算法软件开发', 1.5], ['人工智能应用软件开发', 1], ['人工智能基础软件开发', 1], ['人工智能', 0.5],
    ],
    name: [['孵化', 1.5], ['创业', 1.5], ['双创', 1.5], ['创新', 0.5]],
  },
  {
    segmentId: 'seg-ai-software',
    industries: [SOFTWARE, ind('I651', '软件开发'), ind('I6511', '基础软件开发'), ind('I6512', '支撑软件开发'), APP_SOFTWARE, ind('I6531', '信息系统集成服务'), ind('I6560', '信息技术咨询服务'), ind('I6540', '运行维护服务')],
    scope: [['软件外包', 3], ['软件开发', 2], ['信息系统集成', 2], ['计算机系统服务', 2], ['信息系统运行维护', 2], ['网络与信息安全软件', 2], ['应用软件', 1.5], ['信息技术咨询', 1.5], ['运行维护服务', 1.5], ['信息安全', 1.5], ...AI_SOFTWARE_AS_SOFTWARE, ['技术开发', 0.3]],
    name: [['软件', 1.5]],
  },
  {
    segmentId: 'seg-ai-content',
    industries: [INTERNET, ind('I6429', '其他互联网信息服务'), ind('I6421', '网络搜索服务', 3), ind('R86', '新闻和出版业')],
    scope: [['算法推荐', 3], ['个性化推荐', 3], ['智能推荐', 3], ['内容推荐', 3], ['搜索引擎', 2.5], ['资讯', 2], ['自媒体', 2], ['数字内容制作', 2], ['新闻', 1.5], ['互联网信息服务', 1]],
    name: [['资讯', 1.5], ['头条', 1.5], ['新闻', 1], ['传媒', 0.5]],
  },
  {
    segmentId: 'seg-ai-mobility',
    industries: [ROAD, ind('G5413', '出租车客运', 3), ind('C3962', '智能车载设备制造', 3), ind('C36', '汽车制造业'), ind('I6432', '互联网生活服务平台')],
    // 小微型客车租赁经营服务 is how ride-hailing fleets register their cars.
    scope: [['网络预约出租汽车', 3], ['网约车', 3], ['自动驾驶', 3], ['智能网联汽车', 3], ['车联网', 3], ['智能交通', 3], ['智能车载', 3], ['出行', 2], ['出租车', 2], ['客车租赁', 2], ['道路旅客运输', 2], ['汽车租赁', 1.5]],
    name: [['出行', 1.5], ['约车', 1.5], ['车联', 1.5], ['驾驶', 1.5], ['交通', 1.5]],
  },
  {
    segmentId: 'seg-ai-manufacturing',
    industries: [GENERAL_EQUIPMENT, ind('C3491', '工业机器人制造', 3), ind('C3964', '服务消费机器人制造', 3), SPECIAL_EQUIPMENT],
    scope: [['工业机器人', 3], ['智能机器人', 3], ['服务机器人', 3], ['人工智能行业应用系统集成', 3], ['智能制造', 2.5], ['智能基础制造装备', 2.5], ['机器人', 2], ['智能装备', 2], ['智能控制系统集成', 1]],
    name: [['智造', 1.5], ['机器人', 1.5], ['智能装备', 1.5], ['智能制造', 1]],
  },
  // ── Industrial internet & smart manufacturing ─────────────────────────────
  {
    segmentId: 'seg-iiot-devices',
    industries: [ind('C40', '仪器仪表制造业', 1.5), ind('C4011', '工业自动控制系统装置制造', 3), ind('C3983', '敏感元件及传感器制造', 3), ind('C3914', '工业控制计算机及系统制造', 3), ELECTRONICS],
    scope: [['传感器', 3], ['敏感元件', 3], ['工业自动控制系统装置', 3], ['可编程控制器', 3], ['边缘计算', 3], ['工业控制计算机', 3], ['智能仪器仪表', 3], ['仪器仪表', 2.5], ['物联网设备', 2.5], ['数据采集终端', 2]],
    name: [['仪器', 1.5], ['仪表', 1.5], ['传感', 1.5], ['自动化', 0.75], ['电气', 0.75]],
  },
  {
    segmentId: 'seg-iiot-network',
    industries: [ind('I63', '电信、广播电视和卫星传输服务', 1.5), ind('C392', '通信设备制造', 3), ind('I6410', '互联网接入及相关服务'), ELECTRONICS],
    scope: [['5G通信技术服务', 3], ['标识解析', 3], ['时间敏感网络', 3], ['通信设备', 2.5], ['光通信', 2.5], ['基础电信业务', 2.5], ['5G', 2], ['通信工程', 2], ['光纤', 2], ['网络设备', 2], ['通信技术服务', 2], ['第一类增值电信业务', 1], ['增值电信业务', 0.5]],
    name: [['通信', 1.5], ['通讯', 1.5], ['电信', 1.5], ['网络技术', 0.5]],
  },
  {
    segmentId: 'seg-iiot-platform',
    industries: [INTERNET, ind('I6431', '互联网生产服务平台'), ind('I6532', '物联网技术服务', 2.5), SOFTWARE],
    scope: [['工业互联网平台', 3], ['工业互联网数据服务', 3], ['工业大数据', 3], ['物联网平台', 3], ['工业互联网', 2.5], ['数字孪生', 2.5], ['设备联网', 2], ['物联网技术服务', 2], ['物联网应用服务', 2], ['物联网技术研发', 1.5], ['物联网', 1]],
    name: [['工业互联', 1.5], ['物联', 1.5]],
  },
  {
    segmentId: 'seg-iiot-apps',
    industries: [SOFTWARE, ind('I6531', '信息系统集成服务'), APP_SOFTWARE, ind('M7491', '工业设计服务')],
    scope: [['工业软件', 3], ['工业控制软件', 3], ['制造执行系统', 3], ['工业APP', 3], ['工业互联网应用', 3], ['工业自动化系统集成', 2.5], ['数字化转型', 2], ['企业管理软件', 2], ['工业设计', 1.5], ['智能控制系统集成', 1.5]],
    name: [['工业软件', 1.5], ['工业智能', 1.5], ['工控', 1]],
  },
  {
    segmentId: 'seg-iiot-smart-factory',
    industries: [GENERAL_EQUIPMENT, SPECIAL_EQUIPMENT, ind('C38', '电气机械和器材制造业'), ind('C33', '金属制品业'), ind('C29', '橡胶和塑料制品业')],
    scope: [['智能工厂', 3], ['数字化车间', 3], ['智能生产线', 3], ['自动化生产线', 2.5], ['柔性制造', 2.5], ['通用设备制造', 2], ['电机制造', 2], ['模具制造', 2], ['零部件加工', 2], ['专用设备制造', 1.5], ['机械设备研发', 1.5], ['机械设备', 1]],
    name: [['机械', 1.5], ['机电', 1.5], ['精工', 1.5], ['精密', 1], ['智能制造', 0.75]],
  },
  {
    segmentId: 'seg-iiot-talent',
    industries: [ind('P83', '教育', 1.5), ind('P8391', '职业技能培训', 3), ind('L728', '会议、展览及相关服务'), ind('L7281', '科技会展服务', 2.5)],
    scope: [['职业技能培训', 3], ['实训', 3], ['体验馆', 3], ['技能培训', 2.5], ['人才培养', 2], ['教育培训', 2], ['展览展示', 2], ['展厅', 2], ['教育咨询', 1.5], ['会议及展览服务', 0.3]],
    name: [['培训', 1.5], ['学院', 1.5], ['实训', 1.5], ['展览', 1.5], ['教育', 1], ['体验', 1]],
  },
  // ── Digital content & games ───────────────────────────────────────────────
  {
    segmentId: 'seg-content-ip',
    industries: [ind('R87', '广播、电视、电影和录音制作业', 2), ind('R88', '文化艺术业', 1.5), ind('R86', '新闻和出版业'), ind('I6572', '动漫、游戏数字内容服务')],
    scope: [
      ['文艺创作', 3], ['电影摄制', 3], ['网络文学', 3], ['漫画', 3], ['剧本', 3], ['广播电视节目制作', 3], ['影视节目制作', 3], ['版权', 2.5], ['影视', 2.5], ['IP授权', 2.5],
      ['动漫', 2], ['电影发行', 2], ['数字内容制作', 1.5], ['文化艺术交流', 1],
    ],
    name: [['影视', 1.5], ['动漫', 1.5], ['文创', 1.5], ['文化创意', 1.5], ['文化', 0.5]],
  },
  {
    segmentId: 'seg-content-dev',
    industries: [SOFTWARE, ind('I6572', '动漫、游戏数字内容服务'), APP_SOFTWARE],
    scope: [['游戏软件', 3], ['网络游戏开发', 3], ['游戏开发', 3], ['游戏研发', 3], ['游戏设计', 3], ['动漫游戏开发', 3], ['游戏美术', 3], ['手机游戏', 2.5], ['数字游戏', 2.5], ['游戏', 1.5]],
    name: [['游戏', 1], ['网游', 1]],
  },
  {
    segmentId: 'seg-content-publish',
    industries: [INTERNET, ind('I6422', '网络游戏服务', 3)],
    scope: [['游戏运营', 3], ['游戏发行', 3], ['手游发行', 3], ['互联网游戏服务', 3], ['网络游戏服务', 3], ['网络文化经营', 2.5], ['网络出版', 2.5], ['出版物', 2], ['联合运营', 2], ['游戏', 1.5]],
    name: [['互娱', 1], ['游戏', 1], ['文娱', 1], ['娱乐', 0.5]],
  },
  {
    segmentId: 'seg-content-distribution',
    industries: [INTERNET, ind('I6429', '其他互联网信息服务'), ind('I643', '互联网平台')],
    scope: [['信息网络传播视听节目', 3], ['网络直播', 3], ['互联网直播', 3], ['内容分发', 3], ['应用商店', 3], ['短视频', 3], ['直播', 2.5], ['视频平台', 2.5], ['流量', 2], ['互联网平台', 1.5], ['互联网信息服务', 1.5], ['第二类增值电信业务', 1]],
    name: [['直播', 1.5], ['视频', 1.5], ['互联网', 0.5]],
  },
  {
    segmentId: 'seg-content-ads',
    industries: [ind('L725', '广告业', 2.5), ind('L7251', '互联网广告服务', 3), ind('L7259', '其他广告服务', 3), BUSINESS_SERVICES],
    scope: [['广告设计', 3], ['广告制作', 3], ['广告发布', 3], ['互联网广告', 3], ['数字营销', 3], ['广告', 2.5], ['市场营销策划', 2], ['营销策划', 2], ['品牌策划', 2], ['品牌管理', 2], ['企业形象策划', 2], ['市场营销', 1.5], ['平面设计', 1.5], ['图文设计', 1.5]],
    name: [['广告', 1.5], ['营销', 1.5], ['文化传播', 1.5], ['策划', 1], ['传媒', 0.4]],
  },
  // ── Supply chain & commerce platforms ─────────────────────────────────────
  {
    segmentId: 'seg-supply-sourcing',
    industries: [ind('A', '农、林、牧、渔业', 1), ind('A01', '农业', 1.5), ind('A03', '畜牧业', 1.5), ind('A04', '渔业', 1.5), ind('C13', '农副食品加工业', 1.5), ind('F511', '农、林、牧、渔产品批发', 3), ind('F51', '批发业', 0.5)],
    scope: [['初级农产品收购', 3], ['农产品收购', 3], ['水产品收购', 3], ['产地直采', 3], ['种植', 2.5], ['养殖', 2.5], ['农产品', 2], ['水产品', 2], ['农副产品', 2], ['食用农产品', 1.5], ['食品进出口', 1], ['采购', 1]],
    name: [['农业', 1.5], ['农产品', 1.5], ['果蔬', 1.5], ['水产', 1.5], ['生鲜', 1.5]],
  },
  {
    segmentId: 'seg-supply-logistics',
    industries: [ind('G59', '装卸搬运和仓储业', 2), ind('G5920', '通用仓储', 3), ind('G5930', '低温仓储', 3), ind('G54', '道路运输业', 0.5), ind('G543', '道路货物运输', 2.5), ind('G58', '多式联运和运输代理业', 2), ind('G60', '邮政业', 2)],
    scope: [['冷链', 3], ['仓储', 3], ['低温仓储', 3], ['道路货物运输', 3], ['装卸搬运', 3], ['物流', 2.5], ['快递', 2.5], ['多式联运', 2.5], ['货物运输代理', 2.5], ['配送', 2]],
    name: [['物流', 1.5], ['仓储', 1.5], ['冷链', 1.5], ['速运', 1.5], ['快运', 1.5], ['货运', 1.5], ['运输', 1]],
  },
  {
    segmentId: 'seg-supply-platform',
    industries: [ind('L7224', '供应链管理服务', 3), BUSINESS_SERVICES, ind('I6431', '互联网生产服务平台')],
    scope: [['供应链管理', 3], ['国际供应链', 3], ['供应链', 2.5], ['集中采购', 2.5], ['采购代理', 2], ['电子商务平台', 2], ['结算', 1]],
    name: [['供应链管理', 2], ['供应链', 1], ['国际贸易', 0.25]],
  },
  {
    segmentId: 'seg-supply-retail',
    // 批发业 is trade: 商贸.
    industries: [ind('F52', '零售业', 1.5), ind('F5211', '百货零售', 3), ind('F5212', '超级市场零售', 3), ind('F5292', '互联网零售'), WHOLESALE],
    scope: [['超市', 3], ['便利店', 3], ['百货', 2], ['日用百货销售', 2], ['零售', 2], ['互联网销售', 1.5], ['食品销售', 1.5], ['食品经营', 1.5], ['家用电器销售', 1.5], ['酒类经营', 1.5], ['日用品批发', 1.5], ['批发', 1], ['电子商务', 1]],
    name: [['超市', 1.5], ['百货', 1.5], ['便利', 1.5], ['商贸', 1.5], ['商行', 1.5]],
  },
  {
    segmentId: 'seg-supply-commercial',
    industries: [ind('L7222', '商业综合体管理服务', 2.5), ind('K70', '房地产业', 0.5), ind('K7020', '物业管理', 1.5), BUSINESS_SERVICES],
    scope: [['商业综合体', 3], ['购物中心', 3], ['商业运营管理', 3], ['商业运营', 2.5], ['商场', 2.5], ['柜台、摊位出租', 2.5], ['商业管理', 2], ['非居住房地产租赁', 1], ['物业管理', 1], ['停车场服务', 0.5]],
    name: [['广场', 1.5], ['商业管理', 1.5], ['商业运营', 1.5], ['商城', 1.5], ['购物中心', 1.5]],
  },
  // ── Health ────────────────────────────────────────────────────────────────
  {
    segmentId: 'seg-health-research',
    industries: [ind('M73', '研究和试验发展', 1.5), ind('M7340', '医学研究和试验发展', 3), ind('Q8492', '临床检验服务', 3)],
    scope: [['医学研究', 3], ['精准医学', 3], ['精准医疗', 3], ['基因检测', 3], ['分子诊断', 3], ['干细胞', 3], ['细胞技术', 2.5], ['医学检验', 2.5], ['临床检验', 2.5], ['生物技术', 2], ['细胞', 1.5]],
    name: [['基因', 1.5], ['精准医疗', 1.5], ['医学', 1.5], ['生物', 1]],
  },
  {
    segmentId: 'seg-health-devices',
    industries: [ind('C358', '医疗仪器设备及器械制造', 3), ind('C35', '专用设备制造业', 0.5), ind('C3961', '可穿戴智能设备制造', 2.5), ind('F5154', '医疗用品及器材批发', 3)],
    // A licence to trade class-III devices (第三类医疗器械经营) is held by labs and clinics too: making them says more.
    scope: [['医疗器械生产', 3], ['医疗设备', 3], ['可穿戴智能设备', 3], ['智能健康设备', 3], ['医疗器械', 2.5], ['医用', 2], ['健康监测', 2], ['康复辅具', 1], ['智能家庭消费设备', 1]],
    name: [['医疗器械', 1.5], ['医疗设备', 1.5], ['医疗科技', 1], ['健康科技', 0.75]],
  },
  {
    segmentId: 'seg-health-services',
    industries: [ind('Q84', '卫生', 2), ind('Q85', '社会工作', 2), ind('Q8491', '健康体检服务', 3), ind('O80', '居民服务业', 0.5)],
    // 康复辅具适配 is fitting aids to people: a service, that device makers offer too.
    scope: [['健康管理', 3], ['养老服务', 3], ['诊所', 3], ['门诊', 3], ['体检', 3], ['养老', 2.5], ['护理', 2.5], ['健康咨询', 2.5], ['中医养生', 2.5], ['养生保健', 2], ['医疗服务', 2], ['康复', 2], ['康复辅具', 1.5]],
    name: [['健康管理', 1.5], ['医疗管理', 1.5], ['养老', 1.5], ['医院', 1.5], ['诊所', 1.5], ['护理', 1.5], ['康养', 0.75], ['健康', 0.5]],
  },
  {
    segmentId: 'seg-health-complex',
    industries: [ind('L7221', '园区管理服务'), ind('K70', '房地产业', 0.5), ind('L7222', '商业综合体管理服务', 1.5)],
    scope: [['健康产业园', 3], ['健康综合体', 3], ['康养综合体', 3], ['健康小镇', 3], ['大健康产业', 2.5], ['医养结合', 2.5], ['园区管理服务', 2], ['产业园区', 2], ['非居住房地产租赁', 1]],
    name: [['健康产业', 1.5], ['康养产业', 1.5], ['大健康', 1], ['产业园', 0.75], ['康养', 0.75]],
  },
  // ── On no chain: businesses a district registers in numbers that none of the chains is about.
  // A firm's 所属行业 is its main business: one registered as a restaurant or a builder is one,
  // whatever side line (软件开发, 广告设计) its 经营范围 lists.
  {
    segmentId: null,
    industries: [
      ind('E', '建筑业', 2.5), ind('E47', '房屋建筑业', 2.5), ind('E48', '土木工程建筑业', 2.5), ind('E49', '建筑安装业', 1.5), ind('E50', '建筑装饰、装修和其他建筑业', 2.5),
      ind('H', '住宿和餐饮业', 2.5), ind('H61', '住宿业', 2.5), ind('H62', '餐饮业', 2.5),
      ind('J', '金融业', 2.5), ind('J66', '货币金融服务', 2.5), ind('J67', '资本市场服务', 2.5), ind('J68', '保险业', 2.5), ind('J69', '其他金融业', 2.5),
      REAL_ESTATE, ind('O80', '居民服务业'), ind('O81', '机动车、电子产品和日用产品修理业', 2),
      ind('C17', '纺织业', 2), ind('C18', '纺织服装、服饰业', 2), ind('C19', '皮革、毛皮、羽毛及其制品和制鞋业', 2), ind('C21', '家具制造业', 2), ind('C30', '非金属矿物制品业', 2),
      ind('M74', '专业技术服务业'), ind('L71', '租赁业'), ind('L723', '法律服务', 2.5), ind('L724', '咨询与调查'), ind('L726', '人力资源服务'),
    ],
    scope: [
      ['餐饮服务', 3], ['餐饮管理', 2.5], ['外卖递送', 2], ['住宿服务', 3], ['酒店管理', 2.5], ['民宿', 2.5],
      ['房地产开发经营', 3], ['房地产经纪', 3], ['房地产咨询', 2.5], ['住房租赁', 2.5],
      ['建设工程施工', 3], ['住宅室内装饰装修', 3], ['建筑工程', 2.5], ['装饰装修', 2.5], ['园林绿化工程', 2.5], ['建筑材料销售', 2], ['水电安装', 2], ['工程管理服务', 2], ['工程技术服务', 2],
      ['美容', 3], ['理发', 3], ['洗浴', 3], ['洗烫', 3], ['家政服务', 2.5], ['机动车修理', 3],
      ['服装制造', 3], ['服装', 2.5], ['服饰', 2.5], ['鞋', 2],
      ['保险代理', 3], ['以自有资金从事投资活动', 2.5], ['融资咨询', 2.5], ['财务咨询', 2], ['投资管理', 2], ['资产管理', 2],
      ['劳务派遣', 2], ['社会经济咨询', 2], ['环保咨询', 2], ['企业管理咨询', 0.5],
    ],
    name: [
      ['餐饮', 1.5], ['饮食', 1.5], ['酒店', 1.5], ['民宿', 1.5], ['建筑', 1.5], ['装饰', 1.5], ['地产', 1.5], ['美容', 1.5], ['美发', 1.5], ['家政', 1.5], ['服饰', 1.5], ['服装', 1.5], ['鞋业', 1.5],
      ['保险', 1.5], ['资产管理', 1.5], ['投资', 1], ['置业', 0.5], ['建设', 1], ['工程', 1], ['咨询', 0.5], ['环境', 0.5],
    ],
  },
];
