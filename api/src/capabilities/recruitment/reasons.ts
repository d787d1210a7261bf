import type { GapStatus } from './gapStatus.ts';
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
  gap: { status: GapStatus; localCount: number; segment: { name: string; nameEn?: string | null } } | null;
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
  /** Factors in the order of their contribution, largest first, with contribution > 0. */
  factors: FactorName[];
}

const MAX_TIES_IN_WORDS = 3;

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
    default: {
      const never: never = factor;
      throw new Error(`no reason for factor ${String(never)}`);
    }
  }
}
