import { getArgumentValues, isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { asOfFragment } from './asOf.ts';
import { enterprisePropertiesOf, selectedFields } from './selectedProperties.ts';
import { DEFAULT_NESTED_FIRST, MAX_NESTED_FIRST, RELATED, relatedPattern, type RelatedName, type RelatedSpec } from './relatedQuery.ts';

/**
 * Nested firm lists read in the statement of their parent.
 *
 * A request such as `enterprise(id) { attracted { upstream { id name } } }` would otherwise cost one
 * statement per level (the batched loaders, Loaders.ts: one round-trip each, each finding its
 * parents again by id). Here the lists of firms under a firm — attracted, attractedBy, upstream,
 * downstream, partners, units, at any depth — become `CALL` subqueries of the parent's statement,
 * each list projected (only the selected properties) into its parent's row under a key the field's
 * resolver looks for first (`prefetchedList`). A caller may add planners for other fields (the
 * nested connections: capabilities/connections, `planConnection`). Anything else under them (a
 * park, sources) still goes through the loaders, keyed by the firm's id.
 *
 * Measured with the peer benchmark against the batched loaders on the same questions: see
 * docs/BENCH.md, "Peer comparison".
 */

/** The resolver's key for the list prefetched for a field: its response key (alias or name). */
export function prefetchKey(responseKey: string): string {
  return `__nested_${responseKey}`;
}

/** The list prefetched for the field being resolved, or undefined (the loader answers then). */
export function prefetchedList(parent: Record<string, unknown>, info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fieldName'>): unknown[] | undefined {
  const node = info.fieldNodes[0];
  const v = parent[prefetchKey(node?.alias?.value ?? info.fieldName)];
  return Array.isArray(v) ? v : undefined;
}

/** The Enterprise fields whose lists can be read in the parent's statement, and whether they take `first`. */
const PREFETCHABLE: Readonly<Record<string, { name: RelatedName; paged: boolean }>> = {
  attracted: { name: 'attracted', paged: true },
  attractedBy: { name: 'attractedBy', paged: false },
  upstream: { name: 'upstream', paged: true },
  downstream: { name: 'downstream', paged: true },
  partners: { name: 'partners', paged: true },
  units: { name: 'units', paged: true },
};

/** A GraphQL name, which is also a Cypher identifier: response keys are spliced as map keys only after this check. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

export interface NestedPlan {
  /** `CALL (parent) { … }` subqueries to run after the parent is bound. */
  calls: string[];
  /** Map entries (`__nested_attracted: n1`) to add to the parent's projection. */
  entries: string[];
  /** The variables the subqueries return, to carry past a WITH. */
  vars: string[];
}

/**
 * A field this module does not know that another part of the API can read in the parent's
 * statement (a nested connection: capabilities/connections): its subqueries, the expression of
 * its value in the parent's map, the variables they return and their parameters; null to leave it
 * to its resolver. `id` makes its variables and parameters unique in the statement.
 */
export type NestedPlanner = (
  name: string,
  nodes: readonly FieldNode[],
  parent: string,
  id: number,
  info: Info,
) => { calls: string[]; value: string; vars: string[]; params: Record<string, unknown> } | null;

/** A nested list's page as its resolver takes it (the default when absent), or null when the resolver would refuse it. */
function pageOf(first: unknown): number | null {
  if (first === undefined || first === null) return DEFAULT_NESTED_FIRST;
  return typeof first === 'number' && Number.isSafeInteger(first) && first >= 0 && first <= MAX_NESTED_FIRST ? first : null;
}

export type Info = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;

/**
 * The subqueries that read the nested firm lists selected under the firm bound to `parent`
 * (`fields`: its selection, fragments flattened), recursively. Parameters go into `params` under
 * fresh names. A field whose arguments do not coerce (an invalid `asOf` or `first`) is left to its
 * resolver, which reports the error as it always has.
 */
