import { Column } from './column.ts';
import { keepForCursor } from './cursorsKept.ts';
import { CursorFiguresBuilder, type CircleKinds, type CursorFigures, type CursorFiguresAt, type RecentArrivals } from './cursorFigures.ts';
import { DEFAULT_WEIGHTS, HALF_SATURATION, RECENCY_MONTHS, isoMonths } from './scoring.ts';

export type { CircleKinds, RecentArrivals } from './cursorFigures.ts';

/**
 * Candidate lists: for every month end, the candidates of the district (and of each chain) that
 * could make the ranking's shortlist, with a bound that proves it (docs/RECRUITMENT.md, "Candidate
 * lists"). The ranking statement shortlists the best `$shortlist` candidates by an optimistic score
 * of their direct ties (anchor, local and customer tie sums, recency of the newest tie, a gap pick).
 * Those sums are step functions of the cursor: a candidate's sums change only when one of its ties
 * begins, a firm it is tied to lands or leaves, or it lands or leaves itself. So for each month end
 * `L` this keeps the top `keep` candidates by an upper bound `U` of that score (group ties summed
 * where the statement takes their maximum; the newest tie ever counted), and `bound`, the largest
 * `U` of the candidates left out. For a cursor `C` at or after `L` in the same month or the next:
 * a candidate left out and without a change in (L, C] scores at most `bound` at `C` (its sums are
 * those of `L`, its recency only fell). So the shortlist of the list, the candidates changed in
 * (L, C] and the gap picks, cut at `bound`, is the statement's own shortlist whenever it is full.
 * Of the firms changed in a month, a day cursor adds only those whose sums at `L` plus every tie
 * begun in the month could pass `bound` (62k changed firms in a busy month at 1M; most cannot).
 *
 * Pure: the walk (candidateListsBuild.ts) feeds it firms and ties keyed by Neo4j's node ids, which
 * are stable within one data version — the only version the lists serve.
 */

/** A month as an index: year × 12 + month − 1. A date counts at month end `m` iff its month index is ≤ m. */
export function monthIndex(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = iso.length >= 7 ? Number(iso.slice(5, 7)) : 1;
  return y * 12 + m - 1;
}

/** The cursor string at the end of month index `m` (the AsOf rule's "YYYY-MM-31"). */
export function monthEndCursor(m: number): string {
  const y = Math.floor(m / 12);
  return `${String(y).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}-31`;
}

const NEVER = 0x7fffffff;

export interface ListFirm {
  /** Neo4j's node id. */
  nid: number;
  landedOn: string | null;
  leftOn: string | null;
  /** Left by closing or revocation: never a candidate again. */
  gone: boolean;
  /** landedOn present, or not marked local (isCandidate's static part). */
  eligible: boolean;
  isAnchor: boolean;
  /** Chains of its segments. */
  chains: readonly string[];
  /** Its segments and origin: the recent arrivals' histograms (similarity). Absent: not counted. */
  segments?: readonly string[];
  origin?: string | null;
  /** Anchors that drew it in (ATTRACTED from a firm marked anchor), with the tie's start: their circles' kinds (similarity). */
  attractedBy?: readonly { anchor: number; since: string | null }[];
  /** A hub (many ties): each of its ties to a firm, the other end's node id and the tie's start (Adamic–Adar). */
  hubTies?: readonly { other: number; since: string | null }[];
}

export interface ListTie {
  /** The other end's node id: the firm that gains the tie's weight while this firm is local. */
  other: number;
  /** PART_OF: counted once per candidate in the statement (a maximum); summed here (an upper bound). */
  group: boolean;
  /** A supply tie that starts at `other` (the candidate sells to this firm). */
  sells: boolean;
  /** Type weight × the tie's own weight, as the statement computes it. */
  w: number;
  since: string | null;
}

export interface CandidateList {
  /** Node ids of the candidates kept at this month end, best first. */
  ids: Int32Array;
  /** The largest upper bound of a candidate left out (−Infinity when none was). */
  bound: number;
}

const E_ANCHOR = 1;
const E_SELLS = 2;
const E_END = 4;
/** No change at the month end, but inside the month (a span that begins and ends in it): the firm is "changed" for day cursors. */
const E_TOUCH = 8;

