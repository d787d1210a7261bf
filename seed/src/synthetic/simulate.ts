import { Prng, cumulative } from './prng.ts';

/** What the simulation needs to know about the chains: segments (upstream first per chain) and FEEDS. */
export interface SegmentInfo {
  id: string;
  chainId: string;
}

export interface SimInput {
  enterprises: number;
  seed: number;
  segments: readonly SegmentInfo[];
  /** FEEDS edges as [from index, to index] into `segments`. */
  feeds: readonly [number, number][];
  cities: number;
  cityWeights: readonly number[];
}

export const MONTHS = 132; // 2014-01 … 2024-12
export const TIE_SUPPLIES = 0;
export const TIE_PARTNER = 1;

/** The simulated district: per-firm arrays (index = firm) and the tie list. */
export interface SimResult {
  n: number;
  anchors: number[];
  isAnchor: Uint8Array;
  isGroup: Uint8Array;
  seg: Int16Array;
  origin: Int16Array;
  appear: Int16Array;
  landed: Int16Array; // month, -1 = never
  signed: Int16Array;
  groupOf: Int32Array; // group firm index, -1 = none
  attractedBy: Int32Array; // anchor index, -1 = none
  tieFrom: Int32Array;
  tieTo: Int32Array;
  tieType: Uint8Array;
  tieWeight: Float32Array;
  tieSince: Int16Array;
  ties: number;
  /** Landers (not anchors) that had no tie to a local firm when they landed. */
  landedWithoutLocalTies: number;
  /** Firms that never land by design although they have many ties (the supply-driven process's hubs). */
  hubs?: number[];
}

/** Tunables of the hazard (docs/SYNTHETIC.md explains each). */
export const HAZARD = { base: 0.004, anchor: 3.0, local: 1.0, gap: 2.5, similarity: 1.5 };
export const LAND_SHARE = 0.7;
export const TIES_PER_FIRM = 3.5;
/** Share of new ties that go straight to an anchor of the firm's chain (the circle of friends). */
export const ANCHOR_SEEKING = 0.12;

/**
 * Runs the month-by-month process of docs/SYNTHETIC.md. Pure and deterministic in (input, seed).
 */
