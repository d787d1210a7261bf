/**
 * How well the scope covers a chain segment: the one definition of GAP / WEAK / STRONG, in
 * JavaScript (`classifyGap`) and in Cypher (`gapStatusCypher`), both from `GAP_RULE`
 * (docs/RECRUITMENT.md, "Gap status"). A test runs both over one table of cases in real Neo4j.
 *
 * Two yardsticks, and a segment gets the worse of the two:
 * - **Count** — how many of the scope's firms are in it: none is a GAP (补链: the link is missing),
 *   one or two is WEAK (one departure reopens the gap). This alone is what a small district can say.
 * - **Demand** — the supply ties (SUPPLIES) between the scope's firms and the segment's firms. Those
 *   whose other end is outside the district are demand that leaks out (or sales that go out). A
 *   fixed count cannot judge a district of thousands (every segment has three firms), but the share
 *   that leaks out can: it is compared with the same share over every segment of the scope (the
 *   `reference`), so a segment is WEAK when it leaks clearly more than the scope as a whole, and a
 *   GAP when it leaks most of its demand. Judged only on `minTies` ties or more: on fewer, the
 *   share is noise.
 */
export const GAP_RULE = {
  /** Fewer local firms than this: GAP. */
  weakMin: 1,
  /** Fewer than this (and at least weakMin): WEAK. */
  strongMin: 3,
  /** Fewest supply ties with the segment for its leak share to count. */
  minTies: 5,
  /** WEAK when leakShare ≥ max(weakFloor, weakFactor × reference). */
  weakFactor: 1.5,
  weakFloor: 0.2,
  /** GAP when leakShare ≥ max(gapFloor, gapFactor × reference). */
  gapFactor: 2,
  gapFloor: 0.5,
} as const;

/** The count thresholds alone (kept for callers that only count). */
export const GAP_THRESHOLDS = { weakMin: GAP_RULE.weakMin, strongMin: GAP_RULE.strongMin } as const;

export type GapStatus = 'GAP' | 'WEAK' | 'STRONG';

/** Which yardstick set the status (the GraphQL enum GapBasis). */
export type GapBasis = 'NO_LOCAL_FIRM' | 'FEW_LOCAL_FIRMS' | 'LEAKAGE' | 'DEMAND_MET' | 'COUNT_ONLY';

/** What a status is read from: one segment's figures and the scope's totals, all as of the cursor. */
export interface GapFigures {
  /** The scope's firms in the segment. */
  localCount: number;
  /** Supply ties between the scope's firms and the segment's firms, local or outside the district. */
  supplyTies: number;
  /** Of those, the ones whose segment end is outside the district. */
  outsideTies: number;
  /** supplyTies summed over every segment (the reference). */
  allSupplyTies: number;
  /** outsideTies summed over every segment. */
  allOutsideTies: number;
}

const FIGURE_KEYS = ['localCount', 'supplyTies', 'outsideTies', 'allSupplyTies', 'allOutsideTies'] as const satisfies ReadonlyArray<keyof GapFigures>;

const SEVERITY: Record<GapStatus, number> = { GAP: 0, WEAK: 1, STRONG: 2 };

const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;

/** The count yardstick alone: GAP at 0 firms, WEAK at 1–2, STRONG from 3. */
export function classifySegment(localCount: number, t: { weakMin: number; strongMin: number } = GAP_THRESHOLDS): GapStatus {
  if (!isCount(localCount)) throw new RangeError(`localCount must be a non-negative integer, got ${localCount}`);
  if (localCount >= t.strongMin) return 'STRONG';
  if (localCount >= t.weakMin) return 'WEAK';
  return 'GAP';
}

/** outside ÷ ties, or null without ties. */
export function shareOf(outside: number, ties: number): number | null {
  return ties > 0 ? outside / ties : null;
}

