/// <reference types="vite/client" />
// The documents the view builds at run time — "copy as GraphQL", the places lookup, the GraphiQL
// examples — are not typed by web/codegen.ts (it types the literal /* GraphQL */ ones), so they
// are validated here against the same SDL, api/src/**/*.graphql.
import { buildASTSchema, concatAST, parse, validate, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { viewQuery } from '../../export/viewQuery.ts';
import { EXAMPLES } from '../../graphiql/examples.ts';
import { DEFAULT_VIEW, EMPTY_FILTERS } from '../../state/viewState.ts';
import { placesQuery } from '../queries.ts';
import { placesRequests } from '../usePlaces.ts';

const sdl = import.meta.glob<string>('/api/src/**/*.graphql', { query: '?raw', import: 'default', eager: true });
const schema: GraphQLSchema = buildASTSchema(concatAST(Object.values(sdl).map((text) => parse(text))));

const errorsOf = (query: string): string[] => validate(schema, parse(query)).map((e) => e.message);

describe('documents built at run time validate against the API SDL', () => {
  it('reads the SDL', () => {
    expect(Object.keys(sdl).length).toBeGreaterThan(0);
  });

  it('copy as GraphQL: the overview with every filter', () => {
    const filters = { ...EMPTY_FILTERS, chain: 'chain-ai', segment: 'seg', park: 'park', data: 'real' as const, from: '2019', to: '2020-04' };
    expect(errorsOf(viewQuery({ ...DEFAULT_VIEW, asOf: '2019-07', filters }, null).query)).toEqual([]);
  });

  it('copy as GraphQL: the circle, expanded firms, a path and a profile', () => {
    const v = { ...DEFAULT_VIEW, layout: 'circle' as const, selected: 'dalv', path: ['dalv', 'fii'] as [string, string], expanded: { dalv: 12, fii: 3 } };
    expect(errorsOf(viewQuery(v, 'toutiao').query)).toEqual([]);
  });

  it('the places lookup', () => {
    expect(errorsOf(placesQuery(['park-a', 'park-b']))).toEqual([]);
  });

  it('the places of a province: every id read once, in operations under the API’s default root-field limit (50)', () => {
    const ids = Array.from({ length: 123 }, (_, i) => `park-${String(i).padStart(3, '0')}`);
    const ops = placesRequests(ids);
    expect(ops.length).toBe(4);
    const read: string[] = [];
    for (const op of ops) {
      expect(errorsOf(op.query)).toEqual([]);
      const doc = parse(op.query);
      const first = doc.definitions[0];
      const fields = first?.kind === 'OperationDefinition' ? first.selectionSet.selections.length : 0;
      expect(fields).toBeGreaterThan(0);
      expect(fields).toBeLessThanOrEqual(50);
      read.push(...Object.values(op.variables));
    }
    expect(read).toEqual(ids);
  });

  it.each(EXAMPLES.map((e) => [e.title, e.query]))('the GraphiQL example "%s"', (_, query) => {
    expect(errorsOf(query)).toEqual([]);
  });
});
