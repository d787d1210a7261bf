import { halfWidth } from './text.ts';

/**
 * A firm's name in one form for matching: full-width letters and digits folded to half-width,
 * every space (ideographic too) removed, and brackets in the registry's own form `（）` whichever
 * way they were typed. `北京 字节跳动(福州)有限公司` and `北京字节跳动（福州）有限公司` match.
 */
export function normaliseName(name: string): string {
  return halfWidth(name)
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/** 曾用名 cells list names separated by `；` `;` `、` `,` or newlines. */
export function splitFormerNames(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/[;；、,，\r\n]+/)) {
    const n = part.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (n !== '' && !out.includes(n)) out.push(n);
  }
  return out;
}

/** The legal forms a firm's name ends in, longest first: where a parent's name stops. */
const LEGAL_ENDINGS = ['股份有限公司', '有限责任公司', '（有限合伙）', '（普通合伙）', '有限公司', '合伙企业', '集团', '公司', '银行', '合作社', '事务所', '厂', '店'];

/** The endings that make a registered unit of another firm. */
export const BRANCH_SUFFIXES = ['分公司', '分店', '办事处', '营业部', '分厂', '分部', '分所', '分行', '支行', '支公司'];

export interface BranchOf {
  parentName: string;
  /** normaliseName(parentName): what the writer matches the parent by. */
  parentKey: string;
  /** The suffix that made it a unit (分公司, 分店…). */
  suffix: string;
  reason: string;
}

/**
 * A unit of another firm by its name: `北京字节跳动科技有限公司福州分公司` is a branch of
 * `北京字节跳动科技有限公司`. The parent is the name up to the last legal ending before the
 * suffix (what is between is the place: 福州, 仓山万达…). Null when the name is no unit's, or
 * when no parent can be read out of it (then the caller says so).
 */
export function branchOf(name: string): BranchOf | null {
  const n = normaliseName(name);
  const suffix = BRANCH_SUFFIXES.find((s) => n.endsWith(s));
  if (!suffix) return null;
  const stem = n.slice(0, -suffix.length);
  let cut = -1;
  for (const e of LEGAL_ENDINGS) {
    const at = stem.lastIndexOf(e);
    if (at > 0 && at + e.length > cut) cut = at + e.length;
  }
  if (cut <= 0) return null;
  const parentName = stem.slice(0, cut);
  return { parentName, parentKey: parentName, suffix, reason: `registry: branch of ${parentName}` };
}

/** Whether a name is a unit's by its ending even when its parent cannot be read out of it. */
export function isUnitName(name: string): boolean {
  const n = normaliseName(name);
  return BRANCH_SUFFIXES.some((s) => n.endsWith(s));
}

/** A group (集团) by its name: the writer's `kind: 'group'`. */
export function isGroupName(name: string): boolean {
  return /集团/.test(name);
}
