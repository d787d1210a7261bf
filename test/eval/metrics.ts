/**
 * Ranking metrics of the backtest (docs/RECRUITMENT.md, "Backtest"). `ranked` is a method's list,
 * best first; `positives` the candidates that actually landed in the window after the cut.
 */
export function precisionAt(ranked: readonly string[], positives: ReadonlySet<string>, k: number): number {
  if (k <= 0) throw new RangeError('k must be positive');
  return ranked.slice(0, k).filter((id) => positives.has(id)).length / k;
}

export function recallAt(ranked: readonly string[], positives: ReadonlySet<string>, k: number): number {
  if (positives.size === 0) return 0;
  return ranked.slice(0, k).filter((id) => positives.has(id)).length / positives.size;
}

/**
 * Average precision over the top `k` of the list (AP@k): the mean of precision at each hit,
 * divided by min(|positives|, k) so that a list that finds every positive it could scores 1.
 */
export function averagePrecisionAt(ranked: readonly string[], positives: ReadonlySet<string>, k: number): number {
  if (positives.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (positives.has(id)) {
      hits += 1;
      sum += hits / (i + 1);
    }
  });
  return sum / Math.min(positives.size, k);
}

/** A small deterministic PRNG (mulberry32) for the random baseline and tie-breaks. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded PRNG: the same seed gives the same order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
