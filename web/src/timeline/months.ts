// Month arithmetic for the timeline (ISO `YYYY-MM` strings; pure).
import type { GraphNode } from '../data/types.ts';

export function monthIndex(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

export function monthAt(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The month a date counts in (`2019` counts from 2019-01, as the API's growth does). */
export function monthOf(date: string): string {
  return date.length >= 7 ? date.slice(0, 7) : `${date.slice(0, 4)}-01`;
}

/**
 * Every month from the first landing (its January, so the start shows an empty district) to the
 * last landing, or to the month after the last departure (so the end shows the firm gone, after the
 * month it fades out in).
 */
export function timelineMonths(nodes: GraphNode[]): string[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const n of nodes) {
    if (!n.landedOn) continue;
    const i = monthIndex(monthOf(n.landedOn));
    lo = Math.min(lo, i);
    hi = Math.max(hi, i);
    if (n.leftOn) hi = Math.max(hi, monthIndex(monthOf(n.leftOn)) + 1);
  }
  if (!Number.isFinite(lo)) return [];
  const start = Math.floor(lo / 12) * 12;
  const out: string[] = [];
  for (let i = start; i <= hi; i++) out.push(monthAt(i));
  return out;
}
