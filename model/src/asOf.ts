/**
 * "As of a date": the one rule, in both the languages that apply it.
 *
 * Dates are ISO strings at the precision known: `"2019"`, `"2019-11"`, `"2019-11-05"`. A cursor is
 * moved to the last moment of its period (`2019` → `2019-12-31`, `2019-11` → `2019-11-31`: 31 for
 * every month, since only the order matters and every real day sorts before it), so that plain
 * string comparison answers "had it happened by then?".
 *
 * - A firm or project counts once it landed on or before the cursor and had not left by then (a
 *   firm that closed, was revoked or moved out on `leftOn` counts up to the period before it); one
 *   with no landing date has not landed (outside firms, recruitment candidates).
 * - A relation counts once it began on or before the cursor, or when its start is unknown (`since`
 *   null), and only while both its ends count (the caller checks the ends).
 * - No cursor (null) means no cut: every firm and relation in the database counts.
 *
 * `asOfJs` applies the rule to plain objects (the web's timeline); `asOfCypher` writes it as Cypher
 * predicates over a parameter (every query that takes `asOf`). Both pass the same table of cases
 * (`AS_OF_CASES`), the JavaScript in a unit test and the Cypher in real Neo4j.
 */

const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A date that is not an ISO date at any precision. */
export class AsOfFormatError extends Error {
  override readonly name = 'AsOfFormatError';
  constructor(readonly value: string) {
    super(`must be an ISO date at any precision: "2019", "2019-11" or "2019-11-05" (got ${JSON.stringify(value.slice(0, 40))})`);
  }
}

/** The parts of an ISO date at any precision, or throws AsOfFormatError. Month 1–12, day 1–31. */
export function parseIsoPrefix(value: string): { year: number; month: number | null; day: number | null } {
  const m = ISO_PREFIX.exec(value.trim());
  const month = m?.[2] === undefined ? null : Number(m[2]);
  const day = m?.[3] === undefined ? null : Number(m[3]);
  if (!m || (month !== null && (month < 1 || month > 12)) || (day !== null && (day < 1 || day > 31))) throw new AsOfFormatError(value);
  return { year: Number(m[1]), month, day };
}

/** The cursor at the last moment of its period; null or blank → null (no cursor). Throws AsOfFormatError. */
export function endOfPeriod(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const { month, day } = parseIsoPrefix(value);
  const v = value.trim();
  if (month === null) return `${v}-12-31`;
  if (day === null) return `${v}-31`;
  return v;
}

/** A lower bound at the start of its period (`2019` and `2019-01` sort before any 2019 date); null or blank → null. */
export function startOfPeriod(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  parseIsoPrefix(value);
  return value.trim();
}

/** What the rule reads of a firm or project. */
export interface Timed {
  landedOn?: string | null;
  /** When it left the district (registry: closed, revoked, moved out); null = still there. */
  leftOn?: string | null;
}

/** What the rule reads of a relation. */
export interface Began {
  since?: string | null;
}

/** The rule on plain values; `cursor` is already at the end of its period (see `endOfPeriod`). */
export const asOfJs = {
  /** The firm or project had landed by the cursor and not left by it. */
  node(n: Timed, cursor: string | null): boolean {
    return cursor === null || (n.landedOn != null && n.landedOn <= cursor && (n.leftOn == null || n.leftOn > cursor));
  },
  /** The relation had begun by the cursor (its ends are the caller's to check). */
  rel(r: Began, cursor: string | null): boolean {
    return cursor === null || r.since == null || r.since <= cursor;
  },
} as const;

/**
 * The rule as Cypher predicates over the parameter `$asOf` (already at the end of its period).
 * `variable` is always a Cypher variable chosen by our code, never user text.
 */
