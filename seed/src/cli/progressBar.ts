/**
 * A progress bar on stderr that appears only once the work has run for more than `delayMs`
 * (short imports stay quiet). On a terminal it redraws one line; otherwise it prints a line every 10 %.
 */
export function progressBar(label: string, delayMs = 1000): { update(done: number, total: number): void; finish(): void } {
  const t0 = performance.now();
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  let shown = false;
  return {
    update(done, total) {
      const elapsed = performance.now() - t0;
      if (elapsed < delayMs || total === 0) return;
      const frac = Math.min(1, done / total);
      const rate = done / (elapsed / 1000);
      const eta = rate > 0 ? (total - done) / rate : 0;
      const text = `${label} ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${total} rows, ${rate.toFixed(0)} rows/s, ${(elapsed / 1000).toFixed(1)} s, ETA ${eta.toFixed(0)} s`;
      if (tty) {
        const width = 30;
        const fill = Math.round(frac * width);
        process.stderr.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${text}\x1b[K`);
        shown = true;
      } else {
        const decile = Math.floor(frac * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          process.stderr.write(`${text}\n`);
        }
      }
    },
    finish() {
      if (shown) process.stderr.write('\n');
    },
  };
}
