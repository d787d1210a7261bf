// Which months the briefing's growth chart covers: the four years up to the as-of month, starting
// at the scope's first arrival when that is later (an anchor's circle of a year and a half is not
// drawn as three empty years). The totals stay absolute: `cumulativeNet` counts every firm there at
// each month's end, including those that landed before the window.
export const GROWTH_MONTHS = 48;

/** `YYYY-MM` minus `n` months. */
export function monthsBefore(month: string, n: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

interface Point {
  period: string;
  landed: number;
  departures: number;
  cumulativeNet: number;
}

/** The points from the first month with a firm there or moving, at most GROWTH_MONTHS of them. */
export function growthWindow<P extends Point>(points: P[]): P[] {
  const first = points.findIndex((p) => p.cumulativeNet > 0 || p.landed > 0 || p.departures > 0);
  return first < 0 ? [] : points.slice(Math.max(first, points.length - GROWTH_MONTHS));
}
