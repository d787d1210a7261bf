import { median } from './stats.ts';

/** One side of a comparison: `run` does the measured work once and returns its own figure. */
export interface Contender<T> {
  name: string;
  run: () => Promise<T>;
}

export interface CompareOptions {
  /** Untimed rounds first (JIT, Neo4j plan cache, page cache). */
  warmup: number;
  /** Measured rounds; the median over them is reported (≥ 5, docs/BENCH.md). */
  rounds: number;
}

/**
 * Runs contenders interleaved — A B A B … rather than A A A B B B — so that drift on a shared
 * 2-core machine (GC, other processes, Neo4j checkpoints) hits both sides alike. The order within
 * a round alternates too, so neither side always runs on a cache the other one warmed.
 */
export async function interleave<T>(contenders: readonly Contender<T>[], opts: CompareOptions): Promise<Map<string, T[]>> {
  const out = new Map<string, T[]>(contenders.map((c) => [c.name, []]));
  for (let r = 0; r < opts.warmup; r++) for (const c of contenders) await c.run();
  for (let r = 0; r < opts.rounds; r++) {
    const order = r % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) out.get(c.name)?.push(await c.run());
  }
  return out;
}

/** Median of one numeric field over the rounds of one contender. */
export function medianOf<T>(rounds: readonly T[] | undefined, pick: (t: T) => number): number {
  return median((rounds ?? []).map(pick));
}
