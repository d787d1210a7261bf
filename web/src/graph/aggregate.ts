// The aggregated overview, pure: a district too large to draw firm by firm is drawn as one node per
// group (segment, park or district) and one edge per pair of groups with ties between their firms.
// Counts at any month come from the series loaded once (cumulated here once), so the timeline plays
// without asking the API again; positions depend on the groups alone, never on the cursor, so
// nothing reshuffles while it plays.
import type { OverviewGroups } from '../data/types.ts';
import { NO_GROUP } from '../data/overviewPlan.ts';
import type { Positions } from './positions.ts';

/** The zoom past which the group nearest the centre of the view opens (drill-down by zooming). */
export const DRILL_ZOOM = 2.6;

export const groupKey = (id: string | null | undefined): string => id ?? NO_GROUP;

export { AGGREGATE_THRESHOLD, drillFilter, NO_GROUP } from '../data/overviewPlan.ts';

export interface AggregateIndex {
  months: string[];
  /** Per group (by key): firms counting at the end of each month. */
  counts: Map<string, Int32Array>;
  /** Per pair (`source>target` keys): ties counting at the end of each month. */
  weights: Map<string, Int32Array>;
  /** The largest count any group reaches: node sizes are relative to it, so they stay put while the timeline plays. */
  maxCount: number;
  maxWeight: number;
}

export const tieId = (source: string | null | undefined, target: string | null | undefined): string => `agg:${groupKey(source)}>${groupKey(target)}`;

function cumulate(months: number, up: readonly number[], down: readonly number[]): Int32Array {
  const out = new Int32Array(months);
  let n = 0;
  for (let i = 0; i < months; i++) {
    n += (up[i] ?? 0) - (down[i] ?? 0);
    out[i] = n;
  }
  return out;
}

/** Cumulates every series once: a count at a month is then one array read. */
export function indexAggregate(data: OverviewGroups): AggregateIndex {
  const m = data.months.length;
  const counts = new Map<string, Int32Array>();
  let maxCount = 1;
  for (const g of data.groups) {
    counts.set(groupKey(g.id), cumulate(m, g.arrivals, g.departures));
    maxCount = Math.max(maxCount, g.count);
  }
  const weights = new Map<string, Int32Array>();
  let maxWeight = 1;
  for (const t of data.ties) {
    weights.set(tieId(t.source, t.target), cumulate(m, t.added, t.removed));
    maxWeight = Math.max(maxWeight, t.weight);
  }
  return { months: data.months, counts, weights, maxCount, maxWeight };
}

/** How many of its heaviest ties each group brings into the drawing (hovering a group shows all of its own). */
export const STRONG_TIES_PER_GROUP = 3;

/**
 * The ties drawn by default: each group's `perGroup` heaviest (either direction; ties of equal weight
 * by id, so the choice is the same at every visit). Thirty segments of a large district are tied
 * nearly pair by pair (869 of 870 pairs at 100k firms): every pair drawn is a grey mesh that hides
 * the chains' main flows, and costs the first draw and every pan. The choice depends on the whole
 * period's weights, never on the cursor, so nothing appears or vanishes but by its own count.
 */
export function strongTies(ties: readonly { source?: string | null; target?: string | null; weight: number }[], perGroup = STRONG_TIES_PER_GROUP): Set<string> {
  const byGroup = new Map<string, { id: string; weight: number }[]>();
  for (const t of ties) {
    const tie = { id: tieId(t.source, t.target), weight: t.weight };
    for (const g of new Set([groupKey(t.source), groupKey(t.target)])) {
      const list = byGroup.get(g);
      if (list) list.push(tie);
      else byGroup.set(g, [tie]);
    }
  }
  const out = new Set<string>();
  for (const list of byGroup.values()) {
    list.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const t of list.slice(0, perGroup)) if (t.weight > 0) out.add(t.id);
  }
  return out;
}

/** The index of the month a cursor reads (the last month at or before it), -1 before the first; null cursor: no cut. */
export function monthSlot(months: readonly string[], asOf: string | null): number | null {
  if (asOf === null) return null;
  let lo = 0;
  let hi = months.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((months[mid] ?? '') <= asOf) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/** A value at a slot: the no-cut value (`all`) for a null slot, 0 before the first month. */
export function valueAt(series: Int32Array | undefined, slot: number | null, all: number): number {
  if (slot === null) return all;
  if (slot < 0 || !series) return 0;
  return series[slot] ?? 0;
}

/** A group node's diameter for its count: by area, relative to the largest group. */
export function groupSize(count: number, maxCount: number): number {
  return count <= 0 ? 14 : Math.round(22 + 98 * Math.sqrt(count / Math.max(1, maxCount)));
}

/** An edge's width for its number of ties: logarithmic, so a few heavy pairs do not hide the rest. */
export function tieWidth(weight: number, maxWeight: number): number {
  return weight <= 0 ? 0 : Math.round((1 + 11 * Math.log1p(weight) / Math.log1p(Math.max(1, maxWeight))) * 10) / 10;
}

/** An edge's opacity for its number of ties: the few heavy pairs stand out of the many light ones. */
export function tieAlpha(weight: number, maxWeight: number): number {
  return Math.round((0.12 + 0.7 * Math.sqrt(Math.max(0, weight) / Math.max(1, maxWeight))) * 100) / 100;
}

/** The cell of the grid a group takes: wide enough for the largest node and its label. */
const CELL = 230;

/**
 * Fixed positions for the groups: segments one row per chain, upstream to downstream (the API's
 * chain and segment order); places in a square grid, the largest first. The firms with no group
 * last. Depends on the groups alone, never on the cursor.
 */
export function groupPositions(data: OverviewGroups): Positions {
  const out: Positions = new Map();
  const placed = data.groups.filter((g) => g.id !== null);
  const rest = data.groups.filter((g) => g.id === null);
  if (data.groupBy === 'SEGMENT') {
    const rows = new Map<string, typeof placed>();
    for (const g of placed) rows.set(g.chainId ?? NO_GROUP, [...(rows.get(g.chainId ?? NO_GROUP) ?? []), g]);
    let y = 0;
    for (const row of rows.values()) {
      row.forEach((g, i) => out.set(groupKey(g.id), { x: i * CELL, y }));
      y += CELL;
    }
    rest.forEach((g, i) => out.set(groupKey(g.id), { x: i * CELL, y }));
    return out;
  }
  const ordered = [...placed].sort((a, b) => b.count - a.count || (a.id ?? '').localeCompare(b.id ?? '')).concat(rest);
  const cols = Math.max(1, Math.ceil(Math.sqrt(ordered.length * 1.6)));
  ordered.forEach((g, i) => out.set(groupKey(g.id), { x: (i % cols) * CELL, y: Math.floor(i / cols) * CELL }));
  return out;
}
