import { intColumn } from './column.ts';
import { keepForCursor } from './cursorsKept.ts';
import { SIMILARITY_WINDOW_MONTHS, monthsBefore } from './scoring.ts';

/**
 * The district ranking's three counts that change with the cursor but not with the candidate —
 * the recent arrivals' histograms, every anchor's followers by kind, every hub's ties begun and ties
 * to local firms — at any cursor, month end or day, from one walk's compact columns
 * (candidateListsBuild.ts feeds them). The statement counts the same live, reading 180k arrivals,
 * 120k followers and 430k hub ties at 1M firms (2.4 M, 2.2 M and 2.5 M db hits); here it is a loop
 * over typed arrays, a few milliseconds. Exact under the model's AsOf rule: dates compare as the
 * strings do (`dayKey`).
 */

/** Never (a firm with no landing date never lands; one with no leaving date never leaves). */
const MAX = 0x7fffffff;

/**
 * A date prefix as a number that orders as the ISO strings do under the AsOf rule's string
 * comparisons: "2022" → 20220000, "2022-06" → 20220600, "2022-06-15" → 20220615 (a shorter prefix
 * sorts before every longer string it starts, and parts are never 00). Null: `ifNull`.
 */
export function dayKey(iso: string | null, ifNull: number = MAX): number {
  if (iso === null) return ifNull;
  const y = Number(iso.slice(0, 4));
  const m = iso.length >= 7 ? Number(iso.slice(5, 7)) : 0;
  const d = iso.length >= 10 ? Number(iso.slice(8, 10)) : 0;
  return y * 10000 + m * 100 + d;
}

/** An anchor's followers at a cursor, counted by kind: in all, per set of segments, per origin. */
export interface CircleKinds {
  n: number;
  segs: string[][];
  segN: number[];
  origins: string[];
  originN: number[];
}

/** The ranking's recent arrivals at a cursor: how many by segment and by origin (similarity). */
export interface RecentArrivals {
  segCounts: { key: string; n: number }[];
  segMax: number | null;
  originCounts: { key: string; n: number }[];
  originMax: number | null;
}

export interface CursorFiguresAt {
  recent: RecentArrivals;
  /** Anchor node id → its followers by kind (anchors with none left out). */
  circles: Record<string, CircleKinds>;
  /** Hub node id → [ties begun, ties to firms local at the cursor]. */
  hubs: Record<string, [number, number]>;
}

/** Strings to small integers and back. */
class Names {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.names.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }
}

/** What the walk gives of one firm (the same row as the candidate lists'). */
export interface FigureFirm {
  nid: number;
  landedOn: string | null;
  leftOn: string | null;
  segments?: readonly string[];
  origin?: string | null;
  attractedBy?: readonly { anchor: number; since: string | null }[];
  /** A hub's ties to firms: the other end's node id and the tie's start. */
  hubTies?: readonly { other: number; since: string | null }[];
}

export class CursorFiguresBuilder {
  private readonly firmDays = new Map<number, [number, number]>();
  private readonly segNames = new Names();
  private readonly originNames = new Names();
  private readonly segSets = new Names();
  // Recent arrivals: one entry per (landed firm, segment) — or (firm, none) — as the statement's rows.
  private readonly aLand = intColumn();
  private readonly aLeft = intColumn();
  private readonly aSeg = intColumn();
  private readonly aOrigin = intColumn();
  // Followers: one entry per ATTRACTED tie from an anchor to a landed firm.
  private readonly fAnchor = intColumn();
  private readonly fSince = intColumn();
  private readonly fLand = intColumn();
  private readonly fLeft = intColumn();
  private readonly fSegs = intColumn();
  private readonly fOrigin = intColumn();
  // Hub ties: one entry per tie of a hub, from its side.
  private readonly hubIds: number[] = [];
  private readonly hHub = intColumn();
  private readonly hOther = intColumn();
  private readonly hSince = intColumn();

