import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** How a list field multiplies the cost of its selection: by its size argument, or by this guess for lists without one. */
export const UNSIZED_LIST_FACTOR = 3;
const SIZE_ARGS = new Set(['first', 'limit', 'last']);
/** Fields that return lists without a size argument (nested relations): each multiplies by UNSIZED_LIST_FACTOR. */
const LIST_FIELDS = new Set([
  'attracted', 'attractedBy', 'upstream', 'downstream', 'partners', 'units', 'projects', 'subProjects', 'enterprises',
  'segments', 'feeds', 'fedBy', 'mechanisms', 'sources', 'anchors', 'chains', 'indicators',
  'byChain', 'byYear', 'circles', 'growth',
]);

function argValue(v: ValueNode, variables: Record<string, unknown>): unknown {
  if (v.kind === Kind.VARIABLE) return variables[v.name.value];
  if (v.kind === Kind.INT) return Number(v.value);
  return undefined;
}

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * Depth and cost of an operation, both without introspection fields (`__schema`, `__type`:
 * GraphiQL's introspection query nests `ofType` deeply and is cheap). Depth counts nested
 * selection levels. Cost: 1 per field, plus its selection's cost times the field's size argument
 * (`first`, `limit`) or, for list fields without one, UNSIZED_LIST_FACTOR. Variables are read, so
 * `first: $n` is costed at the value sent. Fragments are followed (a cycle is a validation error
 * graphql-js reports before this runs; `seen` guards anyway).
 */
export function measureOperation(
  doc: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { depth: number; cost: number; rootFields: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const w = { fragments, variables };
  return { ...measureSet(operation.selectionSet, w, new Set()), rootFields: countRootFields(operation.selectionSet, w, new Set()) };
}

/** Top-level fields (aliases count each time: `{ a: circle(…) b: circle(…) }` is two database queries). */
function countRootFields(set: SelectionSetNode, w: Walk, seen: Set<string>): number {
  let n = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) n += s.name.value.startsWith('__') ? 0 : 1;
    else if (s.kind === Kind.INLINE_FRAGMENT) n += countRootFields(s.selectionSet, w, seen);
    else if (!seen.has(s.name.value)) {
      const f = w.fragments.get(s.name.value);
      if (f) n += countRootFields(f.selectionSet, w, new Set([...seen, s.name.value]));
    }
  }
  return n;
}

function measureSet(set: SelectionSetNode, w: Walk, seen: Set<string>): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const m = measureField(s, w, seen);
      depth = Math.max(depth, m.depth);
      cost += m.cost;
    } else {
      const sub = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : seen.has(s.name.value) ? null : w.fragments.get(s.name.value)?.selectionSet;
      if (!sub) continue;
      const m = measureSet(sub, w, s.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, s.name.value]) : seen);
      depth = Math.max(depth, m.depth);
      cost += m.cost;
    }
  }
  return { depth, cost };
}

function measureField(f: FieldNode, w: Walk, seen: Set<string>): { depth: number; cost: number } {
  if (f.name.value.startsWith('__')) return { depth: 0, cost: 0 };
  if (!f.selectionSet) return { depth: 1, cost: 1 };
  const inner = measureSet(f.selectionSet, w, seen);
  let factor = LIST_FIELDS.has(f.name.value) ? UNSIZED_LIST_FACTOR : 1;
  for (const a of f.arguments ?? []) {
    if (!SIZE_ARGS.has(a.name.value)) continue;
    const v = argValue(a.value, w.variables);
    if (typeof v === 'number' && Number.isFinite(v)) factor = Math.max(1, v);
  }
  return { depth: inner.depth + 1, cost: 1 + factor * inner.cost };
}
