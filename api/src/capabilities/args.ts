import { badInput, limitExceeded } from '../errors/index.ts';

/** An integer argument within [min, max]: BAD_USER_INPUT below `min`, LIMIT_EXCEEDED above `max` (naming the limit). */
export function intArg(argument: string, value: number, min: number, max: number, limitName: string): number {
  if (!Number.isSafeInteger(value) || value < min) throw badInput(argument, `\`${argument}\` must be an integer from ${min} to ${max} (got ${value}).`);
  if (value > max) {
    throw limitExceeded(argument, limitName, max, `\`${argument}\` is ${value}, above the limit ${limitName} = ${max}. Ask for at most ${max}${argument === 'first' ? ' and page with `after`' : ''}.`);
  }
  return value;
}

/** An id argument: non-empty, at most 200 characters (ids are slugs; anything longer cannot exist). */
export function idArg(argument: string, value: string): string {
  if (value.length === 0 || value.length > 200) throw badInput(argument, `\`${argument}\` must be an id of 1 to 200 characters.`);
  return value;
}
