/**
 * chainGaps of the district as step functions of the cursor (docs/RECRUITMENT.md, "Segment
 * timeline"). Every figure of a segment in the district scope — its local firms, its supply ties,
 * the ties and firms outside the district — counts a firm or a tie from one date to another: a firm
 * from `landedOn` until `leftOn`, a supply tie from the latest of its `since` and its local end's
 * landing until that end leaves, and so on. One walk over every firm and its supply ties turns each
 * segment into change points (date, Δ figures); the figures at any cursor are then a prefix sum,
 * found by binary search. ISO dates at any precision order as strings, and the cursor is already at
 * the end of its period (model/src/asOf.ts), so "counts at c" is "starts ≤ c and ends > c", exactly
 * the model's rule.
 *
 * Pure: the walk (segmentTimelineBuild.ts) feeds it rows; nothing here reads the database.
 */
import { asOfJs } from '@cangshan/model';

/** A half-open span of cursors [from, to): '' = from the start of time, null = no end. */
export interface Span {
  from: string;
  to: string | null;
}

const later = (a: string, b: string): string => (a >= b ? a : b);
const earlier = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a <= b ? a : b);

/** [from, to), or null when it holds no cursor. */
export function span(from: string, to: string | null): Span | null {
  return to === null || from < to ? { from, to } : null;
}

/** When a firm counts as in the district (the model's rule for a non-null cursor); null: never. */
export function presence(landedOn: string | null | undefined, leftOn: string | null | undefined): Span | null {
  return landedOn == null ? null : span(landedOn, leftOn ?? null);
}

export function intersect(a: Span | null, b: Span | null): Span | null {
  return a === null || b === null ? null : span(later(a.from, b.from), earlier(a.to, b.to));
}

/** a without b: zero, one or two spans. */
export function minus(a: Span | null, b: Span | null): Span[] {
  if (a === null) return [];
  if (b === null) return [a];
  const out: Span[] = [];
  const before = span(a.from, earlier(a.to, b.from));
  if (before) out.push(before);
  if (b.to !== null) {
    const after = span(later(a.from, b.to), a.to);
    if (after) out.push(after);
  }
  return out;
}