  add(f: FigureFirm): void {
    const land = dayKey(f.landedOn);
    const left = dayKey(f.leftOn);
    this.firmDays.set(f.nid, [land, left]);
    const origin = f.origin ? this.originNames.of(f.origin) : -1;
    if (f.landedOn !== null && f.segments) {
      for (const s of f.segments.length > 0 ? f.segments : [null]) {
        this.aLand.push(land);
        this.aLeft.push(left);
        this.aSeg.push(s === null ? -1 : this.segNames.of(s));
        this.aOrigin.push(origin);
      }
    }
    if (f.landedOn !== null) {
      const segs = this.segSets.of(JSON.stringify([...(f.segments ?? [])].sort()));
      for (const a of f.attractedBy ?? []) {
        this.fAnchor.push(a.anchor);
        this.fSince.push(dayKey(a.since, 0));
        this.fLand.push(land);
        this.fLeft.push(left);
        this.fSegs.push(segs);
        this.fOrigin.push(origin);
      }
    }
    if (f.hubTies) {
      const h = this.hubIds.push(f.nid) - 1;
      for (const t of f.hubTies) {
        this.hHub.push(h);
        this.hOther.push(t.other);
        this.hSince.push(dayKey(t.since, 0));
      }
    }
  }

  build(): CursorFigures {
    // Arrivals sorted by landing, so a cursor's window is a slice.
    const aLand = this.aLand.done();
    const order = Int32Array.from({ length: aLand.length }, (_, i) => i).sort((x, y) => aLand[x]! - aLand[y]!);
    const pick = (c: Int32Array): Int32Array => Int32Array.from(order, (i) => c[i]!);
    // The other ends' days, looked up once per hub tie now rather than per request.
    const hOther = this.hOther.done();
    const hLand = new Int32Array(hOther.length);
    const hLeft = new Int32Array(hOther.length);
    hOther.forEach((o, i) => {
      const d = this.firmDays.get(o);
      hLand[i] = d ? d[0] : MAX;
      hLeft[i] = d ? d[1] : MAX;
    });
    return new CursorFigures(
      { land: pick(aLand), left: pick(this.aLeft.done()), seg: pick(this.aSeg.done()), origin: pick(this.aOrigin.done()) },
      { anchor: this.fAnchor.done(), since: this.fSince.done(), land: this.fLand.done(), left: this.fLeft.done(), segs: this.fSegs.done(), origin: this.fOrigin.done() },
      { ids: this.hubIds, hub: this.hHub.done(), since: this.hSince.done(), land: hLand, left: hLeft },
      { segs: this.segNames.names, origins: this.originNames.names, segSets: this.segSets.names.map((s) => JSON.parse(s) as string[]) },
    );
  }
}

export class CursorFigures {
  private readonly cache = new Map<string, CursorFiguresAt>();

  constructor(
    private readonly arrivals: { land: Int32Array; left: Int32Array; seg: Int32Array; origin: Int32Array },
    private readonly followers: { anchor: Int32Array; since: Int32Array; land: Int32Array; left: Int32Array; segs: Int32Array; origin: Int32Array },
    private readonly hubTies: { ids: number[]; hub: Int32Array; since: Int32Array; land: Int32Array; left: Int32Array },
    private readonly names: { segs: string[]; origins: string[]; segSets: string[][] },
  ) {}

  /** The three counts at `cursor` (a full date, the end of its period), as the statement counts them. */
  at(cursor: string): CursorFiguresAt {
    const hit = this.cache.get(cursor);
    if (hit) return hit;
    const x = dayKey(cursor);
    const out = { recent: this.recentAt(cursor, x), circles: this.circlesAt(x), hubs: this.hubsAt(x) };
    return keepForCursor(this.cache, cursor, out);
  }