export function planNestedLists(
  parent: string,
  fields: readonly FieldNode[],
  info: Info,
  params: Record<string, unknown>,
  counter = { n: 0 },
  extra: NestedPlanner | null = null,
): NestedPlan {
  const enterprise = info.schema.getType('Enterprise');
  if (!isObjectType(enterprise)) return { calls: [], entries: [], vars: [] };
  const byKey = new Map<string, FieldNode[]>();
  for (const f of fields) {
    if (!(f.name.value in PREFETCHABLE) && extra === null) continue;
    const key = f.alias?.value ?? f.name.value;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const plan: NestedPlan = { calls: [], entries: [], vars: [] };
  for (const [key, nodes] of byKey) {
    const first = nodes[0] as FieldNode;
    if (!(first.name.value in PREFETCHABLE)) {
      const other = extra !== null && NAME.test(key) ? extra(first.name.value, nodes, parent, ++counter.n, info) : null;
      if (other !== null) {
        Object.assign(params, other.params);
        plan.calls.push(...other.calls);
        plan.entries.push(`${prefetchKey(key)}: ${other.value}`);
        plan.vars.push(...other.vars);
      }
      continue;
    }
    const which = PREFETCHABLE[first.name.value];
    const def = enterprise.getFields()[first.name.value];
    if (!which || !def || !NAME.test(key)) continue;
    let args: Record<string, unknown>;
    let page: number | null;
    try {
      args = getArgumentValues(def, first, info.variableValues);
      page = which.paged ? pageOf(args.first) : null;
    } catch {
      continue;
    }
    if (which.paged && page === null) continue;
    const spec: RelatedSpec = RELATED[which.name];
    const i = ++counter.n;
    const x = `x${i}`;
    const m = `m${i}`;
    const r = `r${i}`;
    const children = selectedFields(nodes.map((n) => n.selectionSet), info.fragments);
    const asOf = typeof args.asOf === 'string' ? args.asOf : null;
    const where: string[] = [];
    if (asOf !== null && spec.asOf) {
      params[`asOf${i}`] = asOf;
      where.push(asOfFragment.node(x, `asOf${i}`), asOfFragment.rel(r, `asOf${i}`));
    }
    if (page !== null) params[`first${i}`] = page;
    const keys = [...spec.orderBy.matchAll(/x\.(\w+)/g)].map((g) => g[1] as string);
    const selected = enterprisePropertiesOf(children);
    const props = selected ? [...new Set([...selected, ...keys])] : null;
    const projection = props ? props.map((p) => `.${p}`).join(', ') : '.*';
    const order = spec.orderBy.replaceAll('x.', `${m}.`);
    const inner = planNestedLists(x, children, info, params, counter, extra);
    const body = [
      `MATCH ${relatedPattern(spec, parent, r, x)}`,
      where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
      `WITH ${x}, ${x} {${projection}} AS ${m}`,
      `ORDER BY ${order}`,
      page !== null ? `LIMIT $first${i}` : '',
      ...inner.calls,
      // The subqueries above keep one row per firm; ordered again (a few rows, map keys: no db hits)
      // so that the list's order never depends on how the planner ran them.
      inner.calls.length > 0 ? `WITH ${m}${inner.vars.map((v) => `, ${v}`).join('')} ORDER BY ${order}` : '',
      `RETURN collect(${inner.entries.length > 0 ? `${m} {.*, ${inner.entries.join(', ')}}` : m}) AS l${i}`,
    ].filter((l) => l !== '');
    plan.calls.push(`CALL (${parent}) {\n${body.map((l) => `  ${l.replaceAll('\n', '\n  ')}`).join('\n')}\n}`);
    plan.entries.push(`${prefetchKey(key)}: l${i}`);
    plan.vars.push(`l${i}`);
  }
  return plan;
}

/** The plan for the selection of the field being resolved (a firm, or a list or page of firms: pass the node's fields). */
export function planForSelection(parent: string, fields: readonly FieldNode[], info: Info, extra: NestedPlanner | null = null): { plan: NestedPlan; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  return { plan: planNestedLists(parent, fields, info, params, { n: 0 }, extra), params };
}
