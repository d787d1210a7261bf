// The AsOf and PeriodStart scalars through the real schema (graphql-js, no server, no database):
// a resolver receives the date at the end (or start) of its period, and a malformed date is refused
// before any resolver runs, naming the argument, whether it came as a literal or a variable.
import { describe, expect, it } from 'vitest';
import { graphql, type ExecutionResult } from 'graphql';
import type { Params } from '@cangshan/neo4j';
import { readConfig } from '../../config.ts';
import type { Context } from '../../context/index.ts';
import { buildApiSchema } from '../../schema/buildApiSchema.ts';

const schema = buildApiSchema();

/** Runs `source` with a context whose reads record their parameters and answer with `rows`. */
async function run(source: string, variableValues?: Record<string, unknown>, rows: Record<string, unknown>[] = [{}]) {
  const reads: Params[] = [];
  const read = async (_cypher: string, params: Params = {}) => {
    reads.push(params);
    return rows;
  };
  const contextValue = { config: readConfig({}), read, readCached: read } as unknown as Context;
  const result: ExecutionResult = await graphql({ schema, source, variableValues, contextValue });
  return { result, reads };
}

const EMPTY_GRAPH = [{ total: 0, nodes: [], edges: [], groups: [], groupEdges: [] }];

describe('AsOf and PeriodStart', () => {
  it('hands the resolver the end of the period: asOf "2019" arrives as 2019-12-31', async () => {
    const { result } = await run('{ stats(asOf: "2019") { asOf } }');
    expect(result).toEqual({ data: { stats: { asOf: '2019-12-31' } } });
    const byVariable = await run('query($d: AsOf) { stats(asOf: $d) { asOf } }', { d: '2019-11' });
    expect(byVariable.result).toEqual({ data: { stats: { asOf: '2019-11-31' } } });
  });

  it('reads none (omitted, null or blank) as no cursor', async () => {
    for (const source of ['{ stats { asOf } }', '{ stats(asOf: null) { asOf } }', '{ stats(asOf: " ") { asOf } }']) {
      expect((await run(source)).result).toEqual({ data: { stats: { asOf: null } } });
    }
  });

  it('normalises input fields too: a landing range reaches the Cypher as start and end of period', async () => {
    const { result, reads } = await run('{ graph(filter: { landedFrom: " 2019", landedTo: "2019-11" }, asOf: "2020-03-05") { truncated } }', undefined, EMPTY_GRAPH);
    expect(result.errors).toBeUndefined();
    expect(reads[0]).toMatchObject({ landedFrom: '2019', landedTo: '2019-11-31', asOf: '2020-03-05' });
  });

  it('refuses a malformed literal with BAD_USER_INPUT naming the argument, before any read', async () => {
    const { result, reads } = await run('{ graph(asOf: "last year") { truncated } }', undefined, EMPTY_GRAPH);
    expect(reads).toEqual([]);
    expect(result.errors?.[0]?.message).toBe('`asOf` must be an ISO date at any precision: "2019", "2019-11" or "2019-11-05" (got "last year").');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
  });

  it('refuses a malformed variable the same way, and names a field of an input object by its path', async () => {
    const asOf = await run('query($d: AsOf) { graph(asOf: $d) { truncated } }', { d: '2019-13' }, EMPTY_GRAPH);
    expect(asOf.result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
    expect(asOf.result.errors?.[0]?.message).toMatch(/^`asOf` must be an ISO date/);
    const from = await run('query($f: EnterpriseFilter) { graph(filter: $f) { truncated } }', { f: { landedFrom: 'yesterday' } }, EMPTY_GRAPH);
    expect(from.result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.landedFrom' });
    const to = await run('{ enterprises(filter: { landedTo: "2019-11-05T00:00" }) { totalCount } }');
    expect(to.result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.landedTo' });
    expect(from.reads).toEqual([]);
    expect(to.reads).toEqual([]);
  });

  it('guards the nested fields that take a date as well', async () => {
    const { result } = await run('{ enterprise(id: "x") { id attracted(asOf: "soon") { id } } }', undefined, [{ e: { id: 'x', name: 'X' } }]);
    expect(result.data).toEqual({ enterprise: null });
    expect(result.errors?.[0]).toMatchObject({ path: ['enterprise', 'attracted'], extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' } });
  });

  it('leaves a value of the wrong GraphQL type to graphql-js, which refuses the document, naming the type', async () => {
    const literal = await run('{ stats(asOf: 2019) { asOf } }');
    expect(literal.result.errors?.[0]?.message).toMatch(/AsOf/);
    expect(literal.reads).toEqual([]);
    const variable = await run('query($d: AsOf) { stats(asOf: $d) { asOf } }', { d: 2019 });
    expect(variable.result.errors?.[0]?.message).toMatch(/\$d.*AsOf/);
    expect(variable.reads).toEqual([]);
  });
});
