/**
 * Where a registered firm sits on Cangshan's chains, as data a planner can read and extend.
 *
 * Each rule names a segment (or `null`: industries that belong to no chain, so that a restaurant
 * that lists 技术服务 is not taken for a software house), the GB/T 4754-2017 industries
 * (code and name; a longer code is a more specific, heavier match), words in the 经营范围 with
 * their weight (3 = names the segment's business outright, 2 = typical of it, 1 or less = shared
 * with neighbours) and words in the firm's name, a weak signal (names are chosen for show).
 *
 * placeFirm() scores every rule against a firm; see placeFirm.ts for how scores become a
 * placement, a confidence and the review flag.
 */
export interface IndustryRef {
  /** GB/T 4754-2017 code: section letter and 2–4 digits (`I65`, `C358`, `G5930`). */
  code: string;
  name: string;
}

export interface PlacementRule {
  /** A segment id of seed/src/chains/chainReferenceData.ts, or null for "on no chain". */
  segmentId: string | null;
  industries: readonly IndustryRef[];
  scope: readonly (readonly [keyword: string, weight: number])[];
  name: readonly string[];
}

const ind = (code: string, name: string): IndustryRef => ({ code, name });

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
    industries: [ELECTRONICS, ind('C397', '电子器件制造'), ind('C3973', '集成电路制造'), ind('I6520', '集成电路设计'), ind('C398', '电子元件及电子专用材料制造'), ind('C391', '计算机制造')],
    scope: [['集成电路', 3], ['芯片', 3], ['半导体', 2.5], ['晶圆', 3], ['封装测试', 2.5], ['电子元器件', 1.5], ['服务器', 1.5], ['人工智能硬件', 1.5], ['计算机软硬件及外围设备制造', 1.5]],
    name: ['芯', '微电子', '半导体', '集成电路'],
  },
  {
    segmentId: 'seg-ai-cloud',
    industries: [INTERNET, ind('I6450', '互联网数据服务'), ind('I6550', '信息处理和存储支持服务'), SOFTWARE],
    scope: [['云计算', 3], ['云服务', 2.5], ['云平台', 2.5], ['数据中心', 3], ['算力', 3], ['服务器托管', 2.5], ['互联网数据中心', 3], ['数据处理和存储支持服务', 2], ['互联网数据服务', 2]],
    name: ['云', '算力'],
  },
  {
    segmentId: 'seg-ai-data',
    industries: [SOFTWARE, ind('I6550', '信息处理和存储支持服务'), ind('I6450', '互联网数据服务')],
    scope: [['数据标注', 3], ['数据采集', 2], ['数据清洗', 3], ['数据交易', 3], ['数据处理服务', 2], ['大数据服务', 2], ['数据资源', 2], ['人工智能基础资源', 2]],
    name: ['数据', '数智'],
  },
  {
    segmentId: 'seg-ai-speech',
    industries: [SOFTWARE, TECH_PROMOTION],
    scope: [['语音识别', 3], ['语音合成', 3], ['语音交互', 3], ['智能语音', 3], ['声纹', 3], ['语音技术', 3], ['语音', 2], ['声学', 2], ['自然语言处理', 2]],
    name: ['语音', '声学', '声'],
  },
  {
    segmentId: 'seg-ai-vision',
    industries: [SOFTWARE, ELECTRONICS, TECH_PROMOTION],
    scope: [['图像识别', 3], ['计算机视觉', 3], ['机器视觉', 3], ['人脸识别', 3], ['视频分析', 2.5], ['图像处理', 2], ['视频图像', 2], ['视觉', 1.5], ['安防', 1.5], ['视频监控', 1.5]],
    name: ['视觉', '图像', '视'],
  },
  {
    segmentId: 'seg-ai-platform',
    industries: [TECH_PROMOTION, ind('M753', '科技中介服务'), ind('M754', '创业空间服务'), ind('I6433', '互联网科技创新平台')],
    scope: [['孵化', 3], ['众创空间', 3], ['创业空间服务', 3], ['人工智能公共服务平台', 3], ['人工智能双创服务平台', 3], ['科技中介服务', 2.5], ['开放平台', 2], ['创新中心', 2], ['实验室', 1.5], ['人工智能', 0.75]],
    name: ['孵化', '创新', '创业'],
  },
  {
    segmentId: 'seg-ai-software',
    industries: [SOFTWARE, ind('I651', '软件开发'), ind('I6513', '应用软件开发'), ind('I6531', '信息系统集成服务'), ind('I6560', '信息技术咨询服务'), ind('I6540', '运行维护服务')],
    scope: [['软件外包', 3], ['软件开发', 2], ['信息系统集成', 2], ['应用软件', 1.5], ['信息技术咨询', 1.5], ['计算机系统服务', 1.5], ['运行维护服务', 1.5], ['网络与信息安全软件', 2], ['信息安全', 1.5], ['技术开发', 0.3]],
    name: ['软件', '信息技术', '信息'],
  },
  {
    segmentId: 'seg-ai-content',
    industries: [INTERNET, ind('I6429', '其他互联网信息服务'), ind('I6421', '网络搜索服务'), ind('R86', '新闻和出版业')],
    scope: [['算法推荐', 3], ['个性化推荐', 3], ['智能推荐', 3], ['内容推荐', 3], ['资讯', 2], ['新闻', 1.5], ['搜索引擎', 2.5], ['自媒体', 2], ['互联网信息服务', 1]],
    name: ['资讯', '头条', '传媒'],
  },
  {
    segmentId: 'seg-ai-mobility',
    industries: [ROAD, ind('G5413', '出租车客运'), ind('C3962', '智能车载设备制造'), ind('C36', '汽车制造业'), ind('I6432', '互联网生活服务平台')],
    scope: [['网络预约出租汽车', 3], ['网约车', 3], ['自动驾驶', 3], ['智能网联汽车', 3], ['车联网', 3], ['智能交通', 3], ['智能车载', 3], ['出行', 2], ['出租车', 2], ['汽车租赁', 1.5], ['道路旅客运输', 2]],
    name: ['出行', '驾', '车联', '约车'],
  },
  {
    segmentId: 'seg-ai-manufacturing',
    industries: [GENERAL_EQUIPMENT, ind('C3491', '工业机器人制造'), ind('C3964', '服务消费机器人制造'), SPECIAL_EQUIPMENT],
    scope: [['工业机器人', 3], ['智能机器人', 3], ['人工智能行业应用系统集成', 3], ['机器人', 2], ['智能制造', 2.5], ['智能装备', 2], ['智能基础制造装备', 2.5], ['智能控制系统集成', 1.5]],
    name: ['智造', '机器人', '智能装备'],
  },
  // ── Industrial internet & smart manufacturing ─────────────────────────────
  {
    segmentId: 'seg-iiot-devices',
    industries: [ind('C40', '仪器仪表制造业'), ind('C4011', '工业自动控制系统装置制造'), ind('C3983', '敏感元件及传感器制造'), ind('C3914', '工业控制计算机及系统制造'), ELECTRONICS],
    scope: [['传感器', 3], ['工业自动控制系统装置', 3], ['可编程控制器', 3], ['边缘计算', 3], ['工业控制计算机', 3], ['智能仪器仪表', 3], ['仪器仪表', 2.5], ['物联网设备', 2.5], ['数据采集终端', 2]],
    name: ['仪器', '仪表', '传感', '自动化', '电气'],
  },
  {
    segmentId: 'seg-iiot-network',
    industries: [ind('I63', '电信、广播电视和卫星传输服务'), ind('C392', '通信设备制造'), ind('I6410', '互联网接入及相关服务'), ELECTRONICS],
    scope: [['5G通信技术服务', 3], ['标识解析', 3], ['时间敏感网络', 3], ['通信设备', 2.5], ['5G', 2], ['基础电信业务', 2.5], ['通信工程', 2], ['光纤', 2], ['网络设备', 2], ['通信技术服务', 2], ['增值电信业务', 0.5]],
    name: ['通信', '通讯', '电信'],
  },
  {
    segmentId: 'seg-iiot-platform',
    industries: [INTERNET, ind('I6431', '互联网生产服务平台'), ind('I6532', '物联网技术服务'), SOFTWARE],
    scope: [['工业互联网平台', 3], ['工业互联网数据服务', 3], ['工业大数据', 3], ['物联网平台', 3], ['工业互联网', 2.5], ['数字孪生', 2.5], ['设备联网', 2], ['物联网技术服务', 1.5], ['物联网', 1]],
    name: ['工业互联', '物联'],
  },
  {
    segmentId: 'seg-iiot-apps',
    industries: [SOFTWARE, ind('I6531', '信息系统集成服务'), ind('I6513', '应用软件开发')],
    scope: [['工业软件', 3], ['工业控制软件', 3], ['制造执行系统', 3], ['工业APP', 3], ['工业互联网应用', 3], ['工业自动化系统集成', 2.5], ['数字化转型', 2], ['企业管理软件', 2], ['工业设计服务', 1.5], ['智能控制系统集成', 1.5]],
    name: ['工控', '工业软件', '工业智能'],
  },
  {
    segmentId: 'seg-iiot-smart-factory',
    industries: [GENERAL_EQUIPMENT, SPECIAL_EQUIPMENT, ind('C38', '电气机械和器材制造业'), ind('C33', '金属制品业'), ind('C29', '橡胶和塑料制品业')],
    scope: [['智能工厂', 3], ['数字化车间', 3], ['智能生产线', 3], ['自动化生产线', 2.5], ['柔性制造', 2.5], ['通用设备制造', 1.5], ['电机制造', 1.5], ['模具制造', 1.5], ['机械设备研发', 1], ['机械零部件加工', 1.5]],
    name: ['机械', '机电', '精工', '制造'],
  },
  {
    segmentId: 'seg-iiot-talent',
    industries: [ind('P83', '教育'), ind('P8391', '职业技能培训'), ind('L728', '会议、展览及相关服务'), ind('L7281', '科技会展服务')],
    scope: [['职业技能培训', 3], ['实训', 3], ['体验馆', 3], ['技能培训', 2.5], ['人才培养', 2], ['教育培训', 2], ['展览展示', 2], ['会议及展览服务', 0.5], ['展厅', 2], ['教育咨询服务', 1.5]],
    name: ['教育', '培训', '学院', '展览'],
  },
  // ── Digital content & games ───────────────────────────────────────────────
  {
    segmentId: 'seg-content-ip',
    industries: [ind('R87', '广播、电视、电影和录音制作业'), ind('R88', '文化艺术业'), ind('R86', '新闻和出版业'), ind('I6572', '动漫、游戏数字内容服务')],
    scope: [['文艺创作', 3], ['电影摄制', 3], ['网络文学', 3], ['漫画', 3], ['剧本', 3], ['广播电视节目制作', 3], ['版权', 2.5], ['影视', 2.5], ['动漫', 2], ['数字内容制作', 1.5], ['文化艺术交流', 1]],
    name: ['影视', '动漫', '文创', '文化'],
  },
  {
    segmentId: 'seg-content-dev',
    industries: [SOFTWARE, ind('I6572', '动漫、游戏数字内容服务'), ind('I6513', '应用软件开发')],
    scope: [['游戏软件开发', 3], ['网络游戏开发', 3], ['游戏开发', 3], ['游戏研发', 3], ['动漫游戏开发', 3], ['游戏美术', 3], ['手机游戏', 2.5], ['数字游戏', 2.5], ['游戏', 1.5]],
    name: ['游戏', '互娱', '网游'],
  },
  {
    segmentId: 'seg-content-publish',
    industries: [INTERNET, ind('I6422', '网络游戏服务')],
    scope: [['游戏运营', 3], ['游戏发行', 3], ['互联网游戏服务', 3], ['网络游戏服务', 3], ['网络文化经营', 2.5], ['网络出版', 2.5], ['出版物', 2], ['联合运营', 2]],
    name: ['互娱', '游戏', '文娱'],
  },
  {
    segmentId: 'seg-content-distribution',
    industries: [INTERNET, ind('I6429', '其他互联网信息服务'), ind('I643', '互联网平台')],
    scope: [['信息网络传播视听节目', 3], ['网络直播', 3], ['内容分发', 3], ['应用商店', 3], ['直播', 2.5], ['视频平台', 2.5], ['流量', 2], ['互联网平台', 1.5], ['互联网信息服务', 1.5], ['第二类增值电信业务', 1]],
    name: ['直播', '视频', '互联'],
  },
  {
    segmentId: 'seg-content-ads',
    industries: [ind('L725', '广告业'), ind('L7251', '互联网广告服务'), ind('L7259', '其他广告服务'), ind('L72', '商务服务业')],
    scope: [['广告设计', 3], ['广告制作', 3], ['广告发布', 3], ['互联网广告', 3], ['数字营销', 3], ['广告', 2.5], ['营销策划', 2], ['品牌策划', 2], ['市场营销', 1.5]],
    name: ['广告', '营销', '文化传播'],
  },
  // ── Supply chain & commerce platforms ─────────────────────────────────────
  {
    segmentId: 'seg-supply-sourcing',
    industries: [ind('A', '农、林、牧、渔业'), ind('A01', '农业'), ind('A04', '渔业'), ind('C13', '农副食品加工业'), WHOLESALE, ind('F511', '农、林、牧、渔产品批发')],
    scope: [['初级农产品收购', 3], ['农产品收购', 3], ['产地直采', 3], ['种植', 2.5], ['养殖', 2.5], ['水产品', 2], ['农副产品', 2], ['食用农产品', 1.5], ['货物进出口', 1], ['采购', 1]],
    name: ['农业', '农产品', '果蔬', '水产', '生鲜'],
  },
  {
    segmentId: 'seg-supply-logistics',
    industries: [ind('G59', '装卸搬运和仓储业'), ind('G5920', '通用仓储'), ind('G5930', '低温仓储'), ROAD, ind('G543', '道路货物运输'), ind('G58', '多式联运和运输代理业'), ind('G60', '邮政业')],
    scope: [['冷链', 3], ['仓储', 3], ['低温仓储', 3], ['道路货物运输', 3], ['装卸搬运', 3], ['货物运输代理', 2.5], ['物流', 2.5], ['快递', 2.5], ['配送', 2], ['多式联运', 2.5]],
    name: ['物流', '仓储', '冷链', '运输', '速运', '快运'],
  },
  {
    segmentId: 'seg-supply-platform',
    industries: [ind('L7224', '供应链管理服务'), ind('L72', '商务服务业'), ind('I6431', '互联网生产服务平台')],
    scope: [['供应链管理', 3], ['国际供应链', 3], ['供应链', 2.5], ['采购代理', 2], ['集中采购', 2], ['电子商务平台', 2], ['结算', 1]],
    name: ['供应链'],
  },
  {
    segmentId: 'seg-supply-retail',
    industries: [ind('F52', '零售业'), ind('F5211', '百货零售'), ind('F5212', '超级市场零售'), ind('F5292', '互联网零售'), WHOLESALE],
    scope: [['超市', 3], ['便利店', 3], ['百货', 2], ['日用百货销售', 2], ['零售', 2], ['互联网销售', 2], ['食品销售', 1.5], ['食品经营', 1.5], ['批发', 1], ['电子商务', 1]],
    name: ['超市', '百货', '便利', '商贸', '商行'],
  },
  {
    segmentId: 'seg-supply-commercial',
    industries: [ind('L7222', '商业综合体管理服务'), REAL_ESTATE, ind('K7020', '物业管理'), ind('L72', '商务服务业')],
    scope: [['商业综合体', 3], ['购物中心', 3], ['商业运营管理', 3], ['商场', 2.5], ['柜台、摊位出租', 2.5], ['商业管理', 2], ['非居住房地产租赁', 1.5], ['物业管理', 1]],
    name: ['广场', '商业管理', '商城', '购物中心'],
  },
  // ── Health ────────────────────────────────────────────────────────────────
  {
    segmentId: 'seg-health-research',
    industries: [ind('M73', '研究和试验发展'), ind('M7340', '医学研究和试验发展'), ind('Q8492', '临床检验服务')],
    scope: [['医学研究', 3], ['精准医学', 3], ['基因检测', 3], ['分子诊断', 3], ['干细胞', 3], ['医学检验', 2.5], ['临床检验', 2.5], ['生物技术', 2], ['细胞', 1.5]],
    name: ['医学', '基因', '生物', '精准'],
  },
  {
    segmentId: 'seg-health-devices',
    industries: [ind('C358', '医疗仪器设备及器械制造'), SPECIAL_EQUIPMENT, ind('C3961', '可穿戴智能设备制造'), ind('F5154', '医疗用品及器材批发')],
    scope: [['医疗器械', 3], ['医疗设备', 3], ['可穿戴智能设备', 3], ['康复辅具', 3], ['医用', 2], ['健康监测', 2], ['智能健康设备', 3]],
    name: ['医疗器械', '医疗设备', '医疗科技'],
  },
  {
    segmentId: 'seg-health-services',
    industries: [ind('Q84', '卫生'), ind('Q85', '社会工作'), ind('Q8491', '健康体检服务'), ind('O80', '居民服务业')],
    scope: [['健康管理', 3], ['养老服务', 3], ['养老', 2.5], ['护理', 2.5], ['医疗服务', 2.5], ['诊所', 3], ['门诊', 3], ['体检', 3], ['健康咨询', 2.5], ['中医养生', 2.5], ['康复', 2]],
    name: ['健康', '养老', '医院', '诊所', '护理', '康养'],
  },
  {
    segmentId: 'seg-health-complex',
    industries: [ind('L7221', '园区管理服务'), REAL_ESTATE, ind('L7222', '商业综合体管理服务')],
    scope: [['健康产业园', 3], ['健康综合体', 3], ['康养综合体', 3], ['健康小镇', 3], ['大健康产业', 2.5], ['医养结合', 2.5], ['园区管理服务', 2], ['产业园区', 2]],
    name: ['健康产业', '康养', '大健康'],
  },
  // ── On no chain: businesses a district registers in numbers that none of the chains is about.
  {
    segmentId: null,
    industries: [
      ind('E', '建筑业'), ind('E47', '房屋建筑业'), ind('E48', '土木工程建筑业'), ind('E49', '建筑安装业'), ind('E50', '建筑装饰、装修和其他建筑业'),
      ind('H', '住宿和餐饮业'), ind('H61', '住宿业'), ind('H62', '餐饮业'), REAL_ESTATE, ind('J', '金融业'), ind('J66', '货币金融服务'), ind('J67', '资本市场服务'), ind('J68', '保险业'), ind('J69', '其他金融业'),
      ind('O80', '居民服务业'), ind('O81', '机动车、电子产品和日用产品修理业'), ind('C17', '纺织业'), ind('C18', '纺织服装、服饰业'), ind('C19', '皮革、毛皮、羽毛及其制品和制鞋业'),
      ind('C21', '家具制造业'), ind('C30', '非金属矿物制品业'), ind('M74', '专业技术服务业'), ind('L71', '租赁业'), ind('L723', '法律服务'), ind('L724', '咨询与调查'), ind('L726', '人力资源服务'),
    ],
    scope: [['餐饮服务', 3], ['餐饮管理', 2.5], ['服装', 2.5], ['服饰', 2.5], ['鞋', 2], ['住宿服务', 3], ['房地产开发经营', 3], ['建设工程施工', 3], ['建筑工程', 2.5], ['住宅室内装饰装修', 3], ['装饰装修', 2.5], ['美容', 3], ['理发', 3], ['洗浴', 3], ['家政服务', 2.5], ['机动车修理', 3], ['保险代理', 3], ['劳务派遣', 2], ['服装制造', 3], ['服装服饰', 2], ['工程管理服务', 2], ['房地产经纪', 3]],
    name: ['餐饮', '建筑', '装饰', '置业', '房地产', '酒店', '服饰', '建设', '工程'],
  },
];
