import { BOILERPLATE, PLACEMENT_RULES, type PlacementRule } from './placementRules.ts';
import { industryCodes, parseIndustry, withSection } from './industry.ts';
import { halfWidth } from './text.ts';

/** What placement reads of a firm. */
export interface PlacementInput {
  name: string;
  industry?: string | null;
  businessScope?: string | null;
}

export interface Placement {
  /** The segment, or null: on no chain (or not enough to say). */
  segmentId: string | null;
  /** 0..1: how strongly the rules point at this answer and how far ahead of the runner-up. */
  confidence: number;
  /** `CURATED: 所属行业=软件和信息技术服务业; 经营范围 contains 语音识别`: why, for the IN_SEGMENT reason. */
  reason: string;
  /** A person should look before this is written as fact. */
  needsReview: boolean;
  score: number;
  runnerUp: { segmentId: string | null; score: number } | null;
}

/** How placement turns scores into answers; the defaults are what `npm run eval:placement` was tuned with. */
export interface PlacementTuning {
  /** A segment needs at least this score to be placed. */
  minScore: number;
  /** Below this confidence a placement goes to review. */
  reviewBelow: number;
  /** An unplaced firm goes to review when its best segment scores at least this (a signal, too weak to place on). */
  weakSignal: number;
}

export const DEFAULT_TUNING: PlacementTuning = { minScore: 2, reviewBelow: 0.5, weakSignal: 1 };

/** Industry weight by how many digits the rule's code has: a section (none), division (2), group (3), class (4). */
const INDUSTRY_WEIGHT: Readonly<Record<number, number>> = { 0: 0.5, 2: 1, 3: 1.5, 4: 2 };
const NAME_WEIGHT = 0.5;

/** Text in 经营范围 that does not describe the business: exclusions and the licensing boilerplate. */
const NOT_BUSINESS = /[（(](?:不含|除|依法须经批准|涉及|须经)[^（）()]*[）)]/g;

interface Hit {
  rule: PlacementRule;
  score: number;
  industry: { code: string; name: string; weight: number } | null;
  scope: string[];
  nameWords: string[];
}

/** The digits a code is matched by, its section letter kept: `I6513`. */
function matches(firmCode: string, ruleCode: string): boolean {
  return firmCode.startsWith(ruleCode);
}

function industryHit(rule: PlacementRule, firmCodes: readonly string[]): Hit['industry'] {
  let best: Hit['industry'] = null;
  for (const ref of rule.industries) {
    if (!firmCodes.some((c) => matches(c, ref.code))) continue;
    const weight = INDUSTRY_WEIGHT[ref.code.length - 1] ?? 0;
    if (!best || weight > best.weight) best = { code: ref.code, name: ref.name, weight };
  }
  return best;
}

/** Every keyword of every rule and the boilerplate, upper-cased, longest first. */
const ALL_KEYWORDS: readonly string[] = [...new Set([...PLACEMENT_RULES.flatMap((r) => r.scope.map(([k]) => k)), ...BOILERPLATE].map(halfWidth).map((k) => k.toUpperCase()))].sort(
  (a, b) => b.length - a.length,
);

/**
 * The keywords that occur in the scope on their own: an occurrence inside a longer keyword's
 * (软件开发 inside 游戏软件开发, 零售 inside 计算机软硬件及辅助设备零售) is not one.
 */
function keywordsIn(scope: string): Set<string> {
  const covered: [number, number][] = [];
  const out = new Set<string>();
  for (const k of ALL_KEYWORDS) {
    for (let at = scope.indexOf(k); at >= 0; at = scope.indexOf(k, at + 1)) {
      const end = at + k.length;
      if (covered.some(([s, e]) => s <= at && end <= e)) continue;
      out.add(k);
      covered.push([at, end]);
    }
  }
  return out;
}

/** The rule's keywords the scope has on their own. */
function scopeHits(rule: PlacementRule, present: ReadonlySet<string>): { words: string[]; score: number } {
  const kept = rule.scope.filter(([k]) => present.has(halfWidth(k).toUpperCase()));
  const weights = kept.map(([, w]) => w).sort((a, b) => b - a);
  // Each further keyword counts half the one before: a long scope does not outweigh a precise one.
  const score = weights.reduce((s, w, i) => s + w / 2 ** i, 0);
  return { words: kept.sort((a, b) => b[1] - a[1]).map(([k]) => k), score };
}