export class CandidateListsBuilder {
  private readonly firms = new Map<number, { land: number; left: number; gone: boolean; eligible: boolean; chains: number[] }>();
  private readonly chainIds: string[] = [];
  private readonly evMonth = new Column(new Int32Array(1 << 16));
  private readonly evFirm = new Column(new Int32Array(1 << 16));
  private readonly evW = new Column(new Float64Array(1 << 16));
  private readonly evFlags = new Column(new Uint8Array(1 << 16));
  private readonly evSince = new Column(new Int32Array(1 << 16));
  private maxNid = 0;
  /** The recent arrivals, the anchors' followers and the hubs' ties, for their counts at any cursor. */
  private readonly figures = new CursorFiguresBuilder();
  /** Segment id → its firms' node ids in the walk's order (firm id order: the gap picks' order). */
  private readonly segFirms = new Map<string, number[]>();
  private minMonth = NEVER;
  private maxMonth = -1;
  tieEnds = 0;

  private month(m: number): void {
    if (m < this.minMonth) this.minMonth = m;
    if (m > this.maxMonth) this.maxMonth = m;
  }

  /** A firm, and the ties through which it adds to its other ends' sums while it is local. */
  addFirm(f: ListFirm, ties: readonly ListTie[]): void {
    const land = f.landedOn === null ? NEVER : monthIndex(f.landedOn);
    const left = f.leftOn === null ? NEVER : monthIndex(f.leftOn);
    const chains = f.chains.map((c) => {
      let i = this.chainIds.indexOf(c);
      if (i < 0) i = this.chainIds.push(c) - 1;
      return i;
    });
    this.firms.set(f.nid, { land, left, gone: f.gone, eligible: f.eligible, chains: [...new Set(chains)] });
    if (f.nid > this.maxNid) this.maxNid = f.nid;
    for (const sid of new Set(f.segments ?? [])) {
      let xs = this.segFirms.get(sid);
      if (!xs) this.segFirms.set(sid, (xs = []));
      xs.push(f.nid);
    }
    if (land !== NEVER) this.month(land);
    if (left !== NEVER) this.month(left);
    this.figures.add(f);
    if (land === NEVER || left < land) return;
    for (const t of ties) {
      const start = Math.max(land, t.since === null ? 0 : monthIndex(t.since));
      if (start > left) continue;
      if (t.other > this.maxNid) this.maxNid = t.other;
      // The statement's buckets: anchorTies (a, ga) when this firm is an anchor, localTies (b, gb) otherwise.
      const flags = (f.isAnchor ? E_ANCHOR : 0) | (t.sells ? E_SELLS : 0);
      const since = t.since === null ? -1 : isoMonths(t.since);
      if (start === left) {
        // Begun and ended inside one month: it never counts at a month end, but may at a day inside it.
        this.event(start, t.other, t.w, flags | E_TOUCH, since);
        continue;
      }
      this.event(start, t.other, t.w, flags, since);
      if (left !== NEVER) this.event(left, t.other, t.w, flags | E_END, -1);
      this.tieEnds += 1;
    }
  }

  private event(m: number, firm: number, w: number, flags: number, since: number): void {
    this.month(m);
    this.evMonth.push(m);
    this.evFirm.push(firm);
    this.evW.push(w);
    this.evFlags.push(flags);
    this.evSince.push(since);
  }

  get firmCount(): number {
    return this.firms.size;
  }