/** The leak shares from which a segment is WEAK and a GAP, given the scope's reference share. */
export function leakThresholds(reference: number | null): { weak: number; gap: number } {
  const r = reference ?? 0;
  return { weak: Math.max(GAP_RULE.weakFloor, GAP_RULE.weakFactor * r), gap: Math.max(GAP_RULE.gapFloor, GAP_RULE.gapFactor * r) };
}

/** The status of a segment and the yardstick that set it. */
export function classifyGap(f: GapFigures): { status: GapStatus; basis: GapBasis; leakShare: number | null; referenceShare: number | null } {
  for (const k of FIGURE_KEYS) if (!isCount(f[k])) throw new RangeError(`${k} must be a non-negative integer, got ${f[k]}`);
  if (f.outsideTies > f.supplyTies || f.allOutsideTies > f.allSupplyTies) throw new RangeError('outside ties cannot exceed supply ties');
  const leakShare = shareOf(f.outsideTies, f.supplyTies);
  const referenceShare = shareOf(f.allOutsideTies, f.allSupplyTies);
  const byCount = classifySegment(f.localCount);
  const judged = f.supplyTies >= GAP_RULE.minTies && leakShare !== null;
  let byDemand: GapStatus = 'STRONG';
  if (judged) {
    const t = leakThresholds(referenceShare);
    byDemand = leakShare >= t.gap ? 'GAP' : leakShare >= t.weak ? 'WEAK' : 'STRONG';
  }
  const status = SEVERITY[byDemand] < SEVERITY[byCount] ? byDemand : byCount;
  let basis: GapBasis;
  if (f.localCount < GAP_RULE.weakMin) basis = 'NO_LOCAL_FIRM';
  else if (judged && byDemand !== 'STRONG' && SEVERITY[byDemand] <= SEVERITY[byCount]) basis = 'LEAKAGE';
  else if (byCount === 'WEAK') basis = 'FEW_LOCAL_FIRMS';
  else basis = judged ? 'DEMAND_MET' : 'COUNT_ONLY';
  return { status, basis, leakShare, referenceShare };
}

/** Cypher expression: the scope's reference leak share from its totals (0.0 without ties, as `leakThresholds`). */
export const referenceShareCypher = (allTies: string, allOutside: string): string =>
  `CASE WHEN ${allTies} > 0 THEN toFloat(${allOutside}) / ${allTies} ELSE 0.0 END`;

/**
 * The same rule as `classifyGap(...).status`, as a Cypher expression over the given expressions
 * (integers `n`, `ties`, `outside`; `ref` the float of `referenceShareCypher`) and the parameter
 * `$gapRule` (GAP_RULE). The arithmetic is the same IEEE doubles, so both sides agree on every
 * boundary.
 */
export function gapStatusCypher(x: { n: string; ties: string; outside: string; ref: string }): string {
  const share = `toFloat(${x.outside}) / ${x.ties}`;
  const judged = `${x.ties} >= $gapRule.minTies`;
  const over = (factor: string, floor: string) =>
    `${share} >= CASE WHEN $gapRule.${factor} * ${x.ref} > $gapRule.${floor} THEN $gapRule.${factor} * ${x.ref} ELSE toFloat($gapRule.${floor}) END`;
  return `CASE WHEN ${x.n} < $gapRule.weakMin OR (${judged} AND ${over('gapFactor', 'gapFloor')}) THEN 'GAP'
            WHEN ${x.n} < $gapRule.strongMin OR (${judged} AND ${over('weakFactor', 'weakFloor')}) THEN 'WEAK'
            ELSE 'STRONG' END`;
}

/** GAP_RULE as the `$gapRule` parameter. */
export const gapRuleParam = (): Record<string, number> => ({ ...GAP_RULE });

/** How much landing one more firm in a segment of this status is worth to the gap-fill factor. */
export function gapFillValue(status: GapStatus): number {
  switch (status) {
    case 'GAP':
      return 1;
    case 'WEAK':
      return 0.5;
    case 'STRONG':
      return 0;
    default: {
      const never: never = status;
      throw new Error(`unknown gap status ${String(never)}`);
    }
  }
}
