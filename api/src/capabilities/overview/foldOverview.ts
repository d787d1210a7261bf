import type { Row } from '@cangshan/neo4j';

/** A group as `OverviewGroup` answers it. */
export interface OverviewGroupOut {
  id: string | null;
  name: string | null;
  nameEn: string | null;
  chainId: string | null;
  order: number | null;
  count: number;
  innerTies: number;
  arrivals: number[];
  departures: number[];
}

/** A pair of groups as `OverviewTie` answers it. */
export interface OverviewTieOut {
  source: string | null;
  target: string | null;
  weight: number;
  byType: Array<{ type: string; weight: number }>;
  added: number[];
  removed: number[];
}

export interface OverviewOut {
  enterprises: number;
  ties: number;
  months: string[];
  groups: OverviewGroupOut[];
  between: OverviewTieOut[];
}

const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthAt = (i: number): string => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** A span of months on the timeline: counts from `from`, up to the month before `until` (null: still). */
interface Span {
  from: string;
  until: string | null;
  n: number;
}

/** The span a row counts over on a month cursor, or null when it never does (never landed or begun, or gone in the month it came). */
function spanOf(from: unknown, until: unknown, n: number): Span | null {
  const f = str(from);
  const u = str(until);
  if (f === null || (u !== null && u <= f)) return null;
  return { from: f, until: u, n };
}

/**
 * The months of the timeline: from the January of the first arrival (an empty district first, as
 * the web's timeline) to the last arrival, or the month a departure takes effect.
 */
function monthRange(spans: Iterable<Span>): string[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of spans) {
    lo = Math.min(lo, monthIndex(s.from));
    hi = Math.max(hi, monthIndex(s.until ?? s.from));
  }
  if (!Number.isFinite(lo)) return [];
  const out: string[] = [];
  for (let i = Math.floor(lo / 12) * 12; i <= hi; i++) out.push(monthAt(i));
  return out;
}

const keyOf = (id: string | null): string => id ?? '\u0000';

/**
 * The answer from the rows of the two statements (overviewGroupsQuery.ts): counts at the cursor,
 * and for the timeline the arrivals and departures of each group and the ties added and removed
 * between each pair of groups, month by month, aligned with `months`. Groups come in chain and
 * segment order (by id for places), the firms with no group last.
 */
export function foldOverview(firmRows: readonly Row[], tieRows: readonly Row[]): OverviewOut {
  const groups = new Map<string, OverviewGroupOut & { spans: Span[] }>();
  for (const r of firmRows) {
    const g = (r.g ?? null) as Record<string, unknown> | null;
    const id = str(g?.id);
    let out = groups.get(keyOf(id));
    if (!out) {
      out = { id, name: str(g?.name), nameEn: str(g?.nameEn), chainId: str(g?.chainId), order: typeof g?.order === 'number' ? g.order : null, count: 0, innerTies: 0, arrivals: [], departures: [], spans: [] };
      groups.set(keyOf(id), out);
    }
    const n = num(r.n);
    if (r.now === true) out.count += n;
    const span = spanOf(r.landed, r.left, n);
    if (span) out.spans.push(span);
  }
  const pairs = new Map<string, OverviewTieOut & { spans: Span[]; types: Map<string, number> }>();
  let ties = 0;
  for (const r of tieRows) {
    const source = str(r.source);
    const target = str(r.target);
    const n = num(r.n);
    const now = r.now === true;
    if (now) ties += n;
    if (source === target) {
      const g = groups.get(keyOf(source));
      if (g && now) g.innerTies += n;
      continue;
    }
    const key = `${keyOf(source)}\u0001${keyOf(target)}`;
    let p = pairs.get(key);
    if (!p) {
      p = { source, target, weight: 0, byType: [], added: [], removed: [], spans: [], types: new Map() };
      pairs.set(key, p);
    }
    if (now) {
      p.weight += n;
      const type = str(r.type) ?? '';
      p.types.set(type, (p.types.get(type) ?? 0) + n);
    }
    const span = spanOf(r.since, r.until, n);
    if (span) p.spans.push(span);
  }
  const months = monthRange([...[...groups.values()].flatMap((g) => g.spans), ...[...pairs.values()].flatMap((p) => p.spans)]);
  const first = months.length > 0 ? monthIndex(months[0]!) : 0;
  const series = (spans: readonly Span[]): [number[], number[]] => {
    const up = new Array<number>(months.length).fill(0);
    const down = new Array<number>(months.length).fill(0);
    for (const s of spans) {
      const i = monthIndex(s.from) - first;
      up[i] = (up[i] ?? 0) + s.n;
      if (s.until !== null) {
        const j = monthIndex(s.until) - first;
        down[j] = (down[j] ?? 0) + s.n;
      }
    }
    return [up, down];
  };
  const ordered = [...groups.values()].sort(
    (a, b) =>
      Number(a.id === null) - Number(b.id === null) ||
      (a.chainId ?? '~').localeCompare(b.chainId ?? '~') ||
      (a.order ?? 999) - (b.order ?? 999) ||
      (a.id ?? '').localeCompare(b.id ?? ''),
  );
  return {
    enterprises: ordered.reduce((s, g) => s + g.count, 0),
    ties,
    months,
    groups: ordered.map(({ spans, ...g }) => {
      const [arrivals, departures] = series(spans);
      return { ...g, arrivals, departures };
    }),
    between: [...pairs.values()]
      .map(({ spans, types, ...p }) => {
        const [added, removed] = months.length > 0 ? series(spans) : [[], []];
        return { ...p, added, removed, byType: [...types].sort(([a], [b]) => a.localeCompare(b)).map(([type, weight]) => ({ type, weight })) };
      })
      .sort((a, b) => b.weight - a.weight || keyOf(a.source).localeCompare(keyOf(b.source)) || keyOf(a.target).localeCompare(keyOf(b.target))),
  };
}