  /**
   * Sweeps the months from the first event to `lastMonth` (at least the last event's) and keeps,
   * for each month end, the best `keep` candidates of the district and of each chain.
   */
  build(version: string, opts: { keep: number; lastMonth: number; builtMs?: number; gapPicks?: number }): CandidateLists {
    const n = this.maxNid + 1;
    const first = this.minMonth === NEVER ? 0 : this.minMonth;
    const last = Math.max(this.maxMonth, opts.lastMonth, first);
    const months = last - first + 1;
    // Counting sort of the events by month.
    const count = new Int32Array(months + 1);
    const E = this.evMonth.length;
    for (let i = 0; i < E; i++) count[this.evMonth.get(i) - first + 1]! += 1;
    for (let m = 0; m < months; m++) count[m + 1]! += count[m]!;
    const order = new Int32Array(E);
    const fill = count.slice();
    for (let i = 0; i < E; i++) order[fill[this.evMonth.get(i) - first]!++] = i;

    // Per-firm state, indexed by node id.
    const land = new Int32Array(n).fill(NEVER);
    const left = new Int32Array(n).fill(NEVER);
    const known = new Uint8Array(n);
    const gone = new Uint8Array(n);
    const chainOf: number[][] = [];
    const ownChange = new Map<number, number[]>();
    for (const [nid, f] of this.firms) {
      known[nid] = f.eligible ? 1 : 0;
      land[nid] = f.land;
      left[nid] = f.left;
      gone[nid] = f.gone ? 1 : 0;
      if (f.chains.length > 0) chainOf[nid] = f.chains;
      for (const m of [f.land, f.left]) {
        if (m === NEVER || m < first || m > last) continue;
        let xs = ownChange.get(m);
        if (!xs) ownChange.set(m, (xs = []));
        xs.push(nid);
      }
    }
    const A = new Float64Array(n);
    const L = new Float64Array(n);
    const C = new Float64Array(n);
    const ties = new Int32Array(n);
    const newest = new Int32Array(n).fill(-1);
    const touched = new Int32Array(n).fill(-1);
    const scopes = ['', ...this.chainIds];
    const lists: CandidateList[][] = scopes.map(() => []);
    const changed: Int32Array[][] = [];
    const scores: Float64Array[] = scopes.map(() => new Float64Array(16));
    const who: Int32Array[] = scopes.map(() => new Int32Array(16));
    const fillN = new Int32Array(scopes.length);
    // A firm changed in the month: its sums at the month before's end plus every tie that begins in
    // the month (none that ends): at least its sums at any day of the month (an upper bound).
    const upA = new Float64Array(n);
    const upL = new Float64Array(n);
    const upC = new Float64Array(n);
    const upTies = new Int32Array(n);
    const upNewest = new Int32Array(n);
    const touch = (c: number, m: number, ch: number[]): void => {
      if (touched[c] === m) return;
      touched[c] = m;
      ch.push(c);
      upA[c] = A[c]!;
      upL[c] = L[c]!;
      upC[c] = C[c]!;
      upTies[c] = ties[c]!;
      upNewest[c] = newest[c]!;
    };
    for (let m = first; m <= last; m++) {
      const ch: number[] = [];
      for (let j = count[m - first]!; j < count[m - first + 1]!; j++) {
        const i = order[j]!;
        const c = this.evFirm.get(i);
        const f = this.evFlags.get(i);
        touch(c, m, ch);
        const s = this.evSince.get(i);
        if (!(f & E_END)) {
          const wt = this.evW.get(i);
          if (f & E_ANCHOR) upA[c]! += wt;
          else upL[c]! += wt;
          if (f & E_SELLS) upC[c]! += wt;
          upTies[c]! += 1;
          if (s > upNewest[c]!) upNewest[c] = s;
        }
        if (f & E_TOUCH) continue;
        const sign = f & E_END ? -1 : 1;
        const wt = sign * this.evW.get(i);
        if (f & E_ANCHOR) A[c]! += wt;
        else L[c]! += wt;
        if (f & E_SELLS) C[c]! += wt;
        ties[c]! += sign;
        if (s > newest[c]!) newest[c] = s;
      }
      for (const c of ownChange.get(m) ?? []) touch(c, m, ch);
      const asOfMonth = m + 1; // isoMonths of "YYYY-MM-31" (and of every day of the month)
      // For day cursors in this month: the changed firms that could pass the bound of the month
      // before's list (of each scope) on some day of it; the others score at most that bound.
      ch.sort((x, y) => x - y);
      const prev = m > first ? m - 1 - first : -1;
      changed.push(
        scopes.map((_, sc) => {
          const bound = prev < 0 ? -Infinity : lists[sc]![prev]!.bound;
          const out: number[] = [];
          for (const c of ch) {
            if (known[c] === 0 || upTies[c]! <= 0) continue;
            if (sc > 0 && !(chainOf[c]?.includes(sc - 1) ?? false)) continue;
            if (optimisticBound(upA[c]!, upL[c]!, upC[c]!, upNewest[c]!, asOfMonth) > bound) out.push(c);
          }
          return Int32Array.from(out);
        }),
      );
      // Score every candidate with a counted tie at this month end.
      fillN.fill(0);
      for (let c = 0; c < n; c++) {
        if (ties[c]! <= 0 || known[c] === 0) continue;
        const local = land[c]! <= m && left[c]! > m;
        if (local || (left[c]! <= m && gone[c] === 1)) continue;
        const u = optimisticBound(A[c]!, L[c]!, C[c]!, newest[c]!, asOfMonth);
        push(0, c, u);
        const cs = chainOf[c];
        if (cs) for (const x of cs) push(x + 1, c, u);
      }
      for (let s = 0; s < scopes.length; s++) lists[s]!.push(topK(scores[s]!, who[s]!, fillN[s]!, opts.keep));
    }
    function push(s: number, c: number, u: number): void {
      let sc = scores[s]!;
      let wh = who[s]!;
      const i = fillN[s]!;
      if (i === sc.length) {
        const ns = new Float64Array(sc.length * 2);
        ns.set(sc);
        const nw = new Int32Array(wh.length * 2);
        nw.set(wh);
        scores[s] = sc = ns;
        who[s] = wh = nw;
      }
      sc[i] = u;
      wh[i] = c;
      fillN[s] = i + 1;
    }
    const gapPicks = this.gapPicks(first, last, opts.gapPicks ?? 50, land, left, known, gone);
    return new CandidateLists(version, first, last, scopes, lists, changed, this.figures.build(), gapPicks, { events: E, tieEnds: this.tieEnds, builtMs: opts.builtMs ?? 0 });
  }

