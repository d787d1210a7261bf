import { getIntrospectionQuery, getNamedType, getNullableType, isListType, isObjectType, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../config.ts';
import { buildApiSchema } from '../../schema/buildApiSchema.ts';
import { CHANNELS, LIST_SIZES } from '../costRules.ts';
import { describeChain, estimateCost, TooManySelections } from '../queryCost.ts';
import { measureShape } from '../queryShape.ts';

const schema = buildApiSchema();
const caps = { maxPageSize: 1000, maxGraphNodes: 20_000, maxSearchResults: 100 };
const LIMIT = readConfig({}).maxComplexity;

function operationOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { document, operation };
}
const estimate = (query: string, variables: Record<string, unknown> = {}) => estimateCost({ schema, ...operationOf(query), variables, caps });
const cost = (query: string, variables: Record<string, unknown> = {}) => estimate(query, variables).cost;

const NODE = 'id label labelEn kind isAnchor synthetic local segmentId segmentName chainId segmentOrder parkId landedOn leftOn signedOn sourceKind degree';
const EDGE = 'id source target type label since sourceKind synthetic';
/** The web's Overview document (web/src/data/queries.ts), sent with limit 5000. */
const OVERVIEW = `query Overview($filter: EnterpriseFilter, $asOf: AsOf, $limit: Int) {
  graph(filter: $filter, asOf: $asOf, limit: $limit) { truncated totalEnterprises nodes { ${NODE} } edges { ${EDGE} } } }`;
/** The one request that took the API down on a 20k district (cost 13,108 by the old rule). */
const CRASH = '{ chains { segments { enterprises { id partners { id partners { id partners { id partners { id partners { id } } } } } } } } }';

describe('measureShape', () => {
  it('counts depth and top-level fields, not introspection, aliases each', () => {
    const flat = operationOf('{ anchors { id name } }');
    expect(measureShape(flat.document, flat.operation)).toEqual({ depth: 2, rootFields: 1 });
    const { document, operation } = operationOf('query { ...F a: anchors { id } __schema { types { fields { type { ofType { ofType { name } } } } } } } fragment F on Query { b: anchors { id attracted { id } } }');
    expect(measureShape(document, operation)).toEqual({ depth: 3, rootFields: 2 });
  });

  it('measures a fragment once, however often it is spread', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, … : 2^30 spreads of F30 if each were walked.
    const frags = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const { document, operation } = operationOf(`query { ...F0 } ${frags} fragment F30 on Query { anchors { id } }`);
    expect(measureShape(document, operation).depth).toBe(2);
  });
});

