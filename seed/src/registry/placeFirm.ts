import { BOILERPLATE, PLACEMENT_RULES, type PlacementRule } from './placementRules.ts';
import { industryCodes, parseIndustry, withSection } from './industry.ts';
import { branchOf, normaliseName } from './names.ts';
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
  /** A segment needs at least this score to be placed (or, when doubtful, suggested for review). */
  minScore: number;
  /** Below this confidence a placement goes to review. */
  reviewBelow: number;
  /** An unplaced firm goes to review when its best segment scores at least this (a signal, too weak to place on). */
  weakSignal: number;
}

export const DEFAULT_TUNING: PlacementTuning = { minScore: 1.5, reviewBelow: 0.45, weakSignal: 1 };

/** Industry weight, unless the rule gives one, by how many digits the code has: a section (none), division (2), group (3), class (4). */
const INDUSTRY_WEIGHT: Readonly<Record<number, number>> = { 0: 0.5, 2: 1, 3: 1.5, 4: 2 };

/** Text in 经营范围 that does not describe the business: exclusions and the licensing boilerplate. */
const NOT_BUSINESS = /[（(](?:不含|除|依法须经批准|涉及|须经)[^（）()]*[）)]/g;

/** Places a name may start with, whole or short (福建省 / 福建, 福州市 / 福州), and the districts of Fuzhou. */
const PLACES = ['福建', '福州', '厦门', '泉州', '漳州', '莆田', '宁德', '南平', '三明', '龙岩', '北京', '上海', '天津', '重庆', '深圳', '广州', '杭州', '南京', '苏州', '武汉', '成都', '西安', '长沙', '合肥', '南昌', '济南', '青岛', '郑州', '广东', '浙江', '江苏', '中国'];
const DISTRICTS = ['仓山', '鼓楼', '台江', '晋安', '马尾', '长乐', '闽侯', '连江', '罗源', '闽清', '永泰', '福清'];
const PLACE_PREFIX = new RegExp(`^(?:(?:${PLACES.join('|')})(?:省|市)?|(?:${DISTRICTS.join('|')})(?:区|县|市)?)`);
const LEGAL_FORM = /(?:股份有限公司|有限责任公司|有限公司|集团|公司|合作社|事务所|店|厂)+$/;

/**
 * The part of a firm's name that says its trade: a name is place + 字号 + trade + legal form
 * (企业名称登记管理规定: the trade wording follows the main business, the 字号 has two or more
 * characters), so the trade is what follows the place and the first two characters. `福州海芯声学科技有限公司` → `声学科技`:
 * the 芯 of the 字号 says nothing of chips. A branch is read by its parent's name.
 */
export function tradeOfName(name: string): string {
  let n = normaliseName(name);
  n = branchOf(n)?.parentName ?? n;
  n = n.replace(/（[^）]*）/g, '').replace(LEGAL_FORM, '');
  for (let m = n.match(PLACE_PREFIX); m && m[0].length > 0 && n.length >= m[0].length + 2; m = n.match(PLACE_PREFIX)) n = n.slice(m[0].length);
  return n.slice(2);
}

interface Hit {
  rule: PlacementRule;
  score: number;
  industry: { code: string; name: string; weight: number } | null;
  scope: string[];
  nameWord: string | null;
  nameWeight: number;
}

/**
 * The rule's most specific industry that the firm's codes fall under (I6513 falls under I65).
 * A broad code does not count for a firm filed under a sibling of the rule's narrower codes: a
 * firm filed under L724 咨询与调查 is not in L725 广告业, though both are in L72.
 */
function industryHit(rule: PlacementRule, firmCodes: readonly string[]): Hit['industry'] {
  let best: (Hit['industry'] & { length: number }) | null = null;
  for (const ref of rule.industries) {
    const under = firmCodes.filter((c) => c.startsWith(ref.code));
    if (under.length === 0) continue;
    const narrower = rule.industries.filter((o) => o.code.length > ref.code.length && o.code.startsWith(ref.code));
    const sibling = (c: string): boolean => c.length > ref.code.length && narrower.length > 0 && narrower.every((o) => !c.startsWith(o.code) && !o.code.startsWith(c));
    if (under.every(sibling)) continue;
    const weight = ref.weight ?? INDUSTRY_WEIGHT[ref.code.length - 1] ?? 0;
    if (!best || ref.code.length > best.length || (ref.code.length === best.length && weight > best.weight)) best = { code: ref.code, name: ref.name, weight, length: ref.code.length };
  }
  return best && { code: best.code, name: best.name, weight: best.weight };
}

/** Words by their first character, longest first: what a forward maximum match looks up. */
type Lexicon = ReadonlyMap<string, readonly string[]>;

function lexicon(words: readonly string[]): Lexicon {
  const m = new Map<string, string[]>();
  for (const w of new Set(words)) m.set(w.charAt(0), [...(m.get(w.charAt(0)) ?? []), w]);
  for (const ws of m.values()) ws.sort((a, b) => b.length - a.length);
  return m;
}

/**
 * The words of the lexicon in `text`, read by forward maximum matching (正向最大匹配, as a
 * Chinese word segmenter reads): from the left, the longest word that starts here takes its
 * characters. So 工业软件开发 is 工业软件, not 软件开发 too; 游戏软件开发 is 游戏软件; 零售 inside
 * 计算机软硬件及辅助设备零售 (boilerplate) does not count.
 */
function wordsIn(text: string, lex: Lexicon): Set<string> {
  const out = new Set<string>();
  for (let at = 0; at < text.length; ) {
    const w = lex.get(text.charAt(at))?.find((k) => text.startsWith(k, at));
    if (w) out.add(w);
    at += w ? w.length : 1;
  }
  return out;
}

