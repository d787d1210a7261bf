/**
 * Runs `work` and records its duration as a User Timing measure (`cangshan:<name>`), so that the
 * benchmark and DevTools' Performance panel can see where the first paint goes inside the page.
 * Only the latest measure of each name is kept (the visibility effect runs at every timeline tick).
 */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measureSince(name, start);
  }
}

/** Records `cangshan:<name>` from `start` to now, replacing the previous measure of that name. */
export function measureSince(name: string, start: number): void {
  performance.clearMeasures(`cangshan:${name}`);
  performance.measure(`cangshan:${name}`, { start, end: performance.now() });
}