function scoreRule(rule: PlacementRule, firmCodes: readonly string[], present: ReadonlySet<string>, name: string): Hit {
  const industry = industryHit(rule, firmCodes);
  const s = scopeHits(rule, present);
  const nameWords = rule.name.filter((w) => name.includes(w));
  const score = (industry?.weight ?? 0) + s.score + (nameWords.length > 0 ? NAME_WEIGHT : 0);
  return { rule, score, industry, scope: s.words, nameWords };
}

function because(h: Hit): string {
  const parts: string[] = [];
  if (h.industry) parts.push(`所属行业=${h.industry.name} (${h.industry.code})`);
  if (h.scope.length) parts.push(`经营范围 contains ${h.scope.join(', ')}`);
  if (h.nameWords.length) parts.push(`name contains ${h.nameWords.join(', ')} (weak)`);
  return parts.join('; ');
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Places a registered firm on a chain segment by the rules of placementRules.ts: every rule is
 * scored on the firm's industry (the most specific code that matches), its 经营范围 (keywords,
 * each further one counting half the one before; exclusions in brackets such as `（不含诊疗服务）`
 * ignored) and its name (weak). The best segment is placed when it scores at least `minScore` and
 * beats the rule for "on no chain". Confidence grows with the score and with the margin over the
 * runner-up; below `reviewBelow` the placement needs review. An unplaced firm needs review when
 * some segment had a signal (≥ `weakSignal`) that the no-chain rule does not explain.
 */
export function placeFirm(firm: PlacementInput, tuning: PlacementTuning = DEFAULT_TUNING): Placement {
  const codes = firm.industry ? industryCodes(parseIndustry(firm.industry)).map(withSection) : [];
  const present = keywordsIn(halfWidth(firm.businessScope ?? '').replace(NOT_BUSINESS, '').toUpperCase());
  const name = halfWidth(firm.name);
  const hits = PLACEMENT_RULES.map((r) => scoreRule(r, codes, present, name)).sort((a, b) => b.score - a.score);
  const best = hits[0];
  const offChain = hits.find((h) => h.rule.segmentId === null);
  const bestChain = hits.find((h) => h.rule.segmentId !== null);
  if (!best || !bestChain) throw new Error('placement rules are empty');
  const offScore = offChain?.score ?? 0;
  const runnerUpOf = (h: Hit): Hit | undefined => hits.find((o) => o !== h && o.rule.segmentId !== h.rule.segmentId && o.score > 0);

  if (best.rule.segmentId === null || bestChain.score < tuning.minScore) {
    const weak = bestChain.score >= tuning.weakSignal && bestChain.score > offScore;
    const why =
      best.score === 0
        ? 'no rule fires: nothing in 所属行业, 经营范围 or the name points at a chain'
        : best.rule.segmentId === null
          ? `on no chain: ${because(best)}`
          : `too little to place: best ${bestChain.rule.segmentId} ${round2(bestChain.score)} (${because(bestChain)}) < ${tuning.minScore}`;
    const conf = best.rule.segmentId === null ? 1 - Math.exp(-offScore / 3) : 0;
    return {
      segmentId: null,
      confidence: round2(weak ? Math.min(conf, 0.3) : conf),
      reason: `CURATED: ${why}`,
      needsReview: weak,
      score: round2(best.rule.segmentId === null ? offScore : 0),
      runnerUp: bestChain.score > 0 ? { segmentId: bestChain.rule.segmentId, score: round2(bestChain.score) } : null,
    };
  }
  const second = runnerUpOf(best);
  const s1 = best.score;
  const s2 = second?.score ?? 0;
  const strength = 1 - Math.exp(-s1 / 3);
  // Evidence both share (the same industry matched, as I65 for speech and software) does not tell them apart.
  const shared = second?.industry && best.industry && second.industry.code === best.industry.code ? best.industry.weight : 0;
  const margin = s1 > shared ? (s1 - s2) / (s1 - shared) : 0;
  const confidence = strength * (0.3 + 0.7 * margin);
  return {
    segmentId: best.rule.segmentId,
    confidence: round2(confidence),
    reason: `CURATED: ${because(best)}`,
    needsReview: confidence < tuning.reviewBelow,
    score: round2(s1),
    runnerUp: second ? { segmentId: second.rule.segmentId, score: round2(s2) } : null,
  };
}