export const asOfCypher = {
  /** Predicate: the node bound to `variable` (an Enterprise, or a Project) had landed by `$asOf` and not left by it. */
  node(variable: string, param = 'asOf'): string {
    return `($${param} IS NULL OR (${variable}.landedOn IS NOT NULL AND ${variable}.landedOn <= $${param} AND (${variable}.leftOn IS NULL OR ${variable}.leftOn > $${param})))`;
  },
  /**
   * `node` for a cursor that is never null (recruitment's: today when none is given), without the
   * `$asOf IS NULL OR …` branch, which keeps the planner off the landedOn index. For a firm with no
   * landing date it is null, not false: a filter only (WHERE), where both drop the row, never
   * negated or as a value. Written with `IS NOT NULL` the planner chose worse plans (chainGaps at
   * 100k: 5.9 M → 27.9 M db hits).
   */
  nodeAtCursor(variable: string, param = 'asOf'): string {
    return `(${variable}.landedOn <= $${param} AND (${variable}.leftOn IS NULL OR ${variable}.leftOn > $${param}))`;
  },
  /** Predicate: the relationship bound to `variable` had begun by `$asOf`. */
  rel(variable: string, param = 'asOf'): string {
    return `($${param} IS NULL OR ${variable}.since IS NULL OR ${variable}.since <= $${param})`;
  },
  /** Predicate: every node and relationship of the path `variable` counts as of `$asOf`. */
  path(variable: string, param = 'asOf'): string {
    return `($${param} IS NULL OR (all(n IN nodes(${variable}) WHERE n.landedOn IS NOT NULL AND n.landedOn <= $${param} AND (n.leftOn IS NULL OR n.leftOn > $${param})) AND all(r IN relationships(${variable}) WHERE r.since IS NULL OR r.since <= $${param})))`;
  },
} as const;

/** One case of the rule: a firm (and optionally a relation from it) and a cursor as a user writes it. */
export interface AsOfCase {
  what: string;
  /** The cursor as typed (any precision), or null for no cursor. */
  asOf: string | null;
  landedOn: string | null;
  /** When the firm left; undefined = it has not. */
  leftOn?: string | null;
  /** The relation's start; undefined when the case is about the firm alone. */
  since?: string | null;
  /** Whether the firm counts. */
  node: boolean;
  /** Whether the relation has begun (only when `since` is given). */
  rel?: boolean;
}

/** The table both implementations must pass. */
export const AS_OF_CASES: readonly AsOfCase[] = [
  { what: 'no cursor: a firm with no landing date counts', asOf: null, landedOn: null, since: '2030', node: true, rel: true },
  { what: 'landed in the month of the cursor (month precision on both)', asOf: '2019-07', landedOn: '2019-07', node: true },
  { what: 'landed the month after the cursor', asOf: '2019-03', landedOn: '2019-07', node: false },
  { what: 'a day landing counts in its month', asOf: '2019-07', landedOn: '2019-07-31', node: true },
  { what: 'a day landing after a day cursor', asOf: '2019-07-05', landedOn: '2019-07-06', node: false },
  { what: 'a day landing on the day of the cursor', asOf: '2019-07-05', landedOn: '2019-07-05', node: true },
  { what: 'a month landing against a day cursor inside that month (the month sorts first)', asOf: '2019-07-05', landedOn: '2019-07', node: true },
  { what: 'a year landing counts from the first period of its year', asOf: '2019-01', landedOn: '2019', node: true },
  { what: 'a year landing after a year cursor', asOf: '2019', landedOn: '2020', node: false },
  { what: 'a year cursor is the end of December', asOf: '2019', landedOn: '2019-12-31', node: true },
  { what: 'never landed (an outside firm) does not count under a cursor', asOf: '2030', landedOn: null, node: false },
  { what: 'a relation with an unknown start counts from the start', asOf: '2019-08', landedOn: '2018-11', since: null, node: true, rel: true },
  { what: 'a relation that begins after the cursor', asOf: '2019-03', landedOn: '2018-11', since: '2019-04', node: true, rel: false },
  { what: 'a relation that begins in the month of the cursor', asOf: '2019-04', landedOn: '2018-11', since: '2019-04', node: true, rel: true },
  { what: 'a relation whose end has not landed: the relation began but the firm does not count', asOf: '2019-05', landedOn: '2019-07', since: '2019-04', node: false, rel: true },
  { what: 'a blank cursor is no cursor', asOf: '  ', landedOn: null, node: true },
  { what: 'left after the cursor: still counts', asOf: '2021-02', landedOn: '2019-07', leftOn: '2021-03-15', node: true },
  { what: 'left in the month of the cursor: no longer counts', asOf: '2021-03', landedOn: '2019-07', leftOn: '2021-03-15', node: false },
  { what: 'left on the day of a day cursor: no longer counts', asOf: '2021-03-15', landedOn: '2019-07', leftOn: '2021-03-15', node: false },
  { what: 'left the day after a day cursor: still counts', asOf: '2021-03-14', landedOn: '2019-07', leftOn: '2021-03-15', node: true },
  { what: 'left in a month known only by its month, against a day cursor in it: the month sorts first, so it has left', asOf: '2021-03-05', landedOn: '2019', leftOn: '2021-03', node: false },
  { what: 'no cursor: a firm that left still counts (no cut)', asOf: null, landedOn: '2019-07', leftOn: '2021-03', node: true },
];