/** The union of spans as disjoint spans in order. */
export function union(spans: readonly (Span | null)[]): Span[] {
  const xs = spans.filter((s): s is Span => s !== null).sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
  const out: Span[] = [];
  for (const s of xs) {
    const last = out[out.length - 1];
    if (last && (last.to === null || s.from <= last.to)) last.to = last.to === null || s.to === null ? null : later(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/** The figures a segment carries, in this order in every vector. */
export const FIGURES = ['n', 'supplyTies', 'outsideTies', 'outsideFirms'] as const;
export type SegmentFigures = Record<(typeof FIGURES)[number], number>;
const N = 0;
const TIES = 1;
const OUTSIDE = 2;
const OUTSIDE_FIRMS = 3;

/** One supply tie of a firm, as the walk reads it: its start, the other end's dates, and the segments the two share (listed on one side of each tie only). */
export interface TieRow {
  since: string | null;
  otherLandedOn: string | null;
  otherLeftOn: string | null;
  /** The segments of the other end that this firm is in too, given only when this firm's id is the smaller of the two (so each tie is corrected once). */
  shared: string[];
}

/** One firm as the walk reads it. */
export interface FirmRow {
  id: string;
  landedOn: string | null;
  leftOn: string | null;
  segments: string[];
  ties: TieRow[];
}

/** A firm of a segment in landing order (the first ones are what chainGaps lists). */
export interface PrefixFirm {
  landedOn: string;
  leftOn: string | null;
  /** The firm as the statements project it (enterpriseProjection). */
  firm: Record<string, unknown>;
}

/** Chain and segment as chainGaps returns them. */
export interface SegmentMeta {
  chain: Record<string, unknown> & { id: string };
  segment: Record<string, unknown> & { id: string; chainId?: string | null };
}

/** Every Segment node, chain or not (the ranking reads them all). */
export interface SegmentRef {
  id: string;
  chainId: string | null;
}

/** Adds a firm's and its ties' change points to a segment's map. */
export class TimelineBuilder {
  private readonly points = new Map<string, Map<string, number[]>>();
  private readonly prefixes = new Map<string, PrefixFirm[]>();
  firms = 0;
  ties = 0;

  private add(seg: string, s: Span | null, figure: number, sign = 1): void {
    if (s === null) return;
    let m = this.points.get(seg);
    if (!m) this.points.set(seg, (m = new Map()));
    const bump = (at: string, d: number): void => {
      let v = m.get(at);
      if (!v) m.set(at, (v = [0, 0, 0, 0]));
      v[figure] = (v[figure] ?? 0) + d;
    };
    bump(s.from, sign);
    if (s.to !== null) bump(s.to, -sign);
  }

  /**
   * One firm o with its supply ties, counted the way the live statement counts (buildScope.ts,
   * `demandCypher`): a tie counts in each segment of o while the other end b is local and the tie
   * has begun (whatever o is); it leaks out while, in addition, o is outside; o is an outside firm
   * of its segments while it is outside and any such tie holds. A tie whose two ends share a
   * segment is counted from both sides: once is taken off where both are local.
   */
  addFirm(f: FirmRow): void {
    this.firms += 1;
    const segs = [...new Set(f.segments)];
    if (segs.length === 0) return;
    const here = presence(f.landedOn, f.leftOn);
    for (const s of segs) this.add(s, here, N);
    const live: Span[] = [];
    for (const t of f.ties) {
      this.ties += 1;
      const met = intersect(presence(t.otherLandedOn, t.otherLeftOn), { from: t.since ?? '', to: null });
      if (met === null) continue;
      live.push(met);
      const away = minus(met, here);
      for (const s of segs) {
        this.add(s, met, TIES);
        for (const a of away) this.add(s, a, OUTSIDE);
      }
      for (const s of new Set(t.shared)) if (segs.includes(s)) this.add(s, intersect(met, here), TIES, -1);
    }
    const tied = union(live).flatMap((u) => minus(u, here));
    for (const s of segs) for (const u of tied) this.add(s, u, OUTSIDE_FIRMS);
  }

  /** A segment's firms with a landing date in (landedOn, id) order, cut once enough never leave (segmentTimelineBuild.ts). */
  setPrefix(segmentId: string, firms: PrefixFirm[]): void {
    this.prefixes.set(segmentId, firms);
  }

  build(version: string, meta: SegmentMeta[], builtMs = 0, allSegments: readonly SegmentRef[] = meta.map((m) => ({ id: m.segment.id, chainId: m.segment.chainId ?? null }))): SegmentTimeline {
    const segs = new Map<string, SegmentSteps>();
    for (const m of meta) segs.set(m.segment.id, steps(this.points.get(m.segment.id)));
    // Segments reached by the walk but absent from the chains (no HAS_SEGMENT) still add to the totals.
    for (const [id, m] of this.points) if (!segs.has(id)) segs.set(id, steps(m));
    return new SegmentTimeline(version, meta, segs, this.prefixes, { firms: this.firms, ties: this.ties, builtMs }, allSegments);
  }
}

interface SegmentSteps {
  at: string[];
  /** Running totals after each change point, FIGURES.length per point. */
  sums: Int32Array;
}

function steps(m: Map<string, number[]> | undefined): SegmentSteps {
  const at = [...(m?.keys() ?? [])].sort();
  const sums = new Int32Array(at.length * FIGURES.length);
  const run = [0, 0, 0, 0];
  at.forEach((d, i) => {
    const v = m?.get(d) ?? [];
    for (let k = 0; k < FIGURES.length; k++) {
      run[k] = (run[k] ?? 0) + (v[k] ?? 0);
      sums[i * FIGURES.length + k] = run[k] ?? 0;
    }
  });
  return { at, sums };
}

/** Index of the last change point ≤ cursor, or -1. */
function lastAtOrBefore(at: readonly string[], cursor: string): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as string) <= cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The district's segment figures at any cursor, for one data version. */
export class SegmentTimeline {
  constructor(
    readonly version: string,
    readonly meta: readonly SegmentMeta[],
    private readonly segs: ReadonlyMap<string, SegmentSteps>,
    private readonly prefixes: ReadonlyMap<string, PrefixFirm[]>,
    readonly size: { firms: number; ties: number; builtMs: number },
    readonly allSegments: readonly SegmentRef[],
  ) {}

  /** One segment's figures at the cursor (zeros for a segment nobody is in). */
  figuresAt(segmentId: string, cursor: string): SegmentFigures {
    const s = this.segs.get(segmentId);
    const i = s ? lastAtOrBefore(s.at, cursor) : -1;
    const v = (k: number): number => (s && i >= 0 ? (s.sums[i * FIGURES.length + k] ?? 0) : 0);
    return { n: v(N), supplyTies: v(TIES), outsideTies: v(OUTSIDE), outsideFirms: v(OUTSIDE_FIRMS) };
  }

  /** Supply ties and outside ties summed over every segment (the reference of every status). */
  totalsAt(cursor: string): { supplyTies: number; outsideTies: number } {
    let supplyTies = 0;
    let outsideTies = 0;
    for (const id of this.segs.keys()) {
      const f = this.figuresAt(id, cursor);
      supplyTies += f.supplyTies;
      outsideTies += f.outsideTies;
    }
    return { supplyTies, outsideTies };
  }

  /** The segment's local firms at the cursor in landing order, the first `k` of them (k ≤ what the walk kept). */
  firmsAt(segmentId: string, cursor: string, k: number): PrefixFirm[] {
    const out: PrefixFirm[] = [];
    for (const p of this.prefixes.get(segmentId) ?? []) {
      if (out.length >= k) break;
      if (asOfJs.node(p, cursor)) out.push(p);
    }
    return out;
  }
}