describe('the cost rule', () => {
  it('has a size for every list of the schema, and every Graph and page is sized by the field returning it', () => {
    const missing: string[] = [];
    const sizedBy = new Set(Object.values(CHANNELS).flatMap((cs) => cs.map((c) => c.path.at(-1))));
    for (const t of Object.values(schema.getTypeMap())) {
      if (!isObjectType(t) || t.name.startsWith('__')) continue;
      for (const f of Object.values(t.getFields())) {
        const key = `${t.name}.${f.name}`;
        if (isListType(getNullableType(f.type)) && LIST_SIZES[key] === undefined) missing.push(key);
        if (['Graph', 'EnterpriseConnection'].includes(getNamedType(f.type).name) && !CHANNELS[key]) missing.push(`${key} (sizes its lists)`);
      }
    }
    expect(missing).toEqual([]);
    expect(sizedBy).toEqual(new Set(['nodes', 'edges', 'firms', 'landedIds', 'departedIds', 'groups']));
  });

  it('counts every value: 1 per object and field, a list its items times one item', () => {
    // enterprises (1) + nodes (1 + 100 × (node 1 + id 1))
    expect(cost('{ enterprises(first: 100) { nodes { id } } }')).toBe(1 + 1 + 100 * 2);
    expect(cost('{ enterprises { nodes { id } } }')).toBe(1 + 1 + 20 * 2); // the SDL's default page
    expect(cost('{ enterprises(first: 100000) { nodes { id } } }')).toBe(1 + 1 + 1000 * 2); // the resolver refuses above GRAPHQL_MAX_PAGE_SIZE
    expect(cost('{ enterprise(id: "x") { id partners { id } } }')).toBe(1 + 1 + (1 + 100 * 2)); // nested lists: `first` defaults to 100
    expect(cost('{ enterprise(id: "x") { id partners(first: 3) { id } } }')).toBe(1 + 1 + (1 + 3 * 2));
    expect(cost('{ __typename anchors { id } }')).toBe(1 + 100 * 2);
  });

  it('reads sizes from variables, from their defaults, and from the SDL defaults alike', () => {
    const literal = cost('{ graph(limit: 20000) { truncated } }');
    expect(cost('query($l: Int = 20000) { graph(limit: $l) { truncated } }')).toBe(literal);
    expect(cost('query($l: Int) { graph(limit: $l) { truncated } }', { l: 20000 })).toBe(literal);
    expect(cost('query($l: Int = 5) { graph(limit: $l) { truncated } }', { l: 20000 })).toBe(literal);
    expect(cost('query($l: Int) { graph(limit: $l) { truncated } }')).toBe(cost('{ graph(limit: 2000) { truncated } }'));
    expect(cost('query($n: Int = 1000) { enterprise(id: "x") { partners(first: $n) { id } } }')).toBe(1 + 1 + 1000 * 2);
    // fifty aliases of a graph whose size hides in a variable's default: refused like the literal one
    const fifty = Array.from({ length: 50 }, (_, i) => `a${i}: graph(limit: $l) { truncated }`).join(' ');
    expect(cost(`query($l: Int = 20000) { ${fifty} }`)).toBe(50 * literal);
    expect(50 * literal).toBeGreaterThan(LIMIT);
  });

  it('counts a graph at what its resolver builds, whatever is selected, and aliased fields each time', () => {
    // 2,100 nodes (limit + group nodes) of 18 fields, 10,100 edges of 8 fields: built even when not selected
    const built = 1 + 2100 * 19 + 10_100 * 9;
    expect(cost('{ graph { truncated } }')).toBe(built + 1);
    expect(cost(`{ graph { nodes { ${NODE} } edges { ${EDGE} } } }`)).toBe(built + 2);
    expect(cost('{ graph { nodes { a: id b: id c: id d: id e: id f: id g: id h: id i: id j: id k: id l: id m: id n: id o: id p: id q: id r: id s: id t: id } } }')).toBe(
      1 + 1 + 2100 * 21 + 10_100 * 9,
    );
    expect(cost('{ a: circle(anchorId: "x", depth: 4) { truncated } b: circle(anchorId: "y", depth: 4) { truncated } }')).toBe(
      2 * (1 + 20_000 * 19 + 100_000 * 9 + 1),
    );
    expect(cost('{ path(fromId: "a", toId: "b", maxLength: 10) { nodes { id } } }')).toBe(1 + (1 + 11 * 19) + 10 * 9);
  });

  it('follows named and inline fragments where they are spread', () => {
    const inline = cost('{ enterprise(id: "x") { partners { partners { id } } } }');
    expect(cost('{ enterprise(id: "x") { ...P } } fragment P on Enterprise { partners { ...Q } } fragment Q on Enterprise { partners { id } }')).toBe(inline);
    expect(cost('{ enterprise(id: "x") { ... on Enterprise { partners { ... { partners { id } } } } } }')).toBe(inline);
    // a fragment shared by two graph fields counts at the larger size in both
    const shared = cost('{ a: graph(limit: 10) { ...G } b: graph(limit: 20000) { ...G } } fragment G on Graph { nodes { id } }');
    const apart = cost('{ a: graph(limit: 10) { nodes { id } } b: graph(limit: 20000) { nodes { id } } }');
    expect(shared - apart).toBe((20_100 - 110) * 19);
  });

  it('skips what @skip and @include leave out, but a graph builds its lists even so', () => {
    expect(cost('query($s: Boolean = true) { graph(limit: 20000) @skip(if: $s) { truncated } anchors { id } }')).toBe(cost('{ anchors { id } }'));
    const built = cost('{ graph(limit: 20000) { truncated } }');
    expect(cost('query($s: Boolean = true) { graph(limit: 20000) { truncated nodes @skip(if: $s) { id } edges @include(if: false) { id } } }')).toBe(built);
    expect(cost('{ growth { period landedIds @skip(if: true) } }')).toBe(cost('{ growth { period } }'));
  });

  it('prices the sizes set from above: firmsPerSegment, and all of growth’s landedIds together', () => {
    const gaps = (n: number) => cost(`{ chainGaps(firmsPerSegment: ${n}) { segments { firms { id } } } }`);
    expect(gaps(50) - gaps(5)).toBe(10 * 10 * 45 * 2); // chains × segments × firms × (object + id)
    expect(cost('{ growth(interval: YEAR) { period landedIds } }') - cost('{ growth(interval: YEAR) { period } }')).toBe(20_000);
  });

  it('charges the database work of the district-wide computations', () => {
    expect(cost('{ recruitmentTargets(limit: 1) { rank } }')).toBeGreaterThan(400_000);
    expect(cost('{ stats { enterprises } }')).toBeGreaterThan(150_000);
  });

  it('refuses the one-request crash and its variants, and names the chain of lists', () => {
    const e = estimate(CRASH);
    expect(e.cost).toBeGreaterThan(LIMIT * 1000);
    expect(describeChain(e.heaviest)).toBe('chains ×10 › segments ×10 › enterprises ×100 › partners ×100 › partners ×100 › partners ×100 › partners ×100 › partners ×100');
    for (const q of [
      '{ anchors { attracted { id attracted { id upstream { id upstream { id } } } } } }',
      '{ enterprises(first: 1000) { nodes { units { id units { id units { id } } } } } }',
      'query($n: Int = 1000) { search(query: "x", limit: 100) { downstream(first: $n) { id downstream(first: $n) { id } } } }',
      '{ chains { segments { ...S } } } fragment S on ChainSegment { enterprises { ... on Enterprise { partners { ...P } } } } fragment P on Enterprise { partners { partners { id } } }',
    ]) {
      expect(cost(q), q).toBeGreaterThan(LIMIT);
    }
  });

  it('keeps the default limit a few times the web’s costliest screen (the slowest accepted query ≲ 10× its time, docs/API.md), and GraphiQL’s introspection under it', () => {
    const overview = cost(OVERVIEW, { limit: 5000 });
    expect(overview).toBe(322_805);
    expect(LIMIT / overview).toBeGreaterThan(4);
    expect(LIMIT / overview).toBeLessThan(7);
    expect(cost(getIntrospectionQuery())).toBeLessThan(LIMIT);
    // introspection lists nest too: types' fields' types' fields … is priced, not free
    expect(cost('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }')).toBeGreaterThan(LIMIT);
  });

  it('stops at 10,000 selections once fragments are expanded', () => {
    const frags = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Enterprise { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(() => estimate(`{ enterprise(id: "x") { ...F0 } } ${frags} fragment F20 on Enterprise { id }`)).toThrow(TooManySelections);
  });

  it('leaves variables that do not fit their types to execution, which refuses them before any resolver', () => {
    expect(estimate('query($l: Int) { graph(limit: $l) { truncated } }', { l: 'many' })).toMatchObject({ cost: 0, invalidVariables: true });
  });
});
