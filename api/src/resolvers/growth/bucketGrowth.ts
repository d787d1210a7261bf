import { limitExceeded } from '../../errors/index.ts';

export type Interval = 'MONTH' | 'QUARTER' | 'YEAR';

export interface GrowthPointOut {
  period: string;
  landed: number;
  cumulative: number;
  investmentYuan: number | null;
  landedIds: string[];
}

export const MAX_PERIODS = 1200;

/**
 * The period an ISO date (any precision) falls in. A coarser date counts in the first period it
 * covers ("2019" → 2019-01 / 2019-Q1), which is how `asOf` counts it too ("2019" ≤ "2019-01-31").
 */
export function periodOf(date: string, interval: Interval): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  const year = m[1]!;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (interval === 'YEAR') return year;
  if (interval === 'QUARTER') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The period after `period`. */
function nextPeriod(period: string, interval: Interval): string {
  const year = Number(period.slice(0, 4));
  if (interval === 'YEAR') return String(year + 1);
  if (interval === 'QUARTER') {
    const q = Number(period.slice(6));
    return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
  }
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * Buckets firms' landing dates and projects' amounts into consecutive periods from `from` to `to`
 * (both default to the data's range), empty periods included. `cumulative` counts every firm that
 * landed up to the period's end, earlier than `from` too.
 */
export function bucketGrowth(
  firms: Array<{ id: string; landedOn: string }>,
  projects: Array<{ date: string | null; amount: number }>,
  opts: { from: string | null; to: string | null; interval: Interval },
): GrowthPointOut[] {
  const { interval } = opts;
  const firmPeriods = firms.map((f) => ({ id: f.id, p: periodOf(f.landedOn, interval) })).filter((f): f is { id: string; p: string } => f.p !== null);
  const known = firmPeriods.map((f) => f.p).sort();
  const from = opts.from !== null ? periodOf(opts.from, interval) : (known[0] ?? null);
  const to = opts.to !== null ? periodOf(opts.to, interval) : (known.at(-1) ?? null);
  if (from === null || to === null || from > to) return [];
  const out: GrowthPointOut[] = [];
  let cumulative = firmPeriods.filter((f) => f.p < from).length;
  for (let p = from; p <= to; p = nextPeriod(p, interval)) {
    if (out.length >= MAX_PERIODS) {
      throw limitExceeded('from', 'MAX_GROWTH_PERIODS', MAX_PERIODS, `The range spans more than ${MAX_PERIODS} periods. Narrow \`from\`/\`to\` or use a longer \`interval\`.`);
    }
    const landedIds = firmPeriods.filter((f) => f.p === p).map((f) => f.id).sort();
    cumulative += landedIds.length;
    const amounts = projects.filter((x) => x.date !== null && periodOf(x.date, interval) === p).map((x) => x.amount);
    out.push({ period: p, landed: landedIds.length, cumulative, investmentYuan: amounts.length > 0 ? amounts.reduce((a, b) => a + b, 0) : null, landedIds });
  }
  return out;
}
