import { Prng, cumulative } from './prng.ts';
import { MONTHS, TIE_PARTNER, TIE_SUPPLIES, type SimInput, type SimResult } from './simulate.ts';

/**
 * Tunables of the supply-driven process (docs/SYNTHETIC.md, "A second process"). A firm's monthly
 * chance to land is 1 − exp(−rate · readiness · (base + pull of its local ties) · (1 + gap · empty)),
 * decided for each firm on its own (no landing quota).
 */
export const SUPPLY = {
  /** Pull of a tie to a local firm, by kind: the firm supplies a local customer, buys from a local supplier, partners. */
  suppliesLocal: 1.0,
  buysFromLocal: 0.5,
  partnerLocal: 0.25,
  /** A firm with no local tie still lands now and then (noise). */
  base: 0.03,
  /** Boost when the firm's segment has no local firm yet; `thin` below: boost that fades with few local firms. */
  gap: 3.0,
  thin: 1.0,
  /** Monthly rate that scales every firm's chance. */
  rate: 0.05,
  /** Share of firms that are hubs: big national suppliers with many ties, local ones too, that never move in. */
  hubShare: 0.01,
  /** Tickets a hub holds in its segment's pool (an ordinary firm 1–8, an anchor 30). */
  hubTickets: 60,
  anchorTickets: 30,
  tiesPerFirm: 3.5,
  suppliesShare: 0.7,
};

/**
 * A second arrival process of another design than `simulate` (the hazard model), for checking that
 * the recruitment ranking generalises: firms land on their own (an independent monthly chance, no
 * landing curve), drawn mostly by *supply* ties to local firms — selling to a local customer pulls
 * hardest, buying from a local supplier half as much, a partnership a quarter — and by empty
 * segments; anchors matter only as local firms with many ties (no anchor term, no resemblance term);
 * every firm has a hidden readiness (log-normal noise) that no factor can see; and 1 % of the firms
 * are hubs: big suppliers with a great many ties, local ones among them, that never land. Firms
 * appear over five years (not three). Same output as `simulate` (the same arrays), so the records,
 * the importer and the ranking work unchanged. Pure and deterministic in (input, seed).
 */
