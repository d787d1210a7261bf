import { pinyin } from 'pinyin-pro';
import { Prng, cumulative } from '../../synthetic/prng.ts';
import { segmentsInOrder } from '../../chains/chainReferenceData.ts';
import { CREDIT_CODE_CHARS, creditCheckChar, makeCreditCode } from '../creditCode.ts';
import {
  ACTIVE_WORDS,
  BUILDINGS,
  CITY_PREFIXES,
  EXTRA_COLUMNS,
  GENERIC_PHRASES,
  GIVEN,
  NAME_HEADS,
  NAME_TAILS,
  NO_CHAIN_PROFILES,
  OUTSIDE_CITIES,
  ROADS,
  SEGMENT_PROFILES,
  SURNAMES,
  VAGUE_INDUSTRIES,
  type IndustryChoice,
  type SegmentProfile,
} from './vocabulary.ts';

/** A cell as the generator writes it: the .xlsx writer keeps Dates and numbers typed, the CSV writers print them as Excel would. */
export type GeneratedCell = string | number | Date | null;

export interface GenerateRegistryOptions {
  seed: number;
  /** Data rows (duplicates included). */
  rows: number;
  /** 区县 the firms are registered in (default 仓山区), with its area code for the credit codes. */
  district?: string;
  city?: string;
  province?: string;
  /** Whether the export has 注销日期 / 吊销日期 columns (default true); 迁出日期 it never has. */
  leftDateColumns?: boolean;
}

/**
 * How a firm's row was made noisy, kept with the truth so the evaluation can break its figures
 * down. `vague`: a chain firm that filed nothing of its own; its truth is its segment only when
 * its name's trade word tells it (语音科技), else null.
 */
export type NoiseKind = 'clear' | 'vague' | 'misleading-name' | 'industry-off' | 'mixed' | 'no-chain' | 'no-chain-tech';

export interface GeneratedRegistryExport {
  headers: string[];
  /** Data rows in order; row i is spreadsheet row i + 2 (the header is row 1). */
  rows: Record<string, GeneratedCell>[];
  /**
   * The segment a careful planner would choose for each firm from its row (null: on no chain, or
   * nothing in the row to place it by), by its cleaned credit code or registration number, or
   * `row:N` for a row held for its invalid code.
   */
  truth: Map<string, string | null>;
  noise: Map<string, NoiseKind>;
}

const AREA_CODES: Record<string, string> = { 仓山区: '350104', 鼓楼区: '350102', 台江区: '350103', 晋安区: '350111', 马尾区: '350105' };
const SECTION_NAMES: Record<string, string> = { A: '农、林、牧、渔业', C: '制造业', E: '建筑业', F: '批发和零售业', G: '交通运输、仓储和邮政业', H: '住宿和餐饮业', I: '信息传输、软件和信息技术服务业', J: '金融业', K: '房地产业', L: '租赁和商务服务业', M: '科学研究和技术服务业', O: '居民服务、修理和其他服务业', P: '教育', Q: '卫生和社会工作', R: '文化、体育和娱乐业' };
const CHAIN_OF = (seg: string): string => seg.split('-')[1] ?? '';
const INVALID_KINDS = ['check', 'org-check', 'char', 'length', 'scientific'] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

class Gen {
  readonly rng: Prng;
  readonly segments: string[];
  private invalidTurn = 0;
  constructor(seed: number) {
    this.rng = new Prng(seed);
    this.segments = segmentsInOrder().map((s) => s.id);
  }
  chance(p: number): boolean {
    return this.rng.next() < p;
  }
  between(lo: number, hi: number): number {
    return lo + this.rng.int(hi - lo + 1);
  }
  weighted<T extends readonly [...unknown[], number]>(xs: readonly T[]): T {
    const i = this.rng.weighted(cumulative(xs.map((x) => x[x.length - 1] as number)));
    return xs[i] as T;
  }
  sample<T>(xs: readonly T[], n: number): T[] {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(this.rng.int(pool.length), 1)[0] as T);
    return out;
  }
  nextInvalid(): (typeof INVALID_KINDS)[number] {
    return INVALID_KINDS[this.invalidTurn++ % INVALID_KINDS.length] as (typeof INVALID_KINDS)[number];
  }
}

interface Day {
  y: number;
  m: number;
  d: number;
}

