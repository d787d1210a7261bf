import { AsOfScalar, PeriodStartScalar } from './dateScalars.ts';
import { JSONScalar } from './jsonScalar.ts';

/** The custom scalars (their SDL is scalars.graphql), for the schema to attach. */
export const scalarResolvers = { JSON: JSONScalar, AsOf: AsOfScalar, PeriodStart: PeriodStartScalar };

export { AsOfScalar, PeriodStartScalar, DATE_SCALARS, InvalidDate, type AsOf, type PeriodStart } from './dateScalars.ts';
export { JSONScalar } from './jsonScalar.ts';
export { dateInputError, normaliseAsOf, normaliseFrom, parseIsoPrefix } from './normaliseAsOf.ts';
