import { AsOfFormatError, endOfPeriod, startOfPeriod } from '@cangshan/model';
import { GraphQLScalarType, Kind } from 'graphql';

/**
 * A date argument that is not an ISO date. graphql-js does not tell a scalar which argument it is
 * parsing, so the scalar keeps the failure as the argument's value and the schema refuses the
 * field before its resolver runs, with BAD_USER_INPUT naming the argument (refuseInvalidDates in
 * schema/). A value of the wrong GraphQL type (a number, an object) is refused by graphql-js itself.
 */
export class InvalidDate {
  constructor(readonly error: AsOfFormatError) {}
}

/** An `AsOf` argument as its resolver receives it: the end of its period (`2019` → `2019-12-31`), or null for none. */
export type AsOf = string | null;
/** A `PeriodStart` argument as its resolver receives it: the start of its period (`2019`), or null for none. */
export type PeriodStart = string | null;

type Parsed = string | null | InvalidDate;

function dateScalar(name: string, normalise: (value: string) => string | null): GraphQLScalarType<Parsed, string> {
  const parse = (value: string): Parsed => {
    try {
      return normalise(value);
    } catch (e) {
      if (e instanceof AsOfFormatError) return new InvalidDate(e);
      throw e;
    }
  };
  const notAString = `${name} is an ISO date written as a string: "2019", "2019-11" or "2019-11-05".`;
  return new GraphQLScalarType<Parsed, string>({
    name,
    serialize: (value) => {
      if (typeof value !== 'string') throw new TypeError(notAString);
      return value;
    },
    parseValue: (value) => {
      if (typeof value !== 'string') throw new TypeError(notAString);
      return parse(value);
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new TypeError(notAString);
      return parse(ast.value);
    },
  });
}

/** `AsOf`: the cursor of "as of a date", moved to the end of its period once, where the request enters. */
export const AsOfScalar = dateScalar('AsOf', endOfPeriod);

/** `PeriodStart`: a lower bound (`from`, `landedFrom`), kept at the start of its period. */
export const PeriodStartScalar = dateScalar('PeriodStart', startOfPeriod);

/** The names of the date scalars, for the schema to find the fields that take one. */
export const DATE_SCALARS: ReadonlySet<string> = new Set([AsOfScalar.name, PeriodStartScalar.name]);
