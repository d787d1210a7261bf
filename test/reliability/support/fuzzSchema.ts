import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isLeafType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { gql } from './http.ts';

/** Strings that would do harm if any resolver spliced them into Cypher text. */
export const INJECTIONS = [
  "' OR 1=1 //",
  "x'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  '`) DETACH DELETE n //',
  '}]->() DELETE r //',
  '$id',
  '\\u0027; CALL db.labels() //',
  "toutiao' WITH 1 AS x MATCH (n) SET n.pwned = true //",
  '*',
  '%',
  '.*',
  'AND OR NOT ~ "',
  '\u0000',
  '头条 OR 1=1',
];

const DATE_LIKE = ['2019', '2019-11', '2019-11-05', '2020-04', '0000', '9999-12-31', '2019-13', '2019-11-99', '', 'yesterday', '2019-11T'];

/** Introspects the running server: fuzzing follows the schema as served, so new arguments get fuzzed too. */
export async function fetchSchema(url: string): Promise<GraphQLSchema> {
  const r = await gql(url, getIntrospectionQuery());
  if (r.status !== 200 || !r.body?.data) throw new Error(`introspection failed: ${r.status} ${r.text.slice(0, 500)}`);
  return buildClientSchema(r.body.data as IntrospectionQuery);
}

export interface FuzzTarget {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The operation text with one variable per argument. */
  document: string;
}

function typeString(t: GraphQLInputType): string {
  return String(t);
}

/** Leaf fields one level down (with no required arguments), so resolvers map rows, not just __typename. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const t = getNamedType(field.type);
  if (isLeafType(t)) return '';
  if (!isObjectType(t)) return '{ __typename }';
  const leaves = Object.values(t.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name)
    .slice(0, 12);
  const objects = Object.values(t.getFields())
    .filter((f) => isObjectType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .slice(0, 4)
    .map((f) => {
      const sub = getNamedType(f.type);
      const subLeaves = isObjectType(sub)
        ? Object.values(sub.getFields()).filter((g) => isLeafType(getNamedType(g.type)) && g.args.every((a) => !isNonNullType(a.type))).map((g) => g.name).slice(0, 4)
        : [];
      return `${f.name} { __typename ${subLeaves.join(' ')} }`;
    });
  return `{ __typename ${leaves.join(' ')} ${objects.join(' ')} }`;
}

export function fuzzTargets(schema: GraphQLSchema): FuzzTarget[] {
  const out: FuzzTarget[] = [];
  for (const [operation, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (field.name.startsWith('__')) continue;
      const vars = field.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const document = `${operation} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field)} }`;
      out.push({ operation, field, document });
    }
  }
  return out;
}

/**
 * Every field with arguments of an object type reached from a root field by id (`enterprise(id:)`
 * reaches Enterprise): its nested lists, connections and aggregates take `where`, `sort`, `first`,
 * `after` and `asOf`, which the root targets above never reach. The parent's id is the variable
 * `$fuzzParent`; the field's own arguments keep their names.
 */
export function nestedFuzzTargets(schema: GraphQLSchema, typeName: string, root: string): FuzzTarget[] {
  const t = schema.getType(typeName);
  if (!isObjectType(t)) return [];
  return Object.values(t.getFields())
    .filter((field) => field.args.length > 0)
    .map((field) => {
      const vars = field.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const document = `query Fuzz($fuzzParent: ID!, ${vars}) { ${root}(id: $fuzzParent) { ${field.name}(${args}) ${selection(field)} } }`;
      return { operation: 'query' as const, field, document };
    });
}

/** Values for one input type: mostly well-typed (extremes, injections, known ids), sometimes of the wrong type. */
export function arbInput(t: GraphQLInputType, known: { ids: string[] }, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(t)) return fc.oneof({ weight: 12, arbitrary: arbInput(t.ofType, known, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  const nullable = (a: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 8, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
  if (isListType(t)) return nullable(depth > 2 ? fc.constant([]) : fc.array(arbInput(t.ofType, known, depth + 1), { maxLength: 4 }));
  if (isEnumType(t)) return nullable(fc.oneof(fc.constantFrom(...t.getValues().map((v) => v.name)), fc.string({ maxLength: 12 })));
  if (isInputObjectType(t)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(t.getFields());
    const rec: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) rec[f.name] = arbInput(f.type, known, depth + 1);
    return nullable(fc.record(rec, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }));
  }
  if (isScalarType(t)) {
    switch (t.name) {
      case 'Int':
        return nullable(fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom(0, -1, 1000, 100_000, 2 ** 31 - 1, -(2 ** 31), 2 ** 53), fc.integer()));
      case 'Float':
        return nullable(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308, 1e9)));
      case 'Boolean':
        return nullable(fc.boolean());
      default:
        // String, ID and custom scalars: ids that exist (so resolvers go deep), dates, injections, noise.
        return nullable(
          fc.oneof(
            { weight: 4, arbitrary: known.ids.length ? fc.constantFrom(...known.ids) : fc.string() },
            { weight: 2, arbitrary: fc.constantFrom(...DATE_LIKE) },
            { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
            { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
            // Long strings at the top level only: deep inside a recursive input (a `where` of
            // filters within filters) they would make bodies of megabytes, which the server refuses
            // whole (413, tested on its own below) before any argument is read.
            { weight: 1, arbitrary: depth === 0 ? fc.string({ minLength: 2000, maxLength: 5000 }) : fc.string({ minLength: 201, maxLength: 400 }) },
          ),
        );
    }
  }
  return fc.constant(null);
}

export function arbVariables(target: FuzzTarget, known: { ids: string[] }): fc.Arbitrary<Record<string, unknown>> {
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const a of target.field.args) rec[a.name] = arbInput(a.type, known);
  return fc.record(rec, { requiredKeys: target.field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name) });
}

/** Every string inside a variables object (what an error message may legitimately echo). */
export function stringsIn(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsIn);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...stringsIn(x)]);
  if (typeof v === 'number') return [String(v)];
  return [];
}
