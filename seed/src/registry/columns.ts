import { halfWidth, noSpaces } from './text.ts';

/** The fields of a registry export this layer understands. */
export const REGISTRY_FIELDS = [
  'name',
  'creditCode',
  'registrationNumber',
  'legalRepresentative',
  'status',
  'foundedOn',
  'approvedOn',
  'closedOn',
  'revokedOn',
  'movedOutOn',
  'registeredCapital',
  'paidInCapital',
  'companyType',
  'industry',
  'province',
  'city',
  'county',
  'address',
  'businessScope',
  'formerNames',
  'nameEn',
  'insuredStaff',
] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

/** A column the export has that this layer keeps as an extra property, by name or as unknown. */
export type ColumnTarget = RegistryField | 'extra';

/**
 * The Chinese headers registry exports use, per field (企查查, 天眼查, 国家企业信用信息公示系统 and
 * the market-regulation bureau's own exports name them slightly differently). Matched after
 * `headerKey` (full-width folded, spaces and trailing notes such as `（万元）` removed). A planner
 * adds a header here, or maps it per file with a column-mapping file.
 */
export const COLUMN_TABLE: readonly { field: ColumnTarget; headers: readonly string[] }[] = [
  { field: 'name', headers: ['企业名称', '公司名称', '名称', '企业(机构)名称', '市场主体名称', '主体名称', '单位名称'] },
  { field: 'creditCode', headers: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', '统一社会信用代码/注册号'] },
  { field: 'registrationNumber', headers: ['注册号', '工商注册号', '原注册号'] },
  { field: 'legalRepresentative', headers: ['法定代表人', '法人', '法人代表', '法定代表人/负责人', '负责人', '经营者', '执行事务合伙人'] },
  { field: 'status', headers: ['登记状态', '经营状态', '企业状态', '状态', '营业状态'] },
  { field: 'foundedOn', headers: ['成立日期', '成立时间', '设立日期', '注册日期'] },
  { field: 'approvedOn', headers: ['核准日期', '核准时间', '发照日期'] },
  { field: 'closedOn', headers: ['注销日期', '注销时间'] },
  { field: 'revokedOn', headers: ['吊销日期', '吊销时间'] },
  { field: 'movedOutOn', headers: ['迁出日期', '迁出时间'] },
  { field: 'registeredCapital', headers: ['注册资本', '注册资金'] },
  { field: 'paidInCapital', headers: ['实缴资本', '实缴出资'] },
  { field: 'companyType', headers: ['企业类型', '公司类型', '企业(机构)类型', '主体类型', '市场主体类型'] },
  { field: 'industry', headers: ['所属行业', '国标行业', '行业', '国民经济行业', '行业门类', '行业分类'] },
  { field: 'province', headers: ['所属省份', '省份', '所在省份', '省'] },
  { field: 'city', headers: ['所属城市', '城市', '所在城市', '市'] },
  { field: 'county', headers: ['所属区县', '区县', '所在区县', '县区'] },
  { field: 'address', headers: ['注册地址', '企业地址', '住所', '地址', '注册地', '经营场所', '住所/经营场所'] },
  { field: 'businessScope', headers: ['经营范围'] },
  { field: 'formerNames', headers: ['曾用名', '历史名称'] },
  { field: 'nameEn', headers: ['英文名', '英文名称'] },
  { field: 'insuredStaff', headers: ['参保人数', '社保人数', '参保人员'] },
  // Columns exports carry that the graph has no property for yet: kept as extras, not reported.
  { field: 'extra', headers: ['序号', '登记机关', '营业期限', '营业期限自', '营业期限至', '纳税人识别号', '组织机构代码', '电话', '联系电话', '邮箱', '网址', '官网'] },
];

/** A header's note in brackets or after it: `注册资本（万元）` → note `万元`. */
export interface HeaderKey {
  key: string;
  note: string | null;
}

/** Trailing notes exports put after a header without brackets (units mostly). */
const BARE_NOTES = ['万元人民币', '万人民币', '万美元', '万元', '元', '人'];

/**
 * The key a header is matched by: NFKC (full-width → half-width), spaces of every width and a
 * leading or trailing `*` / `:` removed, and a trailing note in brackets taken off and returned.
 */
export function headerKey(header: string): HeaderKey {
  let h = noSpaces(halfWidth(header)).replace(/^\*+|[*:]+$/g, '');
  let note: string | null = null;
  const m = /^(.+?)[([【<]([^)\]】>]*)[)\]】>]$/.exec(h);
  if (m) {
    h = m[1] as string;
    note = (m[2] as string) || null;
  }
  return { key: h, note };
}

const BY_KEY: ReadonlyMap<string, ColumnTarget> = new Map(
  COLUMN_TABLE.flatMap(({ field, headers }) => headers.map((h) => [headerKey(h).key, field] as const)),
);

export interface ColumnMatch {
  target: ColumnTarget;
  /** The table's header it matched, e.g. `注册资本`. */
  matched: string;
  note: string | null;
}

/** The field a header names by the table, or null when the table does not know it. */
export function matchHeader(header: string): ColumnMatch | null {
  const { key, note } = headerKey(header);
  const exact = BY_KEY.get(key);
  if (exact) return { target: exact, matched: key, note };
  // `注册资本万元`: a known header followed by a unit.
  for (const n of BARE_NOTES) {
    if (key.endsWith(n) && key.length > n.length) {
      const t = BY_KEY.get(key.slice(0, -n.length));
      if (t) return { target: t, matched: key.slice(0, -n.length), note: n };
    }
  }
  return null;
}
