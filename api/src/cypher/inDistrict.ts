import { asOfCypher } from '@cangshan/model';

/**
 * "In the district", derived from dates (docs/MODEL.md, "Time: as of a date"), for the reads that
 * count firms with or without a cursor (stats, the `local` filters, `Enterprise.local`).
 *
 * - With a cursor: the model's as-of rule — landed on or before it and not left by it.
 * - With none: now — landed at some date and not left (no `leftOn`).
 * - A firm with no landing date counts only when it is marked `local: true` (created through the
 *   API without a date): it is in the district at a time we do not know, so with no cursor it is
 *   in, and under a cursor it is neither in (the as-of rule cannot place it) nor outside. The
 *   article's data has no such firm: every firm with `local: false` has no landing date and every
 *   other one has one.
 *
 * `v` and `param` are chosen by our code, never request text.
 */
export function inDistrictCypher(v: string, param = 'asOf'): string {
  return `(CASE WHEN $${param} IS NULL THEN ${v}.leftOn IS NULL AND (${v}.landedOn IS NOT NULL OR ${v}.local = true) ELSE ${asOfCypher.node(v, param)} END)`;
}

/** Predicate: the firm bound to `v` does not count as of the cursor: never landed, landed later, or left by then (no cursor: never landed, or left). */
export function outsideCypher(v: string, param = 'asOf'): string {
  return `(NOT ${inDistrictCypher(v, param)} AND NOT ${undatedLocal(v)})`;
}

/** A firm marked local whose landing date is unknown and that has not left. */
const undatedLocal = (v: string): string => `(${v}.landedOn IS NULL AND ${v}.local = true AND ${v}.leftOn IS NULL)`;

/** What the JavaScript half reads of a firm. */
export interface LocalFields {
  landedOn?: unknown;
  leftOn?: unknown;
  local?: unknown;
  [other: string]: unknown;
}

const has = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

/** `Enterprise.local`: in the district now (the Cypher above with no cursor). */
export function isLocalNow(f: LocalFields): boolean {
  return !has(f.leftOn) && (has(f.landedOn) || f.local === true);
}

/**
 * `GraphNode.local`: a firm of the district's history — it landed at some date (or is marked local
 * with its date unknown), whether or not it left since; false for an outside firm that never landed
 * (a recruitment candidate). A graph is drawn over time by the client (`landedOn`, `leftOn` and the
 * model's `asOfJs`), so this says what kind of firm it is, not whether it counts at a date.
 */
export function isDistrictFirm(f: LocalFields): boolean {
  return has(f.landedOn) || f.local === true;
}
