/** User Timing measures of the app are named `cangshan:<phase>`. */
export const MEASURE_PREFIX = 'cangshan:';

/** The first paint's phases GraphView measures, in their order (the browser benchmark reports them). */
export const FIRST_PAINT_PHASES = ['elements', 'visibility', 'layout', 'place', 'fit', 'boxes', 'first-draw'] as const;
export type FirstPaintPhase = (typeof FIRST_PAINT_PHASES)[number];

/**
 * Runs `work` and records its duration as a User Timing measure (`cangshan:<name>`), so that the
 * benchmark and DevTools' Performance panel can see where the first paint goes inside the page.
 * Only the latest measure of each name is kept (the visibility effect runs at every timeline tick).
 */
export function timed<T>(name: FirstPaintPhase, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measureSince(name, start);
  }
}

/** Records `cangshan:<name>` from `start` to now, replacing the previous measure of that name. */
export function measureSince(name: FirstPaintPhase, start: number): void {
  performance.clearMeasures(MEASURE_PREFIX + name);
  performance.measure(MEASURE_PREFIX + name, { start, end: performance.now() });
}
