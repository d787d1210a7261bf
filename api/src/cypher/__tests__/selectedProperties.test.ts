import { Kind, parse, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { enterpriseProjection } from '../enterpriseProjection.ts';
import { connectionSelection, selectedEnterpriseProperties } from '../selectedProperties.ts';

/** The `fieldNodes` and `fragments` graphql-js hands the resolver of the first root field of `doc`. */
function infoOf(doc: string): Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> {
  const ast = parse(doc);
  const op = ast.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = Object.fromEntries(
    ast.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const root = op?.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [root], fragments };
}

/** The info of a nested field: the field `name` under the root field. */
function nestedInfo(doc: string, name: string): Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> {
  const info = infoOf(doc);
  const field = info.fieldNodes[0]?.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name);
  if (!field) throw new Error(`no field ${name}`);
  return { fieldNodes: [field], fragments: info.fragments };
}

describe('selectedEnterpriseProperties', () => {
  it('reads id and the selected stored fields, whatever the aliases', () => {
    expect(selectedEnterpriseProperties(infoOf('{ enterprise(id: "toutiao") { title: name landedOn } }'))).toEqual(['id', 'name', 'landedOn']);
  });

  it('keeps every property a computed field needs, and only the id for relations', () => {
    const info = nestedInfo(
      '{ enterprise(id: "toutiao") { attracted(first: 5) { local sourceKind registeredCapital { amount } upstream { id } park { name } } } }',
      'attracted',
    );
    expect(selectedEnterpriseProperties(info)).toEqual([
      'id', 'synthetic', 'local', 'landedOn', 'leftOn', 'sourceKind', 'registeredCapitalAmount', 'registeredCapitalCurrency', 'registeredCapitalText',
    ]);
  });

  it('follows named and inline fragments', () => {
    const doc = `query Q { enterprise(id: "dalv") { ...Card ... on Enterprise { nameEn } } }
      fragment Card on Enterprise { name ...Dates }
      fragment Dates on Enterprise { signedOn sources { quote } }`;
    expect(selectedEnterpriseProperties(infoOf(doc))).toEqual(['id', 'name', 'nameEn', 'synthetic', 'signedOn', 'sourceKind', 'quotes', 'reason', 'docId']);
  });

  it('reads everything for a field it does not know (a new field answers right, only slower)', () => {
    expect(selectedEnterpriseProperties(infoOf('{ enterprise(id: "dalv") { name someNewField } }'))).toBeNull();
  });

  it('narrows the Cypher projection to a whitelist, id first', () => {
    expect(enterpriseProjection('x', 'since: r.since', ['name', 'id', 'searchZh'])).toBe('x {.id, .name, since: r.since}');
    expect(enterpriseProjection('x', '', [])).toBe('x {.id}');
  });
});

describe('connectionSelection', () => {
  it('a count alone needs no rows', () => {
    const sel = connectionSelection(infoOf('{ enterprises(first: 0, filter: { isAnchor: true }) { totalCount } }'));
    expect(sel).toEqual({ needsRows: false, needsTotal: true, needsNextPage: false, props: ['id'], nodeFields: [] });
  });

  it('pageInfo needs rows even without nodes (the cursors and hasNextPage come from them)', () => {
    expect(connectionSelection(infoOf('{ enterprises { pageInfo { hasNextPage } } }'))).toMatchObject({ needsRows: true, needsTotal: false, needsNextPage: true });
  });

  it('unites the properties of edges.node and nodes, through fragments', () => {
    const doc = `{ enterprises(first: 10) { ...Page nodes { landedOn } } }
      fragment Page on EnterpriseConnection { totalCount edges { cursor node { n: name } } }`;
    const sel = connectionSelection(infoOf(doc));
    expect({ ...sel, nodeFields: sel.nodeFields.map((f) => f.name.value) }).toEqual({
      needsRows: true,
      needsTotal: true,
      needsNextPage: false,
      props: ['id', 'name', 'landedOn'],
      // The page firms' fields, for the nested lists read in the page's statement.
      nodeFields: ['landedOn', 'name'],
    });
  });
});
