import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { lines } from '../../cypher/cypherQuery.ts';
import { sourcesOf } from '../sources/sourcesOf.ts';

/** `indicators`: the district's figures, by period then name. */
export const INDICATORS_CYPHER = lines('MATCH (i:Indicator)', 'WITH i ORDER BY i.period, i.id', 'RETURN i {.*} AS i');

export const indicatorResolvers = {
  Query: {
    indicators: async (_: unknown, _a: unknown, ctx: Context) => (await ctx.read(INDICATORS_CYPHER)).map((r) => r.i),
  },
  Indicator: {
    unit: (i: Row) => (typeof i.unit === 'string' ? i.unit : ''),
    sources: (i: Row, _a: unknown, ctx: Context) => sourcesOf(i, ctx),
  },
};
