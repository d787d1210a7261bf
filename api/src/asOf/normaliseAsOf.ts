import { badInput } from '../errors/index.ts';

const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Checks an ISO date at any known precision (`2019`, `2019-11`, `2019-11-05`); throws BAD_USER_INPUT naming `argument`. */
export function parseIsoPrefix(value: string, argument: string): { year: number; month: number | null; day: number | null } {
  const m = ISO_PREFIX.exec(value.trim());
  const year = Number(m?.[1]);
  const month = m?.[2] === undefined ? null : Number(m[2]);
  const day = m?.[3] === undefined ? null : Number(m[3]);
  if (!m || (month !== null && (month < 1 || month > 12)) || (day !== null && (day < 1 || day > 31))) {
    throw badInput(argument, `\`${argument}\` must be an ISO date at any precision: "2019", "2019-11" or "2019-11-05" (got ${JSON.stringify(value.slice(0, 40))}).`);
  }
  return { year, month, day };
}

/**
 * The cursor of "as of a date" (docs/MODEL.md, "Time"): normalised to the last moment of its
 * period, so that plain string comparison of ISO prefixes answers "had it happened by then?".
 * `2019` → `2019-12-31`, `2019-11` → `2019-11-31` (31 for every month: only the order matters,
 * and every real day of the month sorts before it), `2019-11-05` stays. Null/empty → null (no cursor).
 */
export function normaliseAsOf(value: string | null | undefined, argument = 'asOf'): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const { month, day } = parseIsoPrefix(value, argument);
  const v = value.trim();
  if (month === null) return `${v}-12-31`;
  if (day === null) return `${v}-31`;
  return v;
}

/** The start of a period, for lower bounds (`landedFrom`): `2019` and `2019-01` both sort before any 2019 date. */
export function normaliseFrom(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  parseIsoPrefix(value, argument);
  return value.trim();
}