  /**
   * The gap picks (the statement's first `k` candidates of a segment by firm id) at each month end,
   * for every segment: a candidate test by dates, no tie involved, so the same for every scope. Per
   * month end `m` and segment: the first `k` candidates at `m` in id order whose own status does not
   * change in month m + 1, and every firm of the segment whose status does change in it. For a cursor
   * at `m` or inside month m + 1, the statement's own picks (candidates at the cursor, first `k` by
   * id) are among these: a firm left out is a candidate at the cursor only if it was one at `m` and
   * did not change, and then `k` unchanged candidates come before it.
   */
  private gapPicks(first: number, last: number, k: number, land: Int32Array, left: Int32Array, known: Uint8Array, gone: Uint8Array): GapPicks {
    const segIds = [...this.segFirms.keys()];
    const candidate = (c: number, m: number): boolean => known[c] === 1 && !(land[c]! <= m && left[c]! > m) && !(left[c]! <= m && gone[c] === 1);
    // Per month and segment, the firms whose own status changes in it (landing or leaving).
    const months = last - first + 1;
    const changing: number[][][] = Array.from({ length: months + 1 }, () => segIds.map(() => []));
    segIds.forEach((sid, j) => {
      for (const c of this.segFirms.get(sid)!) {
        for (const m of land[c] === left[c] ? [land[c]!] : [land[c]!, left[c]!]) if (m !== NEVER && m >= first && m <= last + 1) changing[m - first]![j]!.push(c);
      }
    });
    const picks: Int32Array[][] = [];
    for (let m = first; m <= last; m++) {
      picks.push(
        segIds.map((sid, j) => {
          const next = changing[m + 1 - first]![j]!;
          const out: number[] = [];
          for (const c of this.segFirms.get(sid)!) {
            if (out.length === k) break;
            if (candidate(c, m) && land[c] !== m + 1 && left[c] !== m + 1) out.push(c);
          }
          for (const c of next) out.push(c);
          return Int32Array.from(out);
        }),
      );
    }
    return { segIds, picks };
  }
}

/** The gap picks' firms per month end and segment (`CandidateListsBuilder.gapPicks`). */
interface GapPicks {
  segIds: string[];
  /** [month − first][segment] → node ids. */
  picks: Int32Array[][];
}


/**
 * The statement's optimistic score (no gap pick) from tie sums that bound its own: group ties summed
 * where it takes their maximum, and `newest` (isoMonths of the newest tie's start, −1: none) at
 * least its newest counted tie's.
 */
function optimisticBound(A: number, L: number, C: number, newest: number, asOfMonth: number): number {
  const w = DEFAULT_WEIGHTS;
  const k = HALF_SATURATION;
  const a = Math.max(A, 0);
  const l = Math.max(L, 0);
  const cu = Math.max(C, 0);
  const rec = newest < 0 ? 0 : Math.exp((-1.0 * (asOfMonth - newest)) / RECENCY_MONTHS);
  return (w.anchorTies * a) / (a + k.anchorTies) + (w.localTies * l) / (l + k.localTies) + (w.customerTies * cu) / (cu + k.customerTies) + w.recency * rec;
}

/** The best `keep` of `n` (score desc, node id asc), and the largest score left out. */
export function topK(scores: Float64Array, who: Int32Array, n: number, keep: number): CandidateList {
  if (n <= keep) {
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || who[a]! - who[b]!);
    return { ids: Int32Array.from(idx, (i) => who[i]!), bound: -Infinity };
  }
  // The keep-th largest score by selection, then the ties at it by node id.
  const tmp = scores.slice(0, n);
  const v = kthLargest(tmp, keep);
  const above: number[] = [];
  const at: number[] = [];
  let bound = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (s > v) above.push(i);
    else if (s === v) at.push(i);
    else if (s > bound) bound = s;
  }
  at.sort((a, b) => who[a]! - who[b]!);
  const take = keep - above.length;
  if (at.length > take) bound = v;
  const idx = [...above, ...at.slice(0, take)].sort((a, b) => scores[b]! - scores[a]! || who[a]! - who[b]!);
  return { ids: Int32Array.from(idx, (i) => who[i]!), bound };
}

