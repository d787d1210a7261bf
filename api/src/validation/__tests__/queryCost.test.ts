import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation, UNSIZED_LIST_FACTOR } from '../queryCost.ts';

const measure = (query: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(doc, op, variables);
};

describe('measureOperation', () => {
  it('counts depth and cost of a flat query', () => {
    expect(measure('{ anchors { id name } }')).toEqual({ depth: 2, cost: 1 + UNSIZED_LIST_FACTOR * 2, rootFields: 1 });
  });

  it('multiplies by the page size, read from variables too', () => {
    expect(measure('{ enterprises(first: 100) { nodes { id } } }').cost).toBe(1 + 100 * (1 + 1));
    expect(measure('query($n: Int) { enterprises(first: $n) { nodes { id } } }', { n: 10 }).cost).toBe(1 + 10 * 2);
  });

  it('follows fragments and ignores introspection', () => {
    const q = 'query { ...F __schema { types { name fields { name type { ofType { ofType { name } } } } } } } fragment F on Query { anchors { id } }';
    expect(measure(q)).toEqual({ depth: 2, cost: 1 + UNSIZED_LIST_FACTOR, rootFields: 1 });
  });

  it('counts aliases as separate top-level fields', () => {
    expect(measure('{ a: anchors { id } b: anchors { id } __typename }').rootFields).toBe(2);
  });
});