export function simulateSupplyDriven(inp: SimInput): SimResult {
  const rng = new Prng(inp.seed ^ 0x50bb1e);
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
  const H = Math.max(3, Math.round(N * SUPPLY.hubShare));
  const isAnchor = new Uint8Array(N);
  const isGroup = new Uint8Array(N);
  const isHub = new Uint8Array(N);
  const seg = new Int16Array(N);
  const origin = new Int16Array(N);
  const appear = new Int16Array(N);
  const landed = new Int16Array(N).fill(-1);
  const signed = new Int16Array(N).fill(-1);
  const groupOf = new Int32Array(N).fill(-1);
  const attractedBy = new Int32Array(N).fill(-1);
  const pull = new Float32Array(N);
  const ready = new Float32Array(N);
  const fitness = new Int16Array(N).fill(1);
  const tiePull = new Float64Array(N);
  const bestAnchor = new Int32Array(N).fill(-1);
  const bestAnchorW = new Float64Array(N);

  // Anchors: firms 0..A-1 on distinct popular segments first, landing 2014–2016.
  const anchors: number[] = [];
  const segOrder = [...Array(S).keys()].map((i) => ({ i, k: Math.log(1 - rng.next()) / ((segW[i] ?? 0) - (segW[i - 1] ?? 0)) })).sort((x, y) => y.k - x.k);
  const anchorSegs = segOrder.slice(0, Math.ceil(S * 0.6)).map((x) => x.i);
  for (let a = 0; a < A; a++) {
    isAnchor[a] = 1;
    seg[a] = a < anchorSegs.length ? (anchorSegs[a] as number) : rng.pick(anchorSegs);
    origin[a] = rng.weighted(cityW);
    anchors.push(a);
  }
  const anchorLand = anchors.map(() => rng.int(36)).sort((x, y) => x - y);
  for (let g = A; g < A + G; g++) {
    isGroup[g] = 1;
    seg[g] = rng.weighted(segW);
    origin[g] = rng.weighted(cityW);
  }
  for (let i = A + G; i < N; i++) {
    seg[i] = rng.weighted(segW);
    origin[i] = rng.weighted(cityW);
    appear[i] = rng.int(60);
    ready[i] = Math.exp(rng.normal() * 0.8);
    if (i < A + G + H) {
      // Hubs: there from the start, many tickets, seldom seeking local partners, never landing.
      isHub[i] = 1;
      appear[i] = 0;
      fitness[i] = SUPPLY.hubTickets;
      pull[i] = 0.15;
    } else {
      fitness[i] = 1 + Math.min(7, Math.floor(Math.exp(rng.normal() * 0.8)));
      pull[i] = rng.next();
    }
  }
  const groupTickets: number[] = [];
  for (let g = A; g < A + G; g++) groupTickets.push(g);
  for (let i = A + G + H; i < N; i++) {
    if (rng.next() < 0.3) {
      const g = rng.pick(groupTickets);
      groupOf[i] = g;
      groupTickets.push(g);
    }
  }

  const pool: number[][] = inp.segments.map(() => []);
  const byAppear = [...Array(N).keys()].filter((i) => !isGroup[i]).sort((x, y) => (appear[x] as number) - (appear[y] as number) || x - y);
  const appeared: number[] = [];
  let nextAppear = 0;
  const addTickets = (i: number, k: number): void => {
    const p = pool[seg[i] as number] as number[];
    for (let j = 0; j < k; j++) p.push(i);
  };

  const maxTies = Math.ceil(N * SUPPLY.tiesPerFirm) + 16;
  const tieFrom = new Int32Array(maxTies);
  const tieTo = new Int32Array(maxTies);
  const tieType = new Uint8Array(maxTies);
  const tieWeight = new Float32Array(maxTies);
  const tieSince = new Int16Array(maxTies);
  let ties = 0;
  const pairs = new Set<number>();
  const adj: number[][] = Array.from({ length: N }, () => []);
  const localCount = new Int32Array(S);
  const few = Math.max(2, N / 5000);
  const isLocal = (i: number): boolean => landed[i] !== -1;

  /** The pull that tie k gives `j` (outside) towards the district, now that its other end is local. */
  const credit = (j: number, k: number): void => {
    if (isLocal(j)) return;
    const other = tieFrom[k] === j ? (tieTo[k] as number) : (tieFrom[k] as number);
    const w = tieWeight[k] as number;
    const kind = tieType[k] === TIE_PARTNER ? SUPPLY.partnerLocal : tieFrom[k] === j ? SUPPLY.suppliesLocal : SUPPLY.buysFromLocal;
    tiePull[j] = (tiePull[j] as number) + kind * w;
    if (isAnchor[other] && w > (bestAnchorW[j] as number)) {
      bestAnchorW[j] = w;
      bestAnchor[j] = other;
    }
  };
  let landedWithoutLocalTies = 0;
  const land = (i: number, t: number): void => {
    if (!isAnchor[i] && (tiePull[i] as number) === 0) landedWithoutLocalTies++;
    landed[i] = t;
    signed[i] = Math.max(0, t - rng.int(4));
    localCount[seg[i] as number] = (localCount[seg[i] as number] as number) + 1;
    if (!isAnchor[i] && (bestAnchor[i] as number) >= 0) attractedBy[i] = bestAnchor[i] as number;
    for (const k of adj[i] as number[]) credit(tieFrom[k] === i ? (tieTo[k] as number) : (tieFrom[k] as number), k);
  };

  let firmMonths = 0;
  for (let t = 0; t < MONTHS; t++) firmMonths += byAppear.filter((i) => (appear[i] as number) <= t).length;
  const q = (N * SUPPLY.tiesPerFirm * 0.97) / Math.max(1, firmMonths);
  let anchorPtr = 0;

  for (let t = 0; t < MONTHS; t++) {
    while (nextAppear < byAppear.length && (appear[byAppear[nextAppear] as number] as number) <= t) {
      const i = byAppear[nextAppear++] as number;
      appeared.push(i);
      addTickets(i, isAnchor[i] ? SUPPLY.anchorTickets : (fitness[i] as number));
    }
    // 1. Landing, on the ties as they stood at the end of last month (so since < landedOn): each
    //    outside firm on its own chance, decided in a fixed order.
    while (anchorPtr < A && (anchorLand[anchorPtr] as number) <= t) land(anchors[anchorPtr++] as number, t);
    const landing: number[] = [];
    for (const i of appeared) {
      if (isAnchor[i] || isHub[i] || isLocal(i)) continue;
      const n = localCount[seg[i] as number] as number;
      const gap = n === 0 ? SUPPLY.gap : SUPPLY.thin * Math.exp(-n / few);
      const h = (ready[i] as number) * (SUPPLY.base + (tiePull[i] as number)) * (1 + gap);
      if (rng.next() < 1 - Math.exp(-SUPPLY.rate * h)) landing.push(i);
    }
    for (const i of landing) land(i, t);
    // 2. New ties this month: preferential attachment within the target segment, hubs first in line.
    const k = Math.round(q * appeared.length);
    for (let n = 0; n < k && ties < maxTies; n++) {
      const s = appeared[rng.int(appeared.length)] as number;
      const type = rng.next() < SUPPLY.suppliesShare ? TIE_SUPPLIES : TIE_PARTNER;
      const ss = seg[s] as number;
      let ts: number;
      if (type === TIE_SUPPLIES) {
        const opts = rng.next() < 0.5 ? (downstream[ss] as number[]) : (upstream[ss] as number[]);
        ts = opts.length ? rng.pick(opts) : ss;
      } else ts = rng.next() < 0.7 ? ss : rng.pick(sameChain[ss] as number[]);
      const wantLocal = isLocal(s) ? rng.next() < 0.7 : rng.next() < (pull[s] as number);
      const p = pool[ts] as number[];
      if (p.length === 0) continue;
      let target = -1;
      for (let tries = 0; target < 0 && tries < 8; tries++) {
        const c = p[rng.int(p.length)] as number;
        if (c !== s && (isLocal(c) === wantLocal || tries === 7)) target = c;
      }
      if (target < 0) continue;
      const key = Math.min(s, target) * N + Math.max(s, target);
      if (pairs.has(key)) continue;
      pairs.add(key);
      const w = Math.round((0.2 + 0.8 * rng.next()) * 100) / 100;
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
      addTickets(s, 1);
      addTickets(target, 1);
      if (isLocal(target)) credit(s, ties);
      if (isLocal(s)) credit(target, ties);
      ties++;
    }
  }
  const hubs = [...Array(N).keys()].filter((i) => isHub[i]);
  return { n: N, anchors, isAnchor, isGroup, seg, origin, appear, landed, signed, groupOf, attractedBy, tieFrom, tieTo, tieType, tieWeight, tieSince, ties, landedWithoutLocalTies, hubs };
}
