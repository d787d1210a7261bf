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
    performance.clearMeasures(`cangshan:${name}`);
    performance.measure(`cangshan:${name}`, { start, end: performance.now() });
  }
}
