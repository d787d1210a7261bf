/**
 * Fits the recruitment model (docs/RECRUITMENT.md, "How the weights were fitted"): a coordinate
 * search over the weights — move a step of weight from one factor to another, never below
 * WEIGHT_FLOOR (FLOOR_EXEMPT factors: below 0) — and over the half-saturation constants of the four counting factors — double or
 * halve one — keeping a move while the mean average precision on the training cuts improves, then
 * halving the step. Explainable by construction: eight weights summing to 1 and four constants.
 * Pure: the cuts' factor values and raw amounts come from recruitmentTargets (factorTable.ts).
 */
import { FACTOR_NAMES, HALF_SATURATION, SATURATED_FACTORS, WEIGHT_FLOOR, weightFloorOf, type FactorName, type FactorWeights, type Saturation } from '@cangshan/api/recruitment';
import { averagePrecisionAt } from './metrics.ts';

type SaturatedFactor = (typeof SATURATED_FACTORS)[number];

/** One candidate at a cut: its factor values in [0, 1], and the raw amounts of the saturating factors. */
export interface FactorRow {
  id: string;
  values: Record<FactorName, number>;
  /** Raw amounts before saturation; absent: the values are used as they are. */
  raw?: Record<SaturatedFactor, number>;
}

/** A cut to learn from: every candidate the ranking considers, and who landed in the window after it. */
export interface TrainingCut {
  rows: readonly FactorRow[];
  positives: ReadonlySet<string>;
}

/** The ranking's free constants: the weights (sum 1) and the half-saturation constants. */
export interface Model {
  weights: FactorWeights;
  saturation: Saturation;
}

/**
 * The weights the ranking had before any fitting (set by hand; focus, added later, at the floor;
 * customer ties, added later still, at 0 — exempt from the floor): the start of every fit.
 */
export const HAND_SET_WEIGHTS: FactorWeights = { anchorTies: 0.3, localTies: 0.2, adamicAdar: 0.15, gapFill: 0.1, similarity: 0.1, recency: 0.1, focus: 0.05, customerTies: 0 };
export const HAND_SET_MODEL: Model = { weights: HAND_SET_WEIGHTS, saturation: { anchorTies: 1, localTies: 2, adamicAdar: 1, customerTies: 1 } };

/** Steps of weight moved between two factors, largest first. */
export const FIT_STEPS = [0.2, 0.1, 0.05, 0.02, 0.01] as const;
/** Half-saturation constants stay within these bounds (raw amounts are weighted tie counts and sums). */
export const SATURATION_RANGE = { min: 0.125, max: 32 } as const;

/** A row's value of factor f under the saturation constants k. */
function valueOf(r: FactorRow, f: FactorName, k: Saturation): number {
  if (r.raw && (SATURATED_FACTORS as readonly string[]).includes(f)) {
    const x = r.raw[f as SaturatedFactor];
    return x > 0 ? x / (x + k[f as SaturatedFactor]) : 0;
  }
  return r.values[f];
}

/** The rows ranked as the Cypher ranks them: score descending, then id ascending. */
export function rankByWeights(rows: readonly FactorRow[], w: FactorWeights, k: Saturation = HALF_SATURATION): string[] {
  const scored = rows.map((r) => ({ id: r.id, s: FACTOR_NAMES.reduce((a, f) => a + w[f] * valueOf(r, f, k), 0) }));
  scored.sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.map((x) => x.id);
}

/** Mean AP@k over the cuts. */
export function meanAveragePrecision(cuts: readonly TrainingCut[], w: FactorWeights, k: number, sat: Saturation = HALF_SATURATION): number {
  if (cuts.length === 0) return 0;
  return cuts.reduce((a, c) => a + averagePrecisionAt(rankByWeights(c.rows, w, sat), c.positives, k), 0) / cuts.length;
}

export interface FitResult extends Model {
  /** Mean AP@k on the training cuts with the fitted model, and with the start. */
  objective: number;
  startObjective: number;
  evaluations: number;
}

export interface FitOptions {
  start?: Model;
  /** Every weight stays at or above this (default WEIGHT_FLOOR; FLOOR_EXEMPT factors at 0); the start is lifted to it first. */
  floor?: number;
  /** false: the saturation constants stay as in the start. */
  fitSaturation?: boolean;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Lifts every weight to the floor, taking the difference from the largest weights. */
export function withFloor(w: FactorWeights, floor: number): FactorWeights {
  const floors = FACTOR_NAMES.reduce((a, f) => a + weightFloorOf(f, floor), 0);
  if (floors > 1 + 1e-9) throw new RangeError(`floor ${floor} is too high for ${FACTOR_NAMES.length} factors`);
  const out = { ...w };
  for (const f of FACTOR_NAMES) {
    let need = weightFloorOf(f, floor) - out[f];
    while (need > 1e-9) {
      const donor = [...FACTOR_NAMES].sort((a, b) => out[b] - out[a])[0] as FactorName;
      const d = Math.min(need, out[donor] - weightFloorOf(donor, floor));
      if (d <= 1e-9) break;
      out[donor] = round(out[donor] - d);
      out[f] = round(out[f] + d);
      need -= d;
    }
  }
  return out;
}

/**
 * Coordinate search from the start: for each step size, try moving that much weight from every
 * factor j to every other factor i (in FACTOR_NAMES order) without taking j below the floor, then
 * doubling or halving each half-saturation constant; keep a move when it raises the mean AP@k, and
 * sweep until no move helps. Deterministic; the weights stay ≥ their floor and sum to 1.
 */
export function fitWeights(cuts: readonly TrainingCut[], k: number, opts: FitOptions = {}): FitResult {
  if (cuts.length === 0) throw new RangeError('fitWeights needs at least one training cut');
  const floor = opts.floor ?? WEIGHT_FLOOR;
  const start = opts.start ?? HAND_SET_MODEL;
  let w: FactorWeights = withFloor(start.weights, floor);
  let sat: Saturation = { ...start.saturation };
  const startObjective = meanAveragePrecision(cuts, w, k, sat);
  let best = startObjective;
  let evaluations = 1;
  const tryModel = (nw: FactorWeights, ns: Saturation): boolean => {
    const o = meanAveragePrecision(cuts, nw, k, ns);
    evaluations++;
    if (o > best + 1e-9) {
      w = nw;
      sat = ns;
      best = o;
      return true;
    }
    return false;
  };
  for (const step of FIT_STEPS) {
    for (let improved = true; improved; ) {
      improved = false;
      for (const i of FACTOR_NAMES) {
        for (const j of FACTOR_NAMES) {
          const d = Math.min(step, w[j] - weightFloorOf(j, floor));
          if (i === j || d <= 1e-9) continue;
          if (tryModel({ ...w, [i]: round(w[i] + d), [j]: round(w[j] - d) }, sat)) improved = true;
        }
      }
      if (opts.fitSaturation === false) continue;
      for (const f of SATURATED_FACTORS) {
        for (const factor of [2, 0.5]) {
          const v = sat[f] * factor;
          if (v < SATURATION_RANGE.min || v > SATURATION_RANGE.max) continue;
          if (tryModel(w, { ...sat, [f]: v })) improved = true;
        }
      }
    }
  }
  return { weights: w, saturation: sat, objective: best, startObjective, evaluations };
}
