import v8 from 'node:v8';

/** Share of V8's heap limit above which new expensive requests are refused, unless MEMORY_GUARD_MB says otherwise. */
const DEFAULT_SHARE = 0.8;

/** How long a refused client is asked to wait: long enough for the answers in progress to be sent and collected. */
export const BUSY_RETRY_AFTER_S = 2;

/** The JS heap in use, in MB (what the heap limit, V8's out-of-memory line, counts). */
export const heapUsedMb = (): number => v8.getHeapStatistics().used_heap_size / 2 ** 20;

/**
 * MEMORY_GUARD_MB unset: 80 % of V8's heap limit (`--max-old-space-size`, or Node's default for the
 * machine). The guard refuses new expensive requests with 503 SERVER_BUSY above the threshold —
 * a burst of large answers must cost some clients a retry, not the process its life (past V8's
 * heap limit Node aborts, dropping every request in flight).
 */
export function defaultMemoryGuardMb(): number {
  return Math.floor((v8.getHeapStatistics().heap_size_limit / 2 ** 20) * DEFAULT_SHARE);
}

/**
 * Whether the heap is too full to start expensive work: `thresholdMb` 0 never is. The heap in
 * use includes garbage not yet collected, so this errs on the side of refusing; V8 collects long
 * before its limit, so at the default threshold that garbage is mostly gone already.
 */
export function memoryGuard(thresholdMb: number, usedMb: () => number = heapUsedMb): { full(): boolean; thresholdMb: number } {
  return { thresholdMb, full: () => thresholdMb > 0 && usedMb() > thresholdMb };
}