/** Every keyword of every rule and the boilerplate, upper-cased. */
const ALL_KEYWORDS: Lexicon = lexicon([...PLACEMENT_RULES.flatMap((r) => r.scope.map(([k]) => k)), ...BOILERPLATE].map((k) => halfWidth(k).toUpperCase()));

/** Every name word of every rule: the trade 工业软件 is read as one word, not as 软件 too. */
const ALL_NAME_WORDS: Lexicon = lexicon(PLACEMENT_RULES.flatMap((r) => r.name.map(([w]) => w)));

/** The rule's keywords the scope has on their own. */
function scopeHits(rule: PlacementRule, present: ReadonlySet<string>): { words: string[]; score: number } {
  const kept = rule.scope.filter(([k]) => present.has(halfWidth(k).toUpperCase()));
  const weights = kept.map(([, w]) => w).sort((a, b) => b - a);
  // Each further keyword counts half the one before: a long scope does not outweigh a precise one.
  const score = weights.reduce((s, w, i) => s + w / 2 ** i, 0);
  return { words: kept.sort((a, b) => b[1] - a[1]).map(([k]) => k), score };
}

/** The rule's heaviest word among the name's trade words. */
function nameHit(rule: PlacementRule, trade: ReadonlySet<string>): { word: string; weight: number } | null {
  let best: { word: string; weight: number } | null = null;
  for (const [word, weight] of rule.name) if (trade.has(word) && (!best || weight > best.weight)) best = { word, weight };
  return best;
}

function scoreRule(rule: PlacementRule, firmCodes: readonly string[], present: ReadonlySet<string>, trade: ReadonlySet<string>): Hit {
  const industry = industryHit(rule, firmCodes);
  const s = scopeHits(rule, present);
  const n = nameHit(rule, trade);
  const score = (industry?.weight ?? 0) + s.score + (n?.weight ?? 0);
  return { rule, score, industry, scope: s.words, nameWord: n?.word ?? null, nameWeight: n?.weight ?? 0 };
}

function because(h: Hit): string {
  const parts: string[] = [];
  if (h.industry) parts.push(`所属行业=${h.industry.name} (${h.industry.code})`);
  if (h.scope.length) parts.push(`经营范围 contains ${h.scope.join(', ')}`);
  if (h.nameWord) parts.push(`name contains ${h.nameWord} (weak)`);
  return parts.join('; ');
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Places a registered firm on a chain segment by the rules of placementRules.ts: every rule is
 * scored on the firm's industry (the most specific code that matches, or the weight the rule
 * gives it), its 经营范围 (keywords, each further one counting half the one before; exclusions in
 * brackets such as `（不含诊疗服务）` ignored) and the trade words of its name (after the place and
 * the 字号: `语音科技` of 福州星辰语音科技有限公司). The best segment is placed when it scores at least
 * `minScore` and beats the rule for "on no chain". Confidence grows with the score and with the
 * margin over the runner-up; below `reviewBelow`, or when nothing in the 经营范围 backs the segment
 * (industry or name alone), the placement needs review and is only a suggestion. An unplaced firm
 * needs review when some segment had a signal (≥ `weakSignal`) that the no-chain rule does not
 * outweigh.
 */
export function placeFirm(firm: PlacementInput, tuning: PlacementTuning = DEFAULT_TUNING): Placement {
  const codes = firm.industry ? industryCodes(parseIndustry(firm.industry)).map(withSection) : [];
  const present = wordsIn(halfWidth(firm.businessScope ?? '').replace(NOT_BUSINESS, '').toUpperCase(), ALL_KEYWORDS);
  const trade = wordsIn(tradeOfName(firm.name), ALL_NAME_WORDS);
  const hits = PLACEMENT_RULES.map((r) => scoreRule(r, codes, present, trade)).sort((a, b) => b.score - a.score);
  const best = hits[0];
  const offChain = hits.find((h) => h.rule.segmentId === null);
  const bestChain = hits.find((h) => h.rule.segmentId !== null);
  if (!best || !bestChain) throw new Error('placement rules are empty');
  const offScore = offChain?.score ?? 0;
  const runnerUpOf = (h: Hit): Hit | undefined => hits.find((o) => o !== h && o.rule.segmentId !== h.rule.segmentId && o.score > 0);

  if (best.rule.segmentId === null || bestChain.score < tuning.minScore) {
    // The no-chain rule's name words alone (餐饮 of a branch's parent) do not silence a chain's signal.
    const offWithoutName = offScore - (offChain?.nameWeight ?? 0);
    const weak = bestChain.score >= tuning.weakSignal && bestChain.score > offWithoutName;
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
  const shared = second?.industry && best.industry && second.industry.code === best.industry.code ? Math.min(best.industry.weight, second.industry.weight) : 0;
  const margin = s1 > shared ? Math.min(1, (s1 - s2) / (s1 - shared)) : 0;
  let confidence = strength * (0.3 + 0.7 * margin);
  // What the firm registered to do is in its 经营范围: an industry code or a name alone is a lead, not a placement.
  if (best.scope.length === 0) confidence = Math.min(confidence, tuning.reviewBelow - 0.05);
  return {
    segmentId: best.rule.segmentId,
    confidence: round2(confidence),
    reason: `CURATED: ${because(best)}`,
    needsReview: confidence < tuning.reviewBelow,
    score: round2(s1),
    runnerUp: second ? { segmentId: second.rule.segmentId, score: round2(s2) } : null,
  };
}
