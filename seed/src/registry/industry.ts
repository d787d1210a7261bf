import { halfWidth } from './text.ts';

/** An industry cell read apart: the GB/T 4754-2017 codes and the names it carries. */
export interface Industry {
  text: string;
  /** Codes as written, upper-cased: `I65`, `I6513`, `6513`, `I`. */
  codes: string[];
  /** The names, split at the separators exports use between levels (`>`, `-`, `/`, `|`). */
  names: string[];
}

/**
 * `软件和信息技术服务业`, `I65 软件和信息技术服务业`, `信息传输、软件和信息技术服务业>软件和信息技术服务业>应用软件开发`,
 * `[I6513]应用软件开发`, `6513`: the codes (section letter with 2–4 digits, or 2–4 digits alone)
 * and the names.
 */
export function parseIndustry(text: string): Industry {
  const t = halfWidth(text);
  const codes: string[] = [];
  for (const m of t.matchAll(/(?<![A-Za-z0-9])([A-Ta-t]?\d{2,4}|[A-Ta-t])(?![A-Za-z0-9])/g)) codes.push((m[1] as string).toUpperCase());
  const names = t
    .replace(/(?<![A-Za-z0-9])([A-Ta-t]?\d{2,4}|[A-Ta-t])(?![A-Za-z0-9])/g, ' ')
    .split(/[>＞|/\\\-—→\s[\]()（）【】:：]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
  return { text, codes, names };
}

/** The digits of a code (`I6513` → `6513`): divisions are numbered uniquely across sections. */
export const codeDigits = (code: string): string => code.replace(/^[A-Z]/, '');

/**
 * GB/T 4754-2017 names to codes, for exports that write the industry by name only. The sections,
 * the divisions a district registers most, and the classes the placement rules name.
 */
export const GBT4754_NAMES: readonly (readonly [code: string, name: string])[] = [
  ['A', '农、林、牧、渔业'], ['B', '采矿业'], ['C', '制造业'], ['D', '电力、热力、燃气及水生产和供应业'], ['E', '建筑业'], ['F', '批发和零售业'],
  ['G', '交通运输、仓储和邮政业'], ['H', '住宿和餐饮业'], ['I', '信息传输、软件和信息技术服务业'], ['J', '金融业'], ['K', '房地产业'],
  ['L', '租赁和商务服务业'], ['M', '科学研究和技术服务业'], ['N', '水利、环境和公共设施管理业'], ['O', '居民服务、修理和其他服务业'], ['P', '教育'],
  ['Q', '卫生和社会工作'], ['R', '文化、体育和娱乐业'], ['S', '公共管理、社会保障和社会组织'],
  ['A01', '农业'], ['A03', '畜牧业'], ['A04', '渔业'], ['A05', '农、林、牧、渔专业及辅助性活动'],
  ['C13', '农副食品加工业'], ['C14', '食品制造业'], ['C15', '酒、饮料和精制茶制造业'], ['C17', '纺织业'], ['C18', '纺织服装、服饰业'],
  ['C19', '皮革、毛皮、羽毛及其制品和制鞋业'], ['C21', '家具制造业'], ['C23', '印刷和记录媒介复制业'], ['C26', '化学原料和化学制品制造业'], ['C27', '医药制造业'],
  ['C29', '橡胶和塑料制品业'], ['C30', '非金属矿物制品业'], ['C33', '金属制品业'], ['C34', '通用设备制造业'], ['C35', '专用设备制造业'], ['C36', '汽车制造业'],
  ['C38', '电气机械和器材制造业'], ['C39', '计算机、通信和其他电子设备制造业'], ['C40', '仪器仪表制造业'],
  ['C3491', '工业机器人制造'], ['C358', '医疗仪器设备及器械制造'], ['C391', '计算机制造'], ['C3914', '工业控制计算机及系统制造'], ['C392', '通信设备制造'],
  ['C396', '智能消费设备制造'], ['C3961', '可穿戴智能设备制造'], ['C3962', '智能车载设备制造'], ['C3964', '服务消费机器人制造'], ['C397', '电子器件制造'],
  ['C3973', '集成电路制造'], ['C398', '电子元件及电子专用材料制造'], ['C3983', '敏感元件及传感器制造'], ['C4011', '工业自动控制系统装置制造'],
  ['E47', '房屋建筑业'], ['E48', '土木工程建筑业'], ['E49', '建筑安装业'], ['E50', '建筑装饰、装修和其他建筑业'],
  ['F51', '批发业'], ['F52', '零售业'], ['F511', '农、林、牧、渔产品批发'], ['F5154', '医疗用品及器材批发'], ['F5211', '百货零售'], ['F5212', '超级市场零售'], ['F5292', '互联网零售'],
  ['G54', '道路运输业'], ['G5413', '出租车客运'], ['G543', '道路货物运输'], ['G58', '多式联运和运输代理业'], ['G59', '装卸搬运和仓储业'], ['G5920', '通用仓储'], ['G5930', '低温仓储'], ['G60', '邮政业'],
  ['H61', '住宿业'], ['H62', '餐饮业'],
  ['I63', '电信、广播电视和卫星传输服务'], ['I64', '互联网和相关服务'], ['I65', '软件和信息技术服务业'],
  ['I6410', '互联网接入及相关服务'], ['I6421', '网络搜索服务'], ['I6422', '网络游戏服务'], ['I6429', '其他互联网信息服务'], ['I643', '互联网平台'],
  ['I6431', '互联网生产服务平台'], ['I6432', '互联网生活服务平台'], ['I6433', '互联网科技创新平台'], ['I6450', '互联网数据服务'],
  ['I651', '软件开发'], ['I6511', '基础软件开发'], ['I6512', '支撑软件开发'], ['I6513', '应用软件开发'], ['I6520', '集成电路设计'], ['I6531', '信息系统集成服务'],
  ['I6532', '物联网技术服务'], ['I6540', '运行维护服务'], ['I6550', '信息处理和存储支持服务'], ['I6560', '信息技术咨询服务'], ['I6572', '动漫、游戏数字内容服务'],
  ['J66', '货币金融服务'], ['J67', '资本市场服务'], ['J68', '保险业'], ['J69', '其他金融业'], ['K70', '房地产业'], ['K7020', '物业管理'],
  ['L71', '租赁业'], ['L72', '商务服务业'], ['L7221', '园区管理服务'], ['L7222', '商业综合体管理服务'], ['L7224', '供应链管理服务'], ['L723', '法律服务'],
  ['L724', '咨询与调查'], ['L725', '广告业'], ['L7251', '互联网广告服务'], ['L7259', '其他广告服务'], ['L726', '人力资源服务'], ['L728', '会议、展览及相关服务'], ['L7281', '科技会展服务'],
  ['M73', '研究和试验发展'], ['M7340', '医学研究和试验发展'], ['M74', '专业技术服务业'], ['M7491', '工业设计服务'], ['M75', '科技推广和应用服务业'], ['M753', '科技中介服务'], ['M754', '创业空间服务'],
  ['O80', '居民服务业'], ['O81', '机动车、电子产品和日用产品修理业'], ['P83', '教育'], ['P8391', '职业技能培训'],
  ['Q84', '卫生'], ['Q85', '社会工作'], ['Q8491', '健康体检服务'], ['Q8492', '临床检验服务'],
  ['R86', '新闻和出版业'], ['R87', '广播、电视、电影和录音制作业'], ['R88', '文化艺术业'],
];

const CODE_BY_NAME: ReadonlyMap<string, string> = new Map(GBT4754_NAMES.map(([c, n]) => [n, c]));

/** The codes an industry cell stands for: the codes written and those of the names written. */
export function industryCodes(ind: Industry): string[] {
  const out = new Set(ind.codes);
  for (const n of ind.names) {
    const c = CODE_BY_NAME.get(n);
    if (c) out.add(c);
  }
  return [...out];
}

/** GB/T 4754-2017 sections by their first and last division. */
const SECTIONS: readonly (readonly [letter: string, from: number, to: number])[] = [
  ['A', 1, 5], ['B', 6, 12], ['C', 13, 43], ['D', 44, 46], ['E', 47, 50], ['F', 51, 52], ['G', 53, 60], ['H', 61, 62], ['I', 63, 65], ['J', 66, 69],
  ['K', 70, 70], ['L', 71, 72], ['M', 73, 75], ['N', 76, 79], ['O', 80, 82], ['P', 83, 83], ['Q', 84, 85], ['R', 86, 90], ['S', 91, 96], ['T', 97, 97],
];

/** A code with its section letter: `6513` → `I6513`; a code with a letter is returned as is. */
export function withSection(code: string): string {
  if (/^[A-T]/.test(code)) return code;
  const div = Number(code.slice(0, 2));
  const s = SECTIONS.find(([, from, to]) => div >= from && div <= to);
  return s ? s[0] + code : code;
}
