import { percentile, since } from './stats.ts';

export interface LoadResult {
  requests: number;
  errors: number;
  firstError: unknown;
  p50: number;
  p99: number;
  /** Completed requests per second over the wall time of the run. */
  throughput: number;
  wallMs: number;
}

/**
 * Fires `total` calls of `call` with at most `concurrency` in flight (a closed loop, like a pool of
 * clients) and records each call's latency. A call that throws counts as an error and its latency
 * is kept, so a failing side cannot look fast.
 */
export async function closedLoop(
  call: () => Promise<unknown>,
  total: number,
  concurrency: number,
  /** Stop starting new calls after this long (once `minCalls` have started): slow shapes get fewer. */
  budget: { maxMs: number; minCalls: number } = { maxMs: Infinity, minCalls: 0 },
): Promise<LoadResult> {
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: unknown = undefined;
  const start = performance.now();
  const more = (): boolean => next < total && (next < budget.minCalls || performance.now() - start < budget.maxMs);
  const worker = async (): Promise<void> => {
    while (more()) {
      next++;
      const t = performance.now();
      try {
        await call();
      } catch (err) {
        errors++;
        firstError ??= err;
      }
      lat.push(since(t));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const wallMs = since(start);
  return { requests: lat.length, errors, firstError, p50: percentile(lat, 50), p99: percentile(lat, 99), throughput: (lat.length / wallMs) * 1000, wallMs };
}
