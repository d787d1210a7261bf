import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { ENTERPRISE_PROPERTIES, type EnterpriseProperty } from './enterpriseProjection.ts';

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/**
 * The fields of some selection sets, flattened through fragment spreads and inline fragments.
 * Aliases do not matter here (`a: name` still reads `name`); @skip/@include are ignored, so a
 * skipped field is read anyway (reading more is always safe).
 */
export function selectedFields(sets: ReadonlyArray<SelectionSetNode | undefined>, fragments: Fragments): FieldNode[] {
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        // A fragment spread twice is read once (and a cycle, which validation forbids anyway, ends).
        seen.add(s.name.value);
        walk(fragments[s.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return out;
}

/** Enterprise fields computed from several stored properties (the resolvers in capabilities/enterprise and sources). */
const DERIVED: Readonly<Record<string, readonly EnterpriseProperty[]>> = {
  local: ['local', 'landedOn', 'leftOn'],
  sourceKind: ['sourceKind', 'synthetic'],
  sources: ['sourceKind', 'synthetic', 'quotes', 'reason', 'docId'],
  registeredCapital: ['registeredCapitalAmount', 'registeredCapitalCurrency', 'registeredCapitalText'],
  paidInCapital: ['paidInCapitalAmount', 'paidInCapitalCurrency', 'paidInCapitalText'],
};

/** Enterprise fields answered from the firm's id alone (through the loaders), and the meta field. */
const BY_ID = new Set([
  '__typename', 'park', 'relocatedFrom', 'segment', 'parent', 'attracted', 'attractedBy', 'upstream', 'downstream',
  'partners', 'units', 'projects', 'investmentYuan', 'mechanisms',
  'attractedConnection', 'attractedByConnection', 'upstreamConnection', 'downstreamConnection', 'partnersConnection', 'unitsConnection',
]);

const STORED = new Set<string>(ENTERPRISE_PROPERTIES);

/**
 * The stored properties an Enterprise selection needs, in ENTERPRISE_PROPERTIES order, `id` always
 * first; null (read them all) when a field is not known here, so a field added to the SDL without
 * a line here still answers right, only slower.
 */
export function enterprisePropertiesOf(fields: readonly FieldNode[]): EnterpriseProperty[] | null {
  const need = new Set<string>(['id']);
  for (const f of fields) {
    const name = f.name.value;
    const derived = DERIVED[name];
    if (derived) derived.forEach((p) => need.add(p));
    else if (STORED.has(name)) need.add(name);
    else if (!BY_ID.has(name)) return null;
  }
  return ENTERPRISE_PROPERTIES.filter((p) => need.has(p));
}

/** The properties the Enterprise (or list of them) returned by the field being resolved needs. */
export function selectedEnterpriseProperties(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): EnterpriseProperty[] | null {
  return enterprisePropertiesOf(selectedFields(info.fieldNodes.map((n) => n.selectionSet), info.fragments));
}

/**
 * What an EnterpriseConnection selection needs: whether any field needs the page's rows (edges,
 * nodes, pageInfo: the cursors and hasNextPage come from them), and the properties of its nodes.
 */
export function connectionSelection(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): {
  needsRows: boolean;
  needsTotal: boolean;
  /** `pageInfo` is selected: read one row past the page to know whether another follows. */
  needsNextPage: boolean;
  props: EnterpriseProperty[] | null;
  /** The fields selected on the page's firms (`nodes` and `edges.node`, fragments flattened). */
  nodeFields: FieldNode[];
} {
  const top = selectedFields(info.fieldNodes.map((n) => n.selectionSet), info.fragments);
  const named = (name: string) => top.filter((f) => f.name.value === name);
  const edgeFields = selectedFields(named('edges').map((f) => f.selectionSet), info.fragments);
  const nodeSets = [...named('nodes'), ...edgeFields.filter((f) => f.name.value === 'node')].map((f) => f.selectionSet);
  const nodeFields = selectedFields(nodeSets, info.fragments);
  return {
    nodeFields,
    needsRows: top.some((f) => f.name.value === 'edges' || f.name.value === 'nodes' || f.name.value === 'pageInfo'),
    needsTotal: top.some((f) => f.name.value === 'totalCount'),
    needsNextPage: top.some((f) => f.name.value === 'pageInfo'),
    props: enterprisePropertiesOf(nodeFields),
  };
}
