/** Latencies of one request sent again and again, one at a time, until `stop()` says so. */
export interface Probe {
  ms: number[];
  /** Requests that failed (a network error, or a status other than 200), described. */
  failures: string[];
}

/**
 * Sends `send()` one after another with `pauseMs` between them until `stop()` (checked before
 * each send) or `count` samples, and records how long each took to be answered in full.
 */
export async function probe(send: () => Promise<Response>, opts: { stop?: () => boolean; count?: number; pauseMs?: number }): Promise<Probe> {
  const out: Probe = { ms: [], failures: [] };
  while (!(opts.stop?.() ?? false) && out.ms.length + out.failures.length < (opts.count ?? Infinity)) {
    const t0 = performance.now();
    try {
      const res = await send();
      const text = await res.text();
      if (res.status === 200 && !text.includes('"errors"')) out.ms.push(performance.now() - t0);
      else out.failures.push(`${res.status} ${text.slice(0, 200)}`);
    } catch (err) {
      out.failures.push(String(err));
    }
    await new Promise((r) => setTimeout(r, opts.pauseMs ?? 20));
  }
  return out;
}

/** The `p`-th percentile (0–100) of `xs`, nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
