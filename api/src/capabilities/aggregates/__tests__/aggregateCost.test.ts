import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../../schema/buildApiSchema.ts';
import { estimateCost } from '../../../validation/queryCost.ts';

const schema = buildApiSchema();
const caps = { maxPageSize: 1000, maxGraphNodes: 20_000, maxSearchResults: 100 };
function cost(query: string): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return estimateCost({ schema, document, operation, variables: {}, caps }).cost;
}

describe('the cost of an aggregate', () => {
  it('counts the groups at `limit` (the SDL default 200, at most 1000)', () => {
    const groups = (limit: string) => cost(`{ enterpriseAggregate(groupBy: [KIND]${limit}) { groups { count } } }`);
    expect(groups(', limit: 1000') - groups(', limit: 10')).toBe(990 * 2); // each group: the object and its count
    expect(groups('')).toBe(groups(', limit: 200'));
    expect(groups(', limit: 5000')).toBe(groups(', limit: 1000')); // the resolver refuses it
  });

  it('prices reading the district, and more for related-firm conditions', () => {
    const plain = cost('{ enterpriseAggregate { count } }');
    expect(plain).toBeGreaterThanOrEqual(60_000);
    expect(cost('{ enterpriseAggregate(where: { attractedBySome: { isAnchor: true } }) { count } }')).toBeGreaterThan(plain);
  });

  it('prices an Enterprise aggregate for each parent', () => {
    const one = cost('{ enterprises(first: 1) { nodes { partnersAggregate { count } } } }');
    const hundred = cost('{ enterprises(first: 100) { nodes { partnersAggregate { count } } } }');
    expect(hundred - one).toBeGreaterThanOrEqual(99 * 500);
  });
});
