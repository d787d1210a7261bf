import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LEADERS_QUERY } from '../../panels/leaders/leadersQueries.ts';
import { CIRCLE_QUERY, GRAPH_EDGE_FIELDS, GRAPH_NODE_FIELDS, OVERVIEW_QUERY, PATH_QUERY, placesQuery } from '../queries.ts';

describe('the documents the view sends', () => {
  it.each([
    ['Overview', OVERVIEW_QUERY],
    ['Circle', CIRCLE_QUERY],
    ['Path', PATH_QUERY],
    ['Leaders', LEADERS_QUERY],
  ])('%s selects the graph fields "copy as GraphQL" hands out', (_, query) => {
    expect(query).toContain(`nodes { ${GRAPH_NODE_FIELDS} }`);
    expect(query).toContain(`edges { ${GRAPH_EDGE_FIELDS} }`);
  });

  it('asks for many places in one operation, through the generated fragment', () => {
    const doc = parse(placesQuery(['park-a', 'park-b']));
    expect(doc.definitions.map((d) => d.kind)).toEqual(['OperationDefinition', 'FragmentDefinition']);
    expect(placesQuery(['park-a'])).toContain('p0: place(id: $p0) { ...PlaceFields }');
  });
});
