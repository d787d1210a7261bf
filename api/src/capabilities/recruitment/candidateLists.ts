import { DEFAULT_WEIGHTS, HALF_SATURATION, RECENCY_MONTHS, SIMILARITY_WINDOW_MONTHS, isoMonths, monthsBefore } from './scoring.ts';

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
  /** A hub (many ties): the start of each of its ties, for its degree as of each month end (Adamic–Adar). */
  hubSince?: readonly (string | null)[];
}

/**
 * An anchor's followers at a month end, counted by kind: how many in all, how many per set of
 * segments, how many per origin — what the ranking's similarity needs of its likely anchor.
 */
export interface CircleKinds {
  n: number;
  segs: string[][];
  segN: number[];
  origins: string[];
  originN: number[];
}

/** The ranking's recent arrivals at a month end: how many by segment and by origin (similarity). */
export interface RecentArrivals {
  segCounts: { key: string; n: number }[];
  segMax: number | null;
  originCounts: { key: string; n: number }[];
  originMax: number | null;
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

/** Growable typed columns (events are millions at 1M firms). */
class Column<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(private data: T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i] as number;
  }
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
  /** Anchor node id → kind ("s" + segments, "o" + origin, "n") → [month, ±1] changes of its followers. */
  private readonly circles = new Map<number, Map<string, number[]>>();
  /** Hub node id → the month index each of its ties begins (0: start unknown). */
  private readonly hubs = new Map<number, Int32Array>();
  /** (segment, origin) pair → [month, ±1] changes of its count among the recent arrivals. */
  private readonly arrivals = new Map<string, number[]>();
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
    if (f.landedOn !== null && f.segments) this.addArrival(f.landedOn, f.leftOn, f.segments, f.origin ?? null, land);
    if (f.hubSince) this.hubs.set(f.nid, Int32Array.from(f.hubSince, (x) => (x === null ? 0 : monthIndex(x))));
    for (const a of f.attractedBy ?? []) {
      // A follower counts while the tie has begun and it is here: [max(since, landing), leaving).
      const start = Math.max(land, a.since === null ? 0 : monthIndex(a.since));
      if (land === NEVER || start >= left) continue;
      let kinds = this.circles.get(a.anchor);
      if (!kinds) this.circles.set(a.anchor, (kinds = new Map()));
      const keys = ['n', `s${JSON.stringify([...(f.segments ?? [])].sort())}`];
      if (f.origin) keys.push(`o${f.origin}`);
      for (const key of keys) {
        let xs = kinds.get(key);
        if (!xs) kinds.set(key, (xs = []));
        xs.push(start, 1);
        if (left !== NEVER) xs.push(left, -1);
      }
    }
    if (land === NEVER || left < land) return;
    for (const t of ties) {
      const start = Math.max(land, t.since === null ? 0 : monthIndex(t.since));
      if (start > left) continue;
      if (t.other > this.maxNid) this.maxNid = t.other;
      if (start === left) {
        // Begun and ended inside one month: it never counts at a month end, but may at a day inside it.
        this.event(start, t.other, 0, E_TOUCH, -1);
        continue;
      }
      // The statement's buckets: anchorTies (a, ga) when this firm is an anchor, localTies (b, gb) otherwise.
      const flags = (f.isAnchor ? E_ANCHOR : 0) | (t.sells ? E_SELLS : 0);
      const since = t.since === null ? -1 : isoMonths(t.since);
      this.event(start, t.other, t.w, flags, since);
      if (left !== NEVER) this.event(left, t.other, t.w, flags | E_END, -1);
      this.tieEnds += 1;
    }
  }

  /**
   * The month ends at which the statement counts this firm among the scope's recent arrivals
   * (landed after the window's start, by the cursor, and still here), by the statement's own string
   * comparisons: one run of months from its landing month.
   */
  private addArrival(landedOn: string, leftOn: string | null, segments: readonly string[], origin: string | null, land: number): void {
    let m = land;
    const counts = (x: number): boolean => {
      const cursor = monthEndCursor(x);
      return landedOn > monthsBefore(cursor, SIMILARITY_WINDOW_MONTHS) && landedOn <= cursor && (leftOn === null || leftOn > cursor);
    };
    while (counts(m)) m++;
    if (m === land) return;
    for (const s of segments.length > 0 ? segments : [null]) {
      const key = JSON.stringify([s, origin]);
      let xs = this.arrivals.get(key);
      if (!xs) this.arrivals.set(key, (xs = []));
      xs.push(land, 1, m, -1);
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
    const w = DEFAULT_WEIGHTS;
    const k = HALF_SATURATION;
    const scopes = ['', ...this.chainIds];
    const lists: CandidateList[][] = scopes.map(() => []);
    const changed: Int32Array[] = [];
    const scores: Float64Array[] = scopes.map(() => new Float64Array(16));
    const who: Int32Array[] = scopes.map(() => new Int32Array(16));
    const fillN = new Int32Array(scopes.length);
    const hubIds = [...this.hubs.keys()];
    const hubLocal = new Int32Array(months * hubIds.length);
    for (let m = first; m <= last; m++) {
      const ch: number[] = [];
      for (let j = count[m - first]!; j < count[m - first + 1]!; j++) {
        const i = order[j]!;
        const c = this.evFirm.get(i);
        const f = this.evFlags.get(i);
        if (f & E_TOUCH) {
          if (touched[c] !== m) {
            touched[c] = m;
            ch.push(c);
          }
          continue;
        }
        const sign = f & E_END ? -1 : 1;
        const wt = sign * this.evW.get(i);
        if (f & E_ANCHOR) A[c]! += wt;
        else L[c]! += wt;
        if (f & E_SELLS) C[c]! += wt;
        ties[c]! += sign;
        const s = this.evSince.get(i);
        if (s > newest[c]!) newest[c] = s;
        if (touched[c] !== m) {
          touched[c] = m;
          ch.push(c);
        }
      }
      for (const c of ownChange.get(m) ?? []) {
        if (touched[c] !== m) {
          touched[c] = m;
          ch.push(c);
        }
      }
      changed.push(Int32Array.from(ch).sort());
      // Each hub's ties to local firms begun by this month end: the sweep's own count of them.
      hubIds.forEach((z, h) => {
        hubLocal[(m - first) * hubIds.length + h] = ties[z]!;
      });
      // Score every candidate with a counted tie at this month end.
      const asOfMonth = m + 1; // isoMonths of "YYYY-MM-31"
      fillN.fill(0);
      for (let c = 0; c < n; c++) {
        if (ties[c]! <= 0 || known[c] === 0) continue;
        const local = land[c]! <= m && left[c]! > m;
        if (local || (left[c]! <= m && gone[c] === 1)) continue;
        const a = Math.max(A[c]!, 0);
        const l = Math.max(L[c]!, 0);
        const cu = Math.max(C[c]!, 0);
        const rec = newest[c]! < 0 ? 0 : Math.exp((-1.0 * (asOfMonth - newest[c]!)) / RECENCY_MONTHS);
        const u = (w.anchorTies * a) / (a + k.anchorTies) + (w.localTies * l) / (l + k.localTies) + (w.customerTies * cu) / (cu + k.customerTies) + w.recency * rec;
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
    // The recent arrivals' pair counts at each month end, then the statement's two histograms.
    const recent: RecentArrivals[] = [];
    const pairs = [...this.arrivals].map(([key, xs]) => ({ key: JSON.parse(key) as [string | null, string | null], counts: runningCounts(xs, first, months) }));
    for (let m = 0; m < months; m++) {
      const seg = new Map<string, number>();
      const org = new Map<string, number>();
      for (const p of pairs) {
        const n = p.counts[m]!;
        if (n === 0) continue;
        const [sid, o] = p.key;
        if (sid !== null) seg.set(sid, (seg.get(sid) ?? 0) + n);
        if (o !== null) org.set(o, (org.get(o) ?? 0) + n);
      }
      const hist = (h: Map<string, number>) => [...h].map(([key, n]) => ({ key, n }));
      const max = (h: Map<string, number>) => (h.size === 0 ? null : Math.max(...h.values()));
      recent.push({ segCounts: hist(seg), segMax: max(seg), originCounts: hist(org), originMax: max(org) });
    }
    // Each anchor's followers by kind at each month end: one count per kind and month.
    const circles = new Map<number, { keys: string[]; counts: Int32Array }>();
    for (const [anchor, kinds] of this.circles) {
      const keys = [...kinds.keys()];
      const counts = new Int32Array(months * keys.length);
      keys.forEach((key, k) => {
        runningCounts(kinds.get(key) ?? [], first, months).forEach((n, m) => {
          counts[m * keys.length + k] = n;
        });
      });
      circles.set(anchor, { keys, counts });
    }
    // Each hub's ties begun by each month end (whatever the other end): its degree as of then.
    const hubDegree = new Int32Array(months * hubIds.length);
    hubIds.forEach((z, h) => {
      const begins = [...(this.hubs.get(z) ?? [])].flatMap((m) => [m, 1]);
      runningCounts(begins, first, months).forEach((n, m) => {
        hubDegree[m * hubIds.length + h] = n;
      });
    });
    const hubs = { ids: hubIds, local: hubLocal, degree: hubDegree };
    const gapPicks = this.gapPicks(first, last, opts.gapPicks ?? 50, land, left, known, gone);
    return new CandidateLists(version, first, last, scopes, lists, changed, recent, circles, hubs, gapPicks, { events: E, tieEnds: this.tieEnds, builtMs: opts.builtMs ?? 0 });
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
 * A count at each of `months` month ends (from `first`) out of [month, ±k] pairs: a change in month
 * m counts from m's end on; one before `first` from the first.
 */
function runningCounts(changes: readonly number[], first: number, months: number): Int32Array {
  const d = new Int32Array(months);
  for (let i = 0; i < changes.length; i += 2) {
    const m = Math.max((changes[i] ?? 0) - first, 0);
    if (m < months) d[m]! += changes[i + 1] ?? 0;
  }
  for (let m = 1; m < months; m++) d[m]! += d[m - 1]!;
  return d;
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
  /** The recent arrivals' histograms when the cursor is that month end (else null: the statement counts them). */
  recent: RecentArrivals | null;
  /** Every anchor's followers by kind, keyed by node id, when the cursor is that month end (else null). */
  circles: Record<string, CircleKinds> | null;
  /** Every hub's [ties begun, ties to local firms] keyed by node id, when the cursor is that month end (else null). */
  hubs: Record<string, [number, number]> | null;
}

export class CandidateLists {
  constructor(
    readonly version: string,
    readonly firstMonth: number,
    readonly lastMonth: number,
    private readonly scopes: readonly string[],
    private readonly lists: readonly CandidateList[][],
    private readonly changed: readonly Int32Array[],
    private readonly recent: readonly RecentArrivals[],
    private readonly circleKinds: ReadonlyMap<number, { keys: string[]; counts: Int32Array }>,
    private readonly hubFigs: { ids: number[]; local: Int32Array; degree: Int32Array },
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
    const monthEnd = asOf.length === 10 && asOf.slice(8) === '31';
    const listM = Math.min(monthEnd ? mC : mC - 1, this.lastMonth);
    if (listM < this.firstMonth) return null;
    const list = this.lists[s]![listM - this.firstMonth]!;
    const ids = new Set<number>(list.ids);
    for (let m = listM + 1; m <= Math.min(mC, this.lastMonth); m++) for (const c of this.changed[m - this.firstMonth]!) ids.add(c);
    const atMonthEnd = listM === mC && monthEndCursor(listM) === asOf;
    return {
      ids: [...ids],
      bound: list.bound,
      listCursor: monthEndCursor(listM),
      recent: atMonthEnd ? (this.recent[listM - this.firstMonth] ?? null) : null,
      circles: atMonthEnd ? this.circlesAt(listM - this.firstMonth) : null,
      hubs: atMonthEnd ? this.hubsAt(listM - this.firstMonth) : null,
    };
  }

  /**
   * The firms among which the statement's gap picks at `asOf` are, for every segment (node ids by
   * segment id): the picks of the last month end at or before it (`CandidateListsBuilder.gapPicks`).
   * The same for every scope (district, chain, an anchor's circle). Null before the first month end.
   */
  gapPicksAt(asOf: string): Record<string, number[]> | null {
    const mC = monthIndex(asOf);
    const monthEnd = asOf.length === 10 && asOf.slice(8) === '31';
    const listM = Math.min(monthEnd ? mC : mC - 1, this.lastMonth);
    if (listM < this.firstMonth) return null;
    const row = this.picks.picks[listM - this.firstMonth]!;
    const out: Record<string, number[]> = {};
    this.picks.segIds.forEach((sid, j) => {
      out[sid] = Array.from(row[j]!);
    });
    return out;
  }

  private hubsAt(i: number): Record<string, [number, number]> {
    const { ids, local, degree } = this.hubFigs;
    const out: Record<string, [number, number]> = {};
    ids.forEach((z, h) => {
      out[String(z)] = [degree[i * ids.length + h]!, local[i * ids.length + h]!];
    });
    return out;
  }

  private circlesAt(i: number): Record<string, CircleKinds> {
    const out: Record<string, CircleKinds> = {};
    for (const [anchor, { keys, counts }] of this.circleKinds) {
      const c: CircleKinds = { n: 0, segs: [], segN: [], origins: [], originN: [] };
      keys.forEach((key, k) => {
        const n = counts[i * keys.length + k]!;
        if (n === 0) return;
        if (key === 'n') c.n = n;
        else if (key.startsWith('s')) {
          c.segs.push(JSON.parse(key.slice(1)) as string[]);
          c.segN.push(n);
        } else {
          c.origins.push(key.slice(1));
          c.originN.push(n);
        }
      });
      if (c.n > 0) out[String(anchor)] = c;
    }
    return out;
  }

  /** Kept node ids over every month and scope (memory, logs). */
  get kept(): number {
    let x = 0;
    for (const l of this.lists) for (const m of l) x += m.ids.length;
    for (const c of this.changed) x += c.length;
    return x;
  }
}
