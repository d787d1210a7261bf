/**
 * The recruitment score: a weighted sum of factor values, each in [0, 1], so the score lies in
 * [0, 1] and each factor's contribution (weight × value) and share (contribution ÷ score) can be
 * shown to a leader as it is. The Cypher in buildTargetsQuery.ts computes the same sum from the
 * same constants (passed as parameters), so that ranking and LIMIT happen in Neo4j; `explainScore`
 * rebuilds the parts for display, and a test checks the two agree. Rationale per factor:
 * docs/RECRUITMENT.md.
 */
export const FACTOR_NAMES = ['anchorTies', 'localTies', 'adamicAdar', 'gapFill', 'similarity', 'recency', 'focus', 'customerTies'] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];

export type FactorWeights = Record<FactorName, number>;

/** No factor's weight goes below this in the fit, so none is switched off (gap fill, 补链, above all). */
export const WEIGHT_FLOOR = 0.05;

/**
 * Factors exempt from the floor: refinements of the tie sums (they split what anchorTies and
 * localTies already count), which the fit may leave at 0 where the data show no use for them — a
 * floor forced on them reorders a district where the direction of a tie says nothing (the hazard
 * generator: its cross-validated p@10 fell from 0.767 to 0.722 with customer ties held at 0.05).
 */
export const FLOOR_EXEMPT: readonly FactorName[] = ['customerTies'];

/** The floor of one factor's weight in the fit: WEIGHT_FLOOR, or 0 for the exempt. */
export const weightFloorOf = (f: FactorName, floor: number = WEIGHT_FLOOR): number => (FLOOR_EXEMPT.includes(f) ? 0 : floor);

/**
 * Default weights (sum 1), fitted — not set by hand: `npm run eval:targets` (docs/RECRUITMENT.md,
 * "Backtest"), coordinate search maximising mean AP@100 on every cut of the synthetic districts
 * (hazard and supply processes, 5k firms), with every weight ≥ WEIGHT_FLOOR (but FLOOR_EXEMPT's), fitted together with
 * HALF_SATURATION below. Data and date of the fit: docs/RECRUITMENT.md, "How the weights were fitted".
 */
export const DEFAULT_WEIGHTS: FactorWeights = {
  anchorTies: 0.6,
  localTies: 0.05,
  adamicAdar: 0.05,
  gapFill: 0.05,
  similarity: 0.05,
  recency: 0.05,
  focus: 0.05,
  customerTies: 0.1,
};

/** The factors that saturate a raw amount, and their half-saturation constants. */
export const SATURATED_FACTORS = ['anchorTies', 'localTies', 'adamicAdar', 'customerTies'] as const;
export type SaturatedFactor = (typeof SATURATED_FACTORS)[number];
export type Saturation = Record<SaturatedFactor, number>;

/**
 * Saturation constants: a raw count x becomes x / (x + k), so the first tie matters most and a
 * firm with fifty ties does not drown every other factor. k is the raw amount worth half the factor;
 * a larger k keeps 2, 3 and 5 ties apart. Fitted with DEFAULT_WEIGHTS (same run, same method).
 */
export const HALF_SATURATION: Saturation = { anchorTies: 2, localTies: 0.25, adamicAdar: 0.5, customerTies: 1 };

/**
 * Focus: the share of the candidate's ties (as of the cursor) that go to the scope's firms, with one
 * tie outside assumed (ties to the scope ÷ (all ties + 1)), so a single tie does not read as full
 * commitment. It tells a supplier committed to the district from a hub with ties everywhere.
 */
export const FOCUS_PRIOR_TIES = 1;

/*
 * Customer ties (`customerTies`): the candidate's SUPPLIES ties *to* the scope's firms (it sells to
 * them), anchors included, type weight × the tie's weight, saturated like the other counts. The
 * tie sums above count a tie the same in either direction; this one tells a supplier whose
 * customers are already here (its market is local: the pull to move closer) from a firm that only
 * buys from local suppliers.
 */

export function validateSaturation(k: Saturation): void {
  for (const n of SATURATED_FACTORS) {
    const v = k[n];
    if (!Number.isFinite(v) || v <= 0) throw new RangeError(`half-saturation ${n} must be a finite positive number, got ${v}`);
  }
}

/** How much each kind of tie counts (a same-group tie and a supply tie are the strongest pulls). */
export const RELATION_WEIGHTS = { SUPPLIES: 1, PART_OF: 1, ATTRACTED: 1, PARTNER_OF: 0.7 } as const;
export type TieType = keyof typeof RELATION_WEIGHTS;
export const TIE_TYPES = Object.keys(RELATION_WEIGHTS) as TieType[];

/** Recency: a tie dated `age` months before the cursor is worth exp(−age / RECENCY_MONTHS). */
export const RECENCY_MONTHS = 12;
/** Similarity compares with the scope's firms that landed in this many months before the cursor. */
export const SIMILARITY_WINDOW_MONTHS = 24;

export interface ScoreFactor {
  name: FactorName;
  weight: number;
  /** The factor's value in [0, 1] after saturation. */
  value: number;
  /** weight × value: this factor's part of the score. */
  contribution: number;
  /** contribution ÷ score (0 when the score is 0). */
  share: number;
}

/** Saturating transform of a non-negative raw amount. */
export function saturate(raw: number, half: number): number {
  if (!(raw > 0)) return 0;
  return raw / (raw + half);
}

export function validateWeights(w: FactorWeights): void {
  for (const n of FACTOR_NAMES) {
    const v = w[n];
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`weight ${n} must be a finite non-negative number, got ${v}`);
  }
  const sum = FACTOR_NAMES.reduce((a, n) => a + w[n], 0);
  if (sum <= 0) throw new RangeError('at least one factor weight must be positive');
}

/** Splits a score into its factors, in FACTOR_NAMES order. */
export function explainScore(values: Record<FactorName, number>, weights: FactorWeights = DEFAULT_WEIGHTS): { score: number; factors: ScoreFactor[] } {
  const parts = FACTOR_NAMES.map((name) => {
    const value = Math.min(1, Math.max(0, values[name]));
    return { name, weight: weights[name], value, contribution: weights[name] * value };
  });
  const score = parts.reduce((a, p) => a + p.contribution, 0);
  return { score, factors: parts.map((p) => ({ ...p, share: score > 0 ? p.contribution / score : 0 })) };
}

/** Months since year 0 of an ISO date prefix; a missing month counts as mid-year (June). */
export function isoMonths(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = iso.length >= 7 ? Number(iso.slice(5, 7)) : 6;
  if (!Number.isInteger(y) || !Number.isInteger(m)) throw new RangeError(`not an ISO date: ${iso}`);
  return y * 12 + m;
}

/** The ISO month `months` before an ISO date (for the similarity window). */
export function monthsBefore(iso: string, months: number): string {
  const total = isoMonths(iso) - months;
  const y = Math.floor((total - 1) / 12);
  const m = total - y * 12;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}