  /** Every anchor's followers by kind at `cursor` alone (an anchor's circle needs no other count): from the cache when the three are there. */
  followersAt(cursor: string): Record<string, CircleKinds> {
    const hit = this.cache.get(cursor)?.circles ?? this.followersCache.get(cursor);
    if (hit) return hit;
    return keepForCursor(this.followersCache, cursor, this.circlesAt(dayKey(cursor)));
  }

  /** The followers of the last cursors asked for alone (an anchor's circle asks again at each cursor). */
  private readonly followersCache = new Map<string, Record<string, CircleKinds>>();

  /** Landed after the window's start, by the cursor, and not left by it: `r.landedOn > $recentFrom AND nodeAtCursor(r)`. */
  private recentAt(cursor: string, x: number): RecentArrivals {
    const { land, left, seg, origin } = this.arrivals;
    const from = dayKey(monthsBefore(cursor, SIMILARITY_WINDOW_MONTHS));
    let lo = 0;
    let hi = land.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (land[mid]! > from) hi = mid;
      else lo = mid + 1;
    }
    const segN = new Map<number, number>();
    const orgN = new Map<number, number>();
    for (let i = lo; i < land.length && land[i]! <= x; i++) {
      if (left[i]! <= x) continue;
      const s = seg[i]!;
      const o = origin[i]!;
      if (s >= 0) segN.set(s, (segN.get(s) ?? 0) + 1);
      if (o >= 0) orgN.set(o, (orgN.get(o) ?? 0) + 1);
    }
    const hist = (h: Map<number, number>, names: string[]) => [...h].map(([k, n]) => ({ key: names[k]!, n }));
    const max = (h: Map<number, number>) => (h.size === 0 ? null : Math.max(...h.values()));
    return { segCounts: hist(segN, this.names.segs), segMax: max(segN), originCounts: hist(orgN, this.names.origins), originMax: max(orgN) };
  }

  /** Followers: the ATTRACTED tie begun by the cursor (`rel`), the firm landed and not left (`node`). */
  private circlesAt(x: number): Record<string, CircleKinds> {
    const { anchor, since, land, left, segs, origin } = this.followers;
    const by = new Map<number, { n: number; segs: Map<number, number>; origins: Map<number, number> }>();
    for (let i = 0; i < anchor.length; i++) {
      if (since[i]! > x || land[i]! > x || left[i]! <= x) continue;
      let c = by.get(anchor[i]!);
      if (!c) by.set(anchor[i]!, (c = { n: 0, segs: new Map(), origins: new Map() }));
      c.n += 1;
      c.segs.set(segs[i]!, (c.segs.get(segs[i]!) ?? 0) + 1);
      if (origin[i]! >= 0) c.origins.set(origin[i]!, (c.origins.get(origin[i]!) ?? 0) + 1);
    }
    const out: Record<string, CircleKinds> = {};
    for (const [a, c] of by) {
      out[String(a)] = {
        n: c.n,
        segs: [...c.segs.keys()].map((k) => this.names.segSets[k]!),
        segN: [...c.segs.values()],
        origins: [...c.origins.keys()].map((k) => this.names.origins[k]!),
        originN: [...c.origins.values()],
      };
    }
    return out;
  }

  /** A hub's ties begun by the cursor, and those whose other end is local then (Adamic–Adar's dz and nl). */
  private hubsAt(x: number): Record<string, [number, number]> {
    const { ids, hub, since, land, left } = this.hubTies;
    const deg = new Int32Array(ids.length);
    const local = new Int32Array(ids.length);
    for (let i = 0; i < hub.length; i++) {
      if (since[i]! > x) continue;
      deg[hub[i]!]! += 1;
      if (land[i]! <= x && left[i]! > x) local[hub[i]!]! += 1;
    }
    const out: Record<string, [number, number]> = {};
    ids.forEach((z, h) => {
      out[String(z)] = [deg[h]!, local[h]!];
    });
    return out;
  }

  /** Entries held (memory, logs). */
  get entries(): number {
    return this.arrivals.land.length + this.followers.anchor.length + this.hubTies.hub.length;
  }
}
