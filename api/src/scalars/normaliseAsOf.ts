import { AsOfFormatError, endOfPeriod, parseIsoPrefix as parseModel, startOfPeriod } from '@cangshan/model';
import { badInput, type ApiError } from '../errors/index.ts';

/** A malformed date as the client sees it: BAD_USER_INPUT naming `argument` (`asOf`, `filter.landedTo`). */
export function dateInputError(argument: string, e: AsOfFormatError): ApiError {
  return badInput(argument, `\`${argument}\` ${e.message}.`);
}

/** The model's rule, with a malformed date reported as BAD_USER_INPUT naming `argument`. */
function asInput<T>(argument: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof AsOfFormatError) throw dateInputError(argument, e);
    throw e;
  }
}

/** Checks an ISO date at any known precision (`2019`, `2019-11`, `2019-11-05`); throws BAD_USER_INPUT naming `argument`. */
export function parseIsoPrefix(value: string, argument: string): { year: number; month: number | null; day: number | null } {
  return asInput(argument, () => parseModel(value));
}

/**
 * The cursor of "as of a date" at the last moment of its period (see @cangshan/model); null/blank → null (no cursor).
 * GraphQL arguments arrive normalised already (the AsOf scalar); this is for callers outside GraphQL.
 */
export function normaliseAsOf(value: string | null | undefined, argument = 'asOf'): string | null {
  return asInput(argument, () => endOfPeriod(value));
}

/** The start of a period, for lower bounds (`landedFrom`): `2019` and `2019-01` both sort before any 2019 date. */
export function normaliseFrom(value: string | null | undefined, argument: string): string | null {
  return asInput(argument, () => startOfPeriod(value));
}
