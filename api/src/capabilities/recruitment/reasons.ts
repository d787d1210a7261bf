import { GAP_RULE, type GapBasis, type GapStatus } from './gapStatus.ts';
import type { FactorName } from './scoring.ts';

/** A reason in both languages, plain words a leader reads aloud. */
export interface Reason {
  zh: string;
  en: string;
  /** The factor this reason explains. */
  factor: FactorName;
}

export interface TieFact {
  type: string;
  /** true when the candidate is the start of the relation (it SUPPLIES / is PART_OF … the other). */
  outgoing: boolean;
  other: { name: string; nameEn?: string | null; isAnchor?: boolean | null };
  since?: string | null;
}

const en = (x: { name: string; nameEn?: string | null }): string => x.nameEn ?? x.name;

/** One tie in words: "supplies 今日头条 (anchor)" / "供应 今日头条（链主）". */
export function tieReason(t: TieFact): { zh: string; en: string } {
  const zhName = `${t.other.name}${t.other.isAnchor ? '（链主）' : ''}`;
  const enName = `${en(t.other)}${t.other.isAnchor ? ' (anchor)' : ''}`;
  switch (t.type) {
    case 'SUPPLIES':
      return t.outgoing ? { zh: `供应 ${zhName}`, en: `supplies ${enName}` } : { zh: `是 ${zhName} 的客户`, en: `buys from ${enName}` };
    case 'PARTNER_OF':
      return { zh: `与 ${zhName} 合作`, en: `partners with ${enName}` };
    case 'PART_OF':
      return t.outgoing ? { zh: `隶属 ${zhName}`, en: `is part of ${enName}` } : { zh: `是 ${zhName} 的母公司`, en: `is the parent group of ${enName}` };
    case 'ATTRACTED':
      return t.outgoing ? { zh: `曾引来 ${zhName}`, en: `drew ${enName} in before` } : { zh: `受 ${zhName} 吸引`, en: `is courted by ${enName}` };
    default:
      return { zh: `与 ${zhName} 相关`, en: `is related to ${enName}` };
  }
}

export interface ReasonInput {
  ties: TieFact[];
  gap: { status: GapStatus; basis?: GapBasis; leakShare?: number | null; localCount: number; segment: { name: string; nameEn?: string | null } } | null;
  /** Firms outside the scope through which the candidate reaches the scope (Adamic–Adar paths). */
  via: Array<{ name: string; nameEn?: string | null }>;
  /** `anchor`: compared with that anchor's circle (its followers); null: with the scope's recent arrivals. */
  similarity: {
    segment: { name: string; nameEn?: string | null } | null;
    sameSegment: boolean;
    origin: string | null;
    sameOrigin: boolean;
    anchor?: { name: string; nameEn?: string | null } | null;
  };
  newestTie: string | null;
  /** Focus: `ties` of its `of` ties (as of the cursor) go to the scope's firms. */
  focus?: { ties: number; of: number };
  /** Customer ties: how many of the scope's firms it supplies (as of the cursor). */
  customers?: number;
  /** Factors in the order of their contribution, largest first, with contribution > 0. */
  factors: FactorName[];
}

const MAX_TIES_IN_WORDS = 3;

/** A share as a whole percentage. */
const pct = (share: number): number => Math.round(share * 100);

/** What a segment's status is read from (gapStatus.ts). */
export interface GapFacts {
  status: GapStatus;
  basis: GapBasis;
  localCount: number;
  supplyTies: number;
  outsideTies: number;
  outsideFirms: number;
  leakShare: number | null;
  referenceShare: number | null;
}

/** Why a segment has its status, in one line each language: the figures that set it. */
export function gapStatusReason(g: GapFacts): { zh: string; en: string } {
  const n = g.localCount;
  const firmsEn = `${n} local firm${n === 1 ? '' : 's'}`;
  const ref = g.referenceShare === null ? null : pct(g.referenceShare);
  const share = g.leakShare === null ? null : pct(g.leakShare);
  const demandZh = share === null ? '' : `该环节 ${g.supplyTies} 条供应关系中 ${g.outsideTies} 条在区外（${share}%${ref === null ? '' : `，各环节平均 ${ref}%`}）`;
  const demandEn =
    share === null ? '' : `${g.outsideTies} of its ${g.supplyTies} supply ties go outside the district (${share}%${ref === null ? '' : `; all segments: ${ref}%`})`;
  switch (g.basis) {
    case 'NO_LOCAL_FIRM':
      return g.outsideTies > 0
        ? { zh: `区内没有该环节企业；本地企业与区外 ${g.outsideFirms} 家该环节企业有 ${g.outsideTies} 条供应关系`, en: `no local firm; local firms have ${g.outsideTies} supply tie${g.outsideTies === 1 ? '' : 's'} with ${g.outsideFirms} outside firm${g.outsideFirms === 1 ? '' : 's'} in it` }
        : { zh: '区内没有该环节企业', en: 'no local firm in this segment' };
    case 'LEAKAGE':
      return { zh: `区内 ${n} 家，但${demandZh}：需求流向区外`, en: `${firmsEn}, but ${demandEn}: demand leaks out` };
    case 'FEW_LOCAL_FIRMS':
      // The demand is worth a word only when there were enough ties to judge it.
      if (g.supplyTies < GAP_RULE.minTies) return { zh: `区内仅 ${n} 家，一家离开即成缺口`, en: `only ${firmsEn}: one leaving reopens the gap` };
      return {
        zh: `区内仅 ${n} 家，一家离开即成缺口${demandZh ? `；${demandZh}` : ''}`,
        en: `only ${firmsEn}: one leaving reopens the gap${demandEn ? `; ${demandEn}` : ''}`,
      };
    case 'DEMAND_MET':
      return { zh: `区内 ${n} 家；${demandZh}：外流未明显高于平均`, en: `${firmsEn}; ${demandEn}: no clearly larger outflow than the average` };
    case 'COUNT_ONLY':
      return {
        zh: `区内 ${n} 家；供应关系太少（${g.supplyTies} 条），按企业数判断`,
        en: `${firmsEn}; too few supply ties (${g.supplyTies}) to judge the demand, judged by count`,
      };
    default: {
      const never: never = g.basis;
      throw new Error(`unknown gap basis ${String(never)}`);
    }
  }
}