/** The k-th largest value (1-based) of `a`, reordering it (quickselect). */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target]!;
  }
  return a[target]!;
}

export interface ListsAt {
  /** Node ids: the month's list and every firm with a change between its month end and the cursor. */
  ids: number[];
  bound: number;
  /** The month end the list is of. */
  listCursor: string;
  /** The recent arrivals' histograms at the cursor (cursorFigures.ts). */
  recent: RecentArrivals;
  /** Every anchor's followers by kind at the cursor, keyed by node id (anchors with none left out). */
  circles: Record<string, CircleKinds>;
  /** Every hub's [ties begun, ties to local firms] at the cursor, keyed by node id. */
  hubs: Record<string, [number, number]>;
}

export class CandidateLists {
  constructor(
    readonly version: string,
    readonly firstMonth: number,
    readonly lastMonth: number,
    private readonly scopes: readonly string[],
    private readonly lists: readonly CandidateList[][],
    /** [month − first][scope]: the firms changed in the month that a day cursor in it must add (see build). */
    private readonly changed: readonly Int32Array[][],
    private readonly figures: CursorFigures,
    private readonly picks: GapPicks,
    readonly size: { events: number; tieEnds: number; builtMs: number },
  ) {}

  /**
   * What the ranking needs at cursor `asOf` (at the end of its period) for the district or a chain:
   * the list of the last month end at or before it, with every firm that changed since, and the
   * bound; null before the first month or for a chain with no firm.
   */
  at(asOf: string, chainId: string | null): ListsAt | null {
    const s = this.scopes.indexOf(chainId ?? '');
    if (s < 0) return null;
    const mC = monthIndex(asOf);
    const listM = this.listMonth(asOf);
    if (listM === null) return null;
    const list = this.lists[s]![listM - this.firstMonth]!;
    const ids = new Set<number>(list.ids);
    for (let m = listM + 1; m <= Math.min(mC, this.lastMonth); m++) for (const c of this.changed[m - this.firstMonth]![s]!) ids.add(c);
    return { ids: [...ids], bound: list.bound, listCursor: monthEndCursor(listM), ...this.figures.at(asOf) };
  }

  /** The last month end at or before `asOf` that has lists (null before the first). */
  private listMonth(asOf: string): number | null {
    const mC = monthIndex(asOf);
    const monthEnd = asOf.length === 10 && asOf.slice(8) === '31';
    const listM = Math.min(monthEnd ? mC : mC - 1, this.lastMonth);
    return listM < this.firstMonth ? null : listM;
  }

  /** The recent arrivals, the anchors' followers and the hubs' figures at any cursor (cursorFigures.ts). */
  countsAt(asOf: string): CursorFiguresAt {
    return this.figures.at(asOf);
  }

  /** Every anchor's followers by kind at any cursor (`countsAt(asOf).circles` without the other two counts). */
  followersAt(asOf: string): Record<string, CircleKinds> {
    return this.figures.followersAt(asOf);
  }

  /**
   * The firms among which the statement's gap picks at `asOf` are, for every segment (node ids by
   * segment id): the picks of the last month end at or before it (`CandidateListsBuilder.gapPicks`).
   * The same for every scope (district, chain, an anchor's circle). Null before the first month end.
   */
  gapPicksAt(asOf: string): Record<string, number[]> | null {
    const listM = this.listMonth(asOf);
    if (listM === null) return null;
    const hit = this.picksByMonth.get(listM);
    if (hit) return hit;
    const row = this.picks.picks[listM - this.firstMonth]!;
    const out: Record<string, number[]> = {};
    this.picks.segIds.forEach((sid, j) => {
      out[sid] = Array.from(row[j]!);
    });
    return keepForCursor(this.picksByMonth, listM, out);
  }

  /** The gap picks of the last months asked for, by month index (shared by the requests: read only). */
  private readonly picksByMonth = new Map<number, Record<string, number[]>>();

  /** Kept node ids over every month and scope (memory, logs). */
  get kept(): number {
    let x = 0;
    for (const l of this.lists) for (const m of l) x += m.ids.length;
    for (const m of this.changed) for (const c of m) x += c.length;
    return x;
  }
}
