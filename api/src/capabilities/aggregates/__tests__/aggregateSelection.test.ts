import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { aggregateSelectionOf } from '../aggregateSelection.ts';

/** The resolve info of the first top-level field of `query`. */
function infoOf(query: string) {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [op?.selectionSet.selections[0] as FieldNode], fragments };
}

describe('aggregateSelectionOf', () => {
  it('computes only the statistics selected, aliases and fragments merged', () => {
    const info = infoOf(`{ enterpriseAggregate { a: revenueYuan { min } b: revenueYuan { sum } ...T groups { keys { id } ... on EnterpriseAggregateGroup { landedOn { max } } } } }
      fragment T on EnterpriseAggregate { insuredStaff { avg count } }`);
    expect(aggregateSelectionOf(info)).toEqual({
      total: { count: false, stats: { revenueYuan: ['min', 'sum'], insuredStaff: ['count', 'avg'] } },
      groups: { count: false, stats: { landedOn: ['max'] } },
    });
  });

  it('computes nothing for __typename, and no totals when only the groups are asked', () => {
    expect(aggregateSelectionOf(infoOf('{ enterpriseAggregate { __typename } }'))).toEqual({ total: null, groups: null });
    expect(aggregateSelectionOf(infoOf('{ enterpriseAggregate { groups { count } } }'))).toEqual({ total: null, groups: { count: true, stats: {} } });
    expect(aggregateSelectionOf(infoOf('{ enterpriseAggregate { count landedOn { __typename } } }'))).toEqual({ total: { count: true, stats: { landedOn: [] } }, groups: null });
  });
});