/** The reasons, one per factor that contributes, in the order of their contribution. */
export function buildReasons(input: ReasonInput): Reason[] {
  const out: Reason[] = [];
  for (const factor of input.factors) {
    const r = reasonFor(factor, input);
    if (r) out.push({ ...r, factor });
  }
  return out;
}

function reasonFor(factor: FactorName, input: ReasonInput): { zh: string; en: string } | null {
  switch (factor) {
    case 'anchorTies':
    case 'localTies': {
      const ties = input.ties.filter((t) => (factor === 'anchorTies') === (t.other.isAnchor === true)).slice(0, MAX_TIES_IN_WORDS);
      if (ties.length === 0) return null;
      const words = ties.map(tieReason);
      return { zh: words.map((w) => w.zh).join('；'), en: words.map((w) => w.en).join('; ') };
    }
    case 'gapFill': {
      const g = input.gap;
      if (!g || g.status === 'STRONG') return null;
      if (g.basis === 'LEAKAGE' && g.leakShare != null) {
        const p = pct(g.leakShare);
        return g.status === 'GAP'
          ? { zh: `填补环节 ${g.segment.name} 的缺口（${p}% 的供应关系在区外）`, en: `fills the gap in ${en(g.segment)} (${p}% of its supply ties go outside)` }
          : { zh: `补强薄弱环节 ${g.segment.name}（${p}% 的供应关系在区外）`, en: `strengthens the weak segment ${en(g.segment)} (${p}% of its supply ties go outside)` };
      }
      return g.status === 'GAP'
        ? { zh: `填补空白环节 ${g.segment.name}`, en: `fills the empty segment ${en(g.segment)}` }
        : { zh: `补强薄弱环节 ${g.segment.name}（本地仅 ${g.localCount} 家）`, en: `strengthens the weak segment ${en(g.segment)} (${g.localCount} local firm${g.localCount === 1 ? '' : 's'})` };
    }
    case 'adamicAdar': {
      if (input.via.length === 0) return { zh: '与本地企业有共同的合作伙伴', en: 'shares partners with local firms' };
      const names = input.via.slice(0, 2);
      return {
        zh: `通过 ${names.map((v) => v.name).join('、')} 与本地企业相连`,
        en: `is connected to local firms through ${names.map(en).join(', ')}`,
      };
    }
    case 'similarity': {
      const s = input.similarity;
      const zh: string[] = [];
      const parts: string[] = [];
      if (s.sameSegment && s.segment) {
        zh.push(`同属 ${s.segment.name}`);
        parts.push(`same segment ${en(s.segment)}`);
      }
      if (s.sameOrigin && s.origin) {
        zh.push(`同样来自 ${s.origin}`);
        parts.push(`also from ${s.origin}`);
      }
      if (zh.length === 0) return null;
      if (s.anchor) return { zh: `与 ${s.anchor.name} 的朋友圈相似：${zh.join('，')}`, en: `resembles the circle of ${en(s.anchor)}: ${parts.join(', ')}` };
      return { zh: `与近期落地的企业相似：${zh.join('，')}`, en: `resembles recent arrivals: ${parts.join(', ')}` };
    }
    case 'recency':
      return input.newestTie ? { zh: `关联为近期建立（${input.newestTie}）`, en: `tie formed recently (${input.newestTie})` } : null;
    case 'focus': {
      const f = input.focus;
      if (!f || f.ties === 0) return null;
      // "Committed" only when most of its ties are here; otherwise the figures alone.
      const most = f.ties * 2 > f.of;
      return f.ties === f.of
        ? { zh: `${f.of} 条关联全部与本地企业，专注本地`, en: `all ${f.of} of its ties are with local firms: committed here` }
        : { zh: `${f.of} 条关联中 ${f.ties} 条与本地企业${most ? '，专注本地' : ''}`, en: `${f.ties} of its ${f.of} ties are with local firms${most ? ': committed here, not a hub' : ''}` };
    }
    case 'customerTies': {
      const n = input.customers ?? 0;
      if (n === 0) return null;
      // The names come from the evidence ties (anchors first); the count from all its supply ties.
      const names = input.ties.filter((t) => t.type === 'SUPPLIES' && t.outgoing).slice(0, 2).map((t) => t.other);
      const zhNames = names.length > 0 ? `（${names.map((x) => x.name).join('、')}${n > names.length ? ' 等' : ''}）` : '';
      const enNames = names.length > 0 ? ` (${names.map(en).join(', ')}${n > names.length ? ', …' : ''})` : '';
      return n === 1
        ? { zh: `客户在本地：供应 1 家本地企业${zhNames}`, en: `its customer is here: supplies 1 local firm${enNames}` }
        : { zh: `客户在本地：供应 ${n} 家本地企业${zhNames}`, en: `its customers are here: supplies ${n} local firms${enNames}` };
    }
    default: {
      const never: never = factor;
      throw new Error(`no reason for factor ${String(never)}`);
    }
  }
}
