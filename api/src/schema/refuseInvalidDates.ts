import { defaultFieldResolver, getNamedType, isInputObjectType, isObjectType, type GraphQLFieldResolver, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { DATE_SCALARS, dateInputError, InvalidDate } from '../scalars/index.ts';

/** Whether a value of `type` can hold a date scalar: itself, or through lists and input objects. */
function holdsDate(type: GraphQLInputType, seen: Set<string> = new Set()): boolean {
  const named = getNamedType(type);
  if (DATE_SCALARS.has(named.name)) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => holdsDate(f.type, seen));
}

/** The first malformed date among a field's arguments, with its path (`asOf`, `filter.landedTo`). */
function firstInvalid(value: unknown, path: string): { path: string; invalid: InvalidDate } | null {
  if (value instanceof InvalidDate) return { path, invalid: value };
  if (value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    const found = firstInvalid(v, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/**
 * Every field that takes a date (AsOf, PeriodStart) refuses a malformed one before its resolver
 * runs: BAD_USER_INPUT naming the argument, whether it came as a literal or a variable. The scalar
 * has parsed the date once where the request entered; this only reports what it could not parse.
 */
export function refuseInvalidDates(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((a) => holdsDate(a.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const bad = firstInvalid(args, '');
        if (bad) throw dateInputError(bad.path, bad.invalid.error);
        return resolve(source, args, context, info);
      };
    }
  }
}
