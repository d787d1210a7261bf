import { limitExceeded } from '../../errors/index.ts';

export type Interval = 'MONTH' | 'QUARTER' | 'YEAR';

export interface GrowthPointOut {
  period: string;
  /** Arrivals: firms that landed in the period. */
  landed: number;
  /** Firms that left in the period (of those that landed at some date). */
  departures: number;
  /** landed − departures. */
  net: number;
  /** Arrivals up to the end of the period. */
  cumulative: number;
  /** Departures up to the end of the period. */
  cumulativeDepartures: number;
  /** cumulative − cumulativeDepartures: the firms there at the end of the period (the as-of rule). */
  cumulativeNet: number;
  investmentYuan: number | null;
  landedIds: string[];
  departedIds: string[];
}

/**
 * A firm as growth reads it: when it landed, and when it left (null or absent while it is there).
 * Or, without `id`, `n` firms that share both dates (counted, not listed in `landedIds`).
 */
export type GrowthFirm = { id: string; landedOn: string; leftOn?: string | null } | { n: number; landedOn: string; leftOn?: string | null };

/** How many firms a row stands for, and their ids (none for a row of counted firms). */
const countOf = (f: GrowthFirm): number => ('n' in f ? f.n : 1);
const idsOf = (f: GrowthFirm): string[] => ('id' in f ? [f.id] : []);

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

/** `value` of each item, grouped under its period (items without one are left out). */
function groupByPeriod<T, V>(items: readonly T[], period: (t: T) => string | null, value: (t: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const t of items) {
    const p = period(t);
    if (p === null) continue;
    const list = out.get(p);
    if (list) list.push(value(t));
    else out.set(p, [value(t)]);
  }
  return out;
}

/** How many firms and which ids, per period. */
interface Tally {
  n: number;
  ids: string[];
}

function tallyByPeriod(firms: readonly GrowthFirm[], period: (f: GrowthFirm) => string | null): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const [p, rows] of groupByPeriod(firms, period, (f) => f)) {
    out.set(p, { n: rows.reduce((a, f) => a + countOf(f), 0), ids: rows.flatMap(idsOf).sort() });
  }
  return out;
}

/**
 * Buckets firms' landing and leaving dates and projects' amounts into consecutive periods from
 * `from` to `to` (both default to the data's range, departures included), empty periods included.
 * A firm leaves in the period of its `leftOn`: as of that period's end it no longer counts, as the
 * as-of rule says. The cumulative counts include everything before `from` too.
 */
export function bucketGrowth(
  firms: readonly GrowthFirm[],
  projects: Array<{ date: string | null; amount: number }>,
  opts: { from: string | null; to: string | null; interval: Interval },
): GrowthPointOut[] {
  const { interval } = opts;
  // One pass over firms and projects, grouped by period; the loop over periods then only looks up
  // (it used to filter every firm and project once per period: 50 quarters × 20k firms).
  const idsByPeriod = tallyByPeriod(firms, (f) => periodOf(f.landedOn, interval));
  const leftByPeriod = tallyByPeriod(firms, (f) => (typeof f.leftOn === 'string' ? periodOf(f.leftOn, interval) : null));
  const amountsByPeriod = groupByPeriod(projects, (x) => (x.date === null ? null : periodOf(x.date, interval)), (x) => x.amount);
  const known = [...new Set([...idsByPeriod.keys(), ...leftByPeriod.keys()])].sort();
  const from = opts.from !== null ? periodOf(opts.from, interval) : (known[0] ?? null);
  const to = opts.to !== null ? periodOf(opts.to, interval) : (known.at(-1) ?? null);
  if (from === null || to === null || from > to) return [];
  const out: GrowthPointOut[] = [];
  let cumulative = 0;
  let cumulativeDepartures = 0;
  for (const p of known) {
    if (p >= from) break;
    cumulative += idsByPeriod.get(p)?.n ?? 0;
    cumulativeDepartures += leftByPeriod.get(p)?.n ?? 0;
  }
  for (let p = from; p <= to; p = nextPeriod(p, interval)) {
    if (out.length >= MAX_PERIODS) {
      throw limitExceeded('from', 'MAX_GROWTH_PERIODS', MAX_PERIODS, `The range spans more than ${MAX_PERIODS} periods. Narrow \`from\`/\`to\` or use a longer \`interval\`.`);
    }
    const landed = idsByPeriod.get(p) ?? { n: 0, ids: [] };
    const departed = leftByPeriod.get(p) ?? { n: 0, ids: [] };
    cumulative += landed.n;
    cumulativeDepartures += departed.n;
    const amounts = amountsByPeriod.get(p);
    out.push({
      period: p,
      landed: landed.n,
      departures: departed.n,
      net: landed.n - departed.n,
      cumulative,
      cumulativeDepartures,
      cumulativeNet: cumulative - cumulativeDepartures,
      investmentYuan: amounts ? amounts.reduce((a, b) => a + b, 0) : null,
      landedIds: landed.ids,
      departedIds: departed.ids,
    });
  }
  return out;
}