export function simulate(inp: SimInput): SimResult {
  const rng = new Prng(inp.seed);
  const N = inp.enterprises;
  const S = inp.segments.length;
  const segW = cumulative(inp.segments.map(() => Math.exp(rng.normal() * 0.9)));
  const cityW = cumulative(inp.cityWeights);
  const downstream: number[][] = inp.segments.map(() => []);
  const upstream: number[][] = inp.segments.map(() => []);
  for (const [a, b] of inp.feeds) {
    downstream[a]?.push(b);
    upstream[b]?.push(a);
  }
  const sameChain: number[][] = inp.segments.map((s) => inp.segments.flatMap((t, j) => (t.chainId === s.chainId ? [j] : [])));

  const A = Math.min(60, Math.max(8, Math.round(Math.sqrt(N) / 8)));
  const G = Math.max(5, Math.round(N * 0.015));
  const isAnchor = new Uint8Array(N);
  const isGroup = new Uint8Array(N);
  const seg = new Int16Array(N);
  const origin = new Int16Array(N);
  const appear = new Int16Array(N);
  const landed = new Int16Array(N).fill(-1);
  const signed = new Int16Array(N).fill(-1);
  const groupOf = new Int32Array(N).fill(-1);
  const attractedBy = new Int32Array(N).fill(-1);
  const pull = new Float32Array(N);
  const fitness = new Int16Array(N).fill(1);
  const anchorW = new Float64Array(N);
  const localW = new Float64Array(N);
  const bestAnchor = new Int32Array(N).fill(-1);
  const bestAnchorW = new Float64Array(N);

  // Anchors: firms 0..A-1, spread over the segments (weighted, distinct first), landing 2014–2016.
  const anchors: number[] = [];
  const segOrder = [...Array(S).keys()].map((i) => ({ i, k: Math.log(1 - rng.next()) / ((segW[i] ?? 0) - (segW[i - 1] ?? 0)) })).sort((x, y) => y.k - x.k);
  const anchorSegs = segOrder.slice(0, Math.ceil(S * 0.6)).map((x) => x.i);
  for (let a = 0; a < A; a++) {
    isAnchor[a] = 1;
    seg[a] = a < anchorSegs.length ? (anchorSegs[a] as number) : rng.pick(anchorSegs);
    origin[a] = rng.weighted(cityW);
    appear[a] = 0;
    pull[a] = 1;
    anchors.push(a);
  }
  const anchorLand = anchors.map(() => rng.int(36)).sort((x, y) => x - y);
  // Groups: the next G firms; they never land and form no supply ties, only hold units.
  for (let g = A; g < A + G; g++) {
    isGroup[g] = 1;
    seg[g] = rng.weighted(segW);
    origin[g] = rng.weighted(cityW);
    appear[g] = 0;
  }
  for (let i = A + G; i < N; i++) {
    seg[i] = rng.weighted(segW);
    origin[i] = rng.weighted(cityW);
    appear[i] = rng.int(36);
    fitness[i] = 1 + Math.min(60, Math.floor(Math.exp(rng.normal() * 1.2)));
    const u = rng.next();
    // Most firms look elsewhere; a few are drawn to the district. Big outside players (high
    // fitness) mostly deal with each other: high degree, few local ties.
    pull[i] = u * u * ((fitness[i] as number) > 6 ? 0.25 : 1);
  }
  // Units of groups: preferential by group size.
  const groupTickets: number[] = [];
  for (let g = A; g < A + G; g++) groupTickets.push(g);
  for (let i = A + G; i < N; i++) {
    if (rng.next() < 0.3) {
      const g = rng.pick(groupTickets);
      groupOf[i] = g;
      groupTickets.push(g);
    }
  }

  // Preferential attachment: a firm appears in its segment's pool once per "ticket"; a draw from
  // the pool is a draw proportional to tickets. Fitness gives a heavy-tailed head start, every new
  // tie adds a ticket to both ends.
  const pool: number[][] = inp.segments.map(() => []);
  const byAppear = [...Array(N).keys()].filter((i) => !isGroup[i]).sort((x, y) => (appear[x] as number) - (appear[y] as number) || x - y);
  const appeared: number[] = [];
  let nextAppear = 0;
  const tickets = new Int32Array(N);
  const addTickets = (i: number, k: number): void => {
    tickets[i] = (tickets[i] as number) + k;
    const p = pool[seg[i] as number] as number[];
    for (let j = 0; j < k; j++) p.push(i);
  };

  const maxTies = Math.ceil(N * TIES_PER_FIRM) + 16;
  const tieFrom = new Int32Array(maxTies);
  const tieTo = new Int32Array(maxTies);
  const tieType = new Uint8Array(maxTies);
  const tieWeight = new Float32Array(maxTies);
  const tieSince = new Int16Array(maxTies);
  let ties = 0;
  const pairs = new Set<number>();
  const adj: number[][] = Array.from({ length: N }, () => []);

  const anchorsOfChain: number[][] = inp.segments.map((sg) => anchors.filter((a) => inp.segments[seg[a] as number]?.chainId === sg.chainId));
  const localCount = new Int32Array(S);
  const few = Math.max(3, N / 3000);
  const followers = anchors.map(() => ({ total: 0, seg: new Int32Array(S), origin: new Int32Array(inp.cities) }));

  const isLocal = (i: number): boolean => landed[i] !== -1;
  /** Credits `j` (outside) with a tie of weight w to `i`, which is local. */
  const credit = (j: number, i: number, w: number): void => {
    if (isLocal(j)) return;
    if (isAnchor[i]) {
      anchorW[j] = (anchorW[j] as number) + w;
      if (w > (bestAnchorW[j] as number)) {
        bestAnchorW[j] = w;
        bestAnchor[j] = i;
      }
    } else localW[j] = (localW[j] as number) + w;
  };
  let landedWithoutLocalTies = 0;
  const land = (i: number, t: number): void => {
    if (!isAnchor[i] && (anchorW[i] as number) + (localW[i] as number) === 0) landedWithoutLocalTies++;
    landed[i] = t;
    signed[i] = Math.max(0, t - rng.int(4));
    localCount[seg[i] as number] = (localCount[seg[i] as number] as number) + 1;
    const a = bestAnchor[i] as number;
    if (a >= 0 && !isAnchor[i]) {
      attractedBy[i] = a;
      const f = followers[a];
      if (f) {
        f.total++;
        f.seg[seg[i] as number] = (f.seg[seg[i] as number] as number) + 1;
        f.origin[origin[i] as number] = (f.origin[origin[i] as number] as number) + 1;
      }
    }
    for (const k of adj[i] as number[]) {
      const j = tieFrom[k] === i ? (tieTo[k] as number) : (tieFrom[k] as number);
      credit(j, i, tieWeight[k] as number);
    }
  };

  // Ties per month: proportional to how many firms have appeared.
  let firmMonths = 0;
  for (let t = 0; t < MONTHS; t++) firmMonths += byAppear.filter((i) => (appear[i] as number) <= t).length;
  const q = (N * TIES_PER_FIRM * 0.97) / Math.max(1, firmMonths);

  const nonAnchorLanders = Math.round(LAND_SHARE * N) - A;
  const logistic = (t: number): number => 1 / (1 + Math.exp(-(t - 70) / 20));
  const [l0, l1] = [logistic(0), logistic(MONTHS - 1)];
  let landedNonAnchor = 0;
  let anchorPtr = 0;

  for (let t = 0; t < MONTHS; t++) {
    while (nextAppear < byAppear.length && (appear[byAppear[nextAppear] as number] as number) <= t) {
      const i = byAppear[nextAppear++] as number;
      appeared.push(i);
      addTickets(i, isAnchor[i] ? 40 : (fitness[i] as number));
    }
    // 1. Landing, on the ties as they stood at the end of last month (so since < landedOn).
    while (anchorPtr < A && (anchorLand[anchorPtr] as number) <= t) land(anchors[anchorPtr++] as number, t);
    const quota = Math.round((nonAnchorLanders * (logistic(t) - l0)) / (l1 - l0)) - landedNonAnchor;
    if (quota > 0) {
      const keys: { i: number; k: number }[] = [];
      for (const i of appeared) {
        if (isAnchor[i] || isLocal(i)) continue;
        const s = seg[i] as number;
        let h = HAZARD.base + HAZARD.anchor * (anchorW[i] as number) + HAZARD.local * (localW[i] as number);
        h *= 1 + HAZARD.gap * Math.exp(-(localCount[s] as number) / few);
        const a = bestAnchor[i] as number;
        const f = a >= 0 ? followers[a] : undefined;
        if (f && f.total > 0) h *= 1 + (HAZARD.similarity * ((f.seg[s] as number) + (f.origin[origin[i] as number] as number))) / (2 * f.total);
        keys.push({ i, k: Math.log(1 - rng.next()) / h }); // Efraimidis–Spirakis weighted sampling
      }
      keys.sort((x, y) => y.k - x.k || x.i - y.i);
      for (const { i } of keys.slice(0, quota)) land(i, t);
      landedNonAnchor += Math.min(quota, keys.length);
    }
    // 2. New ties this month.
    const k = Math.round(q * appeared.length);
    for (let n = 0; n < k && ties < maxTies; n++) {
      const s = appeared[rng.int(appeared.length)] as number;
      const type = rng.next() < 0.6 ? TIE_SUPPLIES : TIE_PARTNER;
      const ss = seg[s] as number;
      let ts: number;
      if (type === TIE_SUPPLIES) {
        const down = rng.next() < 0.5;
        const opts = down ? (downstream[ss] as number[]) : (upstream[ss] as number[]);
        ts = opts.length ? rng.pick(opts) : ss;
      } else ts = rng.next() < 0.7 ? ss : rng.pick(sameChain[ss] as number[]);
      const wantLocal = isLocal(s) ? rng.next() < 0.75 : rng.next() < (pull[s] as number);
      // A local firm reaching out picks outside firms without regard to their size (it courts
      // partners, not hubs): the big outside players keep their ties mostly among themselves.
      const flat = isLocal(s) && !wantLocal;
      const p = pool[ts] as number[];
      if (p.length === 0) continue;
      let target = -1;
      // The circle of friends: some ties go straight to an anchor of the firm's chain, whatever the
      // segment (more often for firms drawn to the district).
      const chainAnchors = anchorsOfChain[ss] as number[];
      if (chainAnchors.length > 0 && rng.next() < ANCHOR_SEEKING * (wantLocal ? 1.5 : 0.5)) {
        const c = rng.pick(chainAnchors);
        if (c !== s && (isLocal(c) || !wantLocal)) target = c;
      }
      for (let tries = 0; target < 0 && tries < (flat ? 24 : 8); tries++) {
        const c = p[rng.int(p.length)] as number;
        if (flat && rng.next() * (tickets[c] as number) > 1) continue;
        if (c !== s && (isLocal(c) === wantLocal || tries === (flat ? 23 : 7))) target = c;
      }
      if (target < 0) continue;
      const key = Math.min(s, target) * N + Math.max(s, target);
      if (pairs.has(key)) continue;
      pairs.add(key);
      const w = Math.round((0.2 + 0.8 * rng.next()) * 100) / 100;
      // Supplies run upstream → downstream: along FEEDS, or by segment order within a chain;
      // between unrelated segments a tie is a partnership.
      const tsg = seg[target] as number;
      const sameChainTie = inp.segments[tsg]?.chainId === inp.segments[ss]?.chainId;
      const sFirst = downstream[ss]?.includes(tsg) || (sameChainTie && ss <= tsg && !upstream[ss]?.includes(tsg));
      const supplies = type === TIE_SUPPLIES && (sameChainTie || downstream[ss]?.includes(tsg) || upstream[ss]?.includes(tsg));
      const [from, to] = !supplies || sFirst ? [s, target] : [target, s];
      tieFrom[ties] = from;
      tieTo[ties] = to;
      tieType[ties] = supplies ? TIE_SUPPLIES : TIE_PARTNER;
      tieWeight[ties] = w;
      tieSince[ties] = t;
      adj[s]?.push(ties);
      adj[target]?.push(ties);
      ties++;
      addTickets(s, 1);
      addTickets(target, 1);
      if (isLocal(target)) credit(s, target, w);
      if (isLocal(s)) credit(target, s, w);
    }
  }
  return { n: N, anchors, isAnchor, isGroup, seg, origin, appear, landed, signed, groupOf, attractedBy, tieFrom, tieTo, tieType, tieWeight, tieSince, ties, landedWithoutLocalTies };
}
