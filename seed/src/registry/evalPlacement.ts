import type { UnderstoodExport } from './understandRegistryExport.ts';
import type { NoiseKind } from './generator/generateRegistryExport.ts';

/** How placement did against a generated export's truth (read only here, never by the placer). */
export interface PlacementScore {
  firms: number;
  onChain: number;
  noChain: number;
  /** Segment (or no chain) right, flagged or not. */
  correct: number;
  /** Placed on a segment, not flagged for review. */
  confident: number;
  confidentCorrect: number;
  /** needsReview. */
  review: number;
  /** Placed on a segment, not flagged, and wrong (the true one is another segment, or none). */
  silentlyWrong: number;
  /** On a chain in truth, left unplaced and not flagged. */
  silentlyMissed: number;
  /** On no chain in truth and left unplaced. */
  noChainUnplaced: number;
  /** Of all wrong answers, how many are in the review queue. */
  wrong: number;
  wrongInReview: number;
  byNoise: Map<NoiseKind, { firms: number; correct: number; review: number; silentlyWrong: number }>;
}

/** Scores every firm and held row of an understood export against the truth kept by the generator. */
export function scorePlacement(u: UnderstoodExport, truth: ReadonlyMap<string, string | null>, noise?: ReadonlyMap<string, NoiseKind>): PlacementScore {
  const s: PlacementScore = {
    firms: 0, onChain: 0, noChain: 0, correct: 0, confident: 0, confidentCorrect: 0, review: 0, silentlyWrong: 0, silentlyMissed: 0, noChainUnplaced: 0, wrong: 0, wrongInReview: 0, byNoise: new Map(),
  };
  for (const f of [...u.firms, ...u.held]) {
    if (!truth.has(f.key)) throw new Error(`no truth for ${f.key} (row ${f.rowNumbers.join(', ')})`);
    const t = truth.get(f.key) ?? null;
    const p = f.placement;
    const right = p.segmentId === t;
    s.firms++;
    if (t === null) s.noChain++;
    else s.onChain++;
    if (right) s.correct++;
    else {
      s.wrong++;
      if (p.needsReview) s.wrongInReview++;
    }
    if (p.needsReview) s.review++;
    if (p.segmentId !== null && !p.needsReview) {
      s.confident++;
      if (right) s.confidentCorrect++;
      else s.silentlyWrong++;
    }
    if (t !== null && p.segmentId === null && !p.needsReview) s.silentlyMissed++;
    if (t === null && p.segmentId === null) s.noChainUnplaced++;
    const k = noise?.get(f.key);
    if (k) {
      const b = s.byNoise.get(k) ?? { firms: 0, correct: 0, review: 0, silentlyWrong: 0 };
      b.firms++;
      if (right) b.correct++;
      if (p.needsReview) b.review++;
      if (!right && !p.needsReview) b.silentlyWrong++;
      s.byNoise.set(k, b);
    }
  }
  return s;
}

export const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