function dayAfter(g: Gen, from: Day, maxYears: number): Day {
  const t = Date.UTC(from.y, from.m - 1, from.d) + g.rng.int(Math.max(1, maxYears * 365)) * 86_400_000 + 86_400_000;
  const dt = new Date(Math.min(t, Date.UTC(2025, 5, 30)));
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** A date in one of the forms exports write, the precision sometimes cut to the month. */
function dateCell(g: Gen, day: Day): GeneratedCell {
  const { y, m, d } = day;
  switch (g.rng.int(10)) {
    case 0: return `${y}-${pad(m)}-${pad(d)}`;
    case 1: return `${y}/${m}/${d}`;
    case 2: return `${y}.${m}.${d}`;
    case 3: return `${y}年${m}月${d}日`;
    case 4: return `${y}${pad(m)}${pad(d)}`;
    case 5: return g.chance(0.5) ? `${y}-${pad(m)}` : `${y}年${m}月`;
    case 6: return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000; // an Excel serial number
    default: return new Date(Date.UTC(y, m - 1, d));
  }
}

const commas = (n: number): string => n.toLocaleString('en-US');

/** Registered capital in one of the forms exports write. */
function capitalCell(g: Gen, wan: number, currency: 'CNY' | 'USD' | 'HKD' | 'EUR'): string {
  if (currency === 'USD') return `${wan}万美元`;
  if (currency === 'HKD') return g.chance(0.5) ? `${wan}万港元` : `${wan}万港币`;
  if (currency === 'EUR') return `${wan}万欧元`;
  switch (g.rng.int(6)) {
    case 0: return `${wan}万元人民币`;
    case 1: return `${wan}万人民币`;
    case 2: return `${wan}万元`;
    case 3: return `${commas(wan * 10_000)}元`;
    case 4: return `${wan}(万元)`;
    default: return `${wan}万`;
  }
}

function industryCell(g: Gen, [code, name]: IndustryChoice): string {
  switch (g.rng.int(5)) {
    case 0: return `${code} ${name}`;
    case 1: return `${SECTION_NAMES[code[0] ?? ''] ?? ''}>${name}`;
    case 2: return `[${code}]${name}`;
    default: return name;
  }
}

/** 一般项目 / 许可项目 as filed since 2021, or the older run-on form. */
function scopeText(g: Gen, general: string[], licensed: string[]): string {
  if (g.chance(0.3)) {
    const all = [...general, ...licensed].join('、');
    return `${all}。（依法须经批准的项目，经相关部门批准后方可开展经营活动）`;
  }
  let s = `一般项目：${general.join('；')}（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）`;
  if (licensed.length) s += `许可项目：${licensed.join('；')}（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）`;
  return s;
}

function personName(g: Gen): string {
  return g.rng.pick(SURNAMES) + g.rng.pick(GIVEN);
}

/** A valid credit code for a firm registered in `area` (old firms have an all-digit organisation code). */
function creditCode(g: Gen, area: string, old: boolean): string {
  const body = old
    ? Array.from({ length: 8 }, () => String(g.rng.int(10))).join('')
    : 'MA' + String(g.rng.int(10)) + Array.from({ length: 5 }, () => g.rng.pick([...CREDIT_CODE_CHARS])).join('');
  return makeCreditCode(`91${area}`, body);
}

/** A code spoiled in one of the ways codes are found spoiled in exports. */
function spoil(g: Gen, code: string, kind: (typeof INVALID_KINDS)[number]): string {
  switch (kind) {
    case 'check': {
      const last = code[17] as string;
      const other = CREDIT_CODE_CHARS[(CREDIT_CODE_CHARS.indexOf(last) + 1 + g.rng.int(29)) % 31] as string;
      return code.slice(0, 17) + other;
    }
    case 'org-check': {
      // Another organisation check, with the final check recomputed: only the inner check fails.
      const digits = '0123456789X'.replace(code[16] as string, '');
      const first17 = code.slice(0, 16) + g.rng.pick([...digits]);
      return first17 + creditCheckChar(first17);
    }
    case 'char': {
      const at = 8 + g.rng.int(8);
      return code.slice(0, at) + g.rng.pick(['O', 'I', 'S', 'Z']) + code.slice(at + 1);
    }
    case 'length':
      return code.slice(0, 17);
    case 'scientific':
      return `${code[0]}.${code.slice(1, 6)}E+17`;
  }
}

interface Firm {
  key: string;
  truth: string | null;
  noise: NoiseKind;
  /** The trade word its name shows (a branch shows its parent's). */
  trade: string;
  row: Record<string, GeneratedCell>;
}

/**
 * A made-up but realistic business-registry export of a district: firm names of city prefix +
 * 字号 + trade + legal form, valid credit codes (both check characters computed) with a few
 * spoiled ones and duplicated rows, dates and capital in every form exports use, active, closed,
 * revoked and moved-out firms with their dates, branches of parents inside and outside the file,
 * former names, English names, unknown columns, and GB/T industries and 经营范围 written for each
 * firm's true segment, with noise: vague filings, misleading names, industries that do not fit,
 * scopes that mix segments, and firms on no chain at all. The truth kept aside is what a careful
 * planner would choose from the row (see `NoiseKind` for vague filings). Seeded: the same options
 * give the same export.
 */
export function generateRegistryExport(opts: GenerateRegistryOptions): GeneratedRegistryExport {
  const g = new Gen(opts.seed);
  const district = opts.district ?? '仓山区';
  const city = opts.city ?? '福州市';
  const province = opts.province ?? '福建省';
  const area = AREA_CODES[district] ?? '350104';
  const leftCols = opts.leftDateColumns ?? true;
  const H = {
    name: '企业名称',
    status: g.chance(0.5) ? '登记状态' : '经营状态',
    rep: '法定代表人',
    capital: '注册资本',
    paid: '实缴资本（万元）',
    founded: '成立日期',
    approved: '核准日期\u3000',
    code: g.chance(0.5) ? '统一社会信用代码' : '信用代码',
    reg: '注册号',
    type: '企业类型',
    industry: g.chance(0.5) ? '所属行业' : '国标行业',
    province: '所属省份',
    city: '所属城市',
    county: '所属区县',
    address: g.chance(0.5) ? '注册地址' : '企业地址',
    scope: '经营范围',
    former: '曾用名',
    en: '英文名',
    insured: '参保人数',
    closed: '注销日期',
    revoked: '吊销日期',
  };
  const headers = [H.name, H.status, H.rep, H.capital, H.paid, H.founded, H.approved, H.code, H.reg, H.type, H.industry, H.province, H.city, H.county, H.address, H.scope, H.former, H.en, H.insured];
  if (leftCols) headers.push(H.closed, H.revoked);
  headers.push(...EXTRA_COLUMNS);

  const truth = new Map<string, string | null>();
  const noise = new Map<string, NoiseKind>();
  const rows: Record<string, GeneratedCell>[] = [];
  const pendingDuplicates: { at: number; row: Record<string, GeneratedCell> }[] = [];
  const made: Firm[] = [];

  const firmOf = (): Firm => {
    const onChain = g.chance(0.75);
    const seg = onChain ? g.rng.pick(g.segments) : null;
    const profile: SegmentProfile = seg ? (SEGMENT_PROFILES[seg] as SegmentProfile) : g.rng.pick(NO_CHAIN_PROFILES);
    let kind: NoiseKind;
    if (!seg) kind = g.chance(0.3) ? 'no-chain-tech' : 'no-chain';
    else {
      const r = g.rng.next();
      kind = r < 0.62 ? 'clear' : r < 0.74 ? 'vague' : r < 0.82 ? 'misleading-name' : r < 0.92 ? 'industry-off' : 'mixed';
    }
    const other = (): SegmentProfile => {
      const sameChain = g.segments.filter((s) => s !== seg && seg !== null && CHAIN_OF(s) === CHAIN_OF(seg));
      const pool = sameChain.length && g.chance(0.6) ? sameChain : g.segments.filter((s) => s !== seg);
      return SEGMENT_PROFILES[g.rng.pick(pool)] as SegmentProfile;
    };

    // Name.
    const head = g.rng.pick(NAME_HEADS) + g.rng.pick(NAME_TAILS);
    const tradeFrom = kind === 'misleading-name' ? other() : profile;
    const trade = kind === 'vague' && g.chance(0.5) ? g.rng.pick(['科技', '信息技术', '网络科技', '实业']) : g.rng.pick(tradeFrom.trades);
    const form = g.weighted([['有限公司', 8], ['有限责任公司', 1], ['股份有限公司', 1]] as const)[0];
    const prefix = g.rng.pick(CITY_PREFIXES);
    let name = `${prefix}${head}${trade}${form}`;
    let shownTrade = trade;
    let branch = false;
    if (g.chance(0.07)) {
      branch = true;
      const parentInFile = made.length > 0 && g.chance(0.4) ? g.rng.pick(made) : null;
      if (parentInFile) shownTrade = parentInFile.trade;
      const parentName = parentInFile ? String(parentInFile.row[H.name]) : `${g.rng.pick(OUTSIDE_CITIES)}${head}${trade}${form}`;
      const suffix = seg === 'seg-supply-retail' ? '分店' : g.weighted([['分公司', 8], ['办事处', 1], ['营业部', 1]] as const)[0];
      name = `${parentName}${g.rng.pick(['福州', '福州仓山', '仓山', '福建'])}${suffix}`;
    }

    // Dates and status.
    const founded: Day = { y: g.between(1996, 2024), m: g.between(1, 12), d: g.between(1, 28) };
    const old = founded.y < 2015;
    const statusDraw = g.rng.next();
    const status = statusDraw < 0.76 ? 'active' : statusDraw < 0.85 ? 'closed' : statusDraw < 0.9 ? 'revoked' : statusDraw < 0.94 ? 'movedOut' : statusDraw < 0.96 ? 'suspended' : statusDraw < 0.98 ? 'liquidating' : 'unknown';
    const statusText = {
      active: g.rng.pick(ACTIVE_WORDS),
      closed: '注销',
      revoked: g.chance(0.6) ? '吊销，未注销' : '吊销',
      movedOut: '迁出',
      suspended: '停业',
      liquidating: '清算',
      unknown: g.rng.pick(['撤销', '其他']),
    }[status];
    const lastChange = dayAfter(g, founded, 8);

    // Identity.
    const code = creditCode(g, area, old);
    let key = code;
    let codeCell: string = code;
    const regCell: string | null = old && g.chance(0.6) ? `${area}${String(100_000_000 + g.rng.int(899_999_999))}` : null;
    const idDraw = g.rng.next();
    if (idDraw < 0.035) {
      const spoilt = spoil(g, code, g.nextInvalid());
      codeCell = spoilt;
      key = `row:${rows.length + 2}`;
    } else if (idDraw < 0.06) {
      codeCell = g.chance(0.5) ? code.toLowerCase() : `${code.slice(0, 6)} ${code.slice(6, 12)} ${code.slice(12)}`;
    } else if (idDraw < 0.075 && regCell !== null && (status === 'revoked' || status === 'closed')) {
      codeCell = '-';
      key = `reg:${regCell}`;
    }

    // Industry and scope.
    const industryChoice: IndustryChoice =
      kind === 'vague' ? g.weighted(VAGUE_INDUSTRIES) : kind === 'industry-off' ? (g.chance(0.5) ? g.weighted(VAGUE_INDUSTRIES) : g.weighted(other().industries)) : g.weighted(profile.industries);
    const generic = g.sample(GENERIC_PHRASES, g.between(1, 3));
    let own: string[];
    switch (kind) {
      case 'vague': own = []; break;
      case 'industry-off': own = g.sample(profile.phrases, 1); break;
      case 'mixed': own = [...g.sample(profile.phrases, 2), ...g.sample(other().phrases, 1)]; break;
      case 'no-chain-tech': own = [...g.sample(profile.phrases, g.between(1, 2)), g.rng.pick(['软件开发', '网络技术服务', '货物进出口', '物联网技术服务', '广告设计、代理'])]; break;
      default: own = g.sample(profile.phrases, g.between(1, 3));
    }
    const general = kind === 'vague' ? g.sample(GENERIC_PHRASES, g.between(2, 4)) : g.chance(0.5) ? [...own, ...generic] : [...generic.slice(0, 1), ...own, ...generic.slice(1)];
    const licensed = profile.licensed && g.chance(0.5) && kind !== 'vague' ? g.sample(profile.licensed, 1) : [];

    // Money.
    const currency = g.weighted([['CNY', 90], ['USD', 5], ['HKD', 3], ['EUR', 2]] as const)[0];
    const wan = g.rng.pick([10, 30, 50, 100, 200, 300, 500, 1000, 2000, 5000]);
    const capital = branch ? null : g.chance(0.03) ? g.rng.pick(['-', '—', '/']) : capitalCell(g, wan, currency);
    const paid = branch || currency !== 'CNY' ? '-' : g.chance(0.4) ? String(Math.round(wan * g.rng.pick([0, 0.2, 0.5, 1]))) : '-';

    const formers = g.chance(0.15)
      ? g.sample([`${prefix}${head}${g.rng.pick(tradeFrom.trades)}有限公司`, `${g.rng.pick(CITY_PREFIXES)}${head}科技有限公司`, `${head}（福建）${trade}有限公司`], g.between(1, 2)).filter((n) => n !== name)
      : [];
    const formerCell = formers.length ? formers.join(g.rng.pick(['；', ';', '、', '\n'])) : null;
    const en = g.chance(0.25) ? `Fuzhou ${pinyin(head, { toneType: 'none', type: 'array' }).map((p) => p[0]?.toUpperCase() + p.slice(1)).join('')} Co., Ltd.` : null;
    const type = branch
      ? '有限责任公司分公司(自然人投资或控股)'
      : currency === 'USD' || currency === 'EUR'
        ? '有限责任公司(外国法人独资)'
        : currency === 'HKD'
          ? '有限责任公司(台港澳法人独资)'
          : form === '股份有限公司'
            ? '股份有限公司(非上市、自然人投资或控股)'
            : g.rng.pick(['有限责任公司(自然人投资或控股)', '有限责任公司(自然人独资)', '有限责任公司(法人独资)']);

    const row: Record<string, GeneratedCell> = {
      [H.name]: name,
      [H.status]: statusText,
      [H.rep]: personName(g),
      [H.capital]: capital,
      [H.paid]: paid,
      [H.founded]: dateCell(g, founded),
      [H.approved]: dateCell(g, lastChange),
      [H.code]: codeCell,
      [H.reg]: regCell ?? '-',
      [H.type]: type,
      [H.industry]: industryCell(g, industryChoice),
      [H.province]: province,
      [H.city]: city,
      [H.county]: district,
      [H.address]: `${province}${city}${district}${g.rng.pick(ROADS)}${g.between(1, 399)}号${g.rng.pick(BUILDINGS)}${g.between(1, 30)}层${g.between(1, 20)}${pad(g.between(1, 20))}室`,
      [H.scope]: scopeText(g, general, licensed),
      [H.former]: formerCell,
      [H.en]: en,
      [H.insured]: g.chance(0.2) ? '-' : g.rng.int(status === 'active' ? 300 : 5),
      企业规模: g.rng.pick(['微型', '小型', '中型', '大型', null]),
      所属园区: g.chance(0.3) ? g.rng.pick(['海峡创意产业园', '仓山科技园', '金山工业区', '福湾工业园']) : null,
      备注: g.chance(0.05) ? '数据来源：市场监管局' : null,
    };
    if (leftCols) {
      row[H.closed] = status === 'closed' ? dateCell(g, lastChange) : null;
      row[H.revoked] = status === 'revoked' ? dateCell(g, lastChange) : null;
    }
    // The truth is what a careful planner would choose from the row. A vague filing (nothing of
    // its own in the 经营范围, an industry every segment shares) under a name whose trade word does
    // not say the segment gives them nothing to choose by: no segment, as for a firm on no chain.
    const truthOf = kind === 'vague' && !(profile.telling ?? []).includes(shownTrade) ? null : seg;
    return { key, truth: truthOf, noise: kind, trade: shownTrade, row };
  };

  while (rows.length < opts.rows) {
    const due = pendingDuplicates.findIndex((p) => p.at <= rows.length);
    if (due >= 0) {
      rows.push((pendingDuplicates.splice(due, 1)[0] as { row: Record<string, GeneratedCell> }).row);
      continue;
    }
    const f = firmOf();
    rows.push(f.row);
    truth.set(f.key, f.truth);
    noise.set(f.key, f.noise);
    made.push(f);
    // A firm listed twice (the export joined two queries): the later row has some cells empty and a newer staff count.
    if (!f.key.startsWith('row:') && g.chance(0.025)) {
      const dup: Record<string, GeneratedCell> = { ...f.row, [H.former]: null, [H.en]: null, [H.insured]: g.rng.int(300), [H.scope]: g.chance(0.5) ? null : f.row[H.scope] ?? null };
      pendingDuplicates.push({ at: rows.length + g.between(1, 40), row: dup });
    }
  }
  return { headers, rows, truth, noise };
}
