import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The fragments of a document by name. */
export function fragmentsOf(doc: DocumentNode): Map<string, FragmentDefinitionNode> {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out.set(d.name.value, d);
  return out;
}

/**
 * The fields a selection set selects at its own level, through named and inline fragments (each
 * fragment once: a cycle is a validation error graphql-js reports before this runs).
 */
export function fieldsOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string> = new Set()): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(s.selectionSet, fragments, seen));
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const f = fragments.get(s.name.value);
      if (f) out.push(...fieldsOf(f.selectionSet, fragments, seen));
    }
  }
  return out;
}

/**
 * Depth and top-level fields of an operation, both without introspection fields (`__schema`,
 * `__type`: GraphiQL's introspection query nests `ofType` deeply and is cheap; its lists are
 * priced by the cost estimate). Depth counts nested selection levels; top-level fields count
 * aliases each time (`{ a: circle(…) b: circle(…) }` is two database queries). Each fragment is
 * measured once: a fragment spread twice at every level would otherwise cost 2^levels steps.
 * (Fragment cycles are validation errors graphql-js reports before this runs.)
 */
export function measureShape(doc: DocumentNode, operation: OperationDefinitionNode): { depth: number; rootFields: number } {
  const fragments = fragmentsOf(doc);
  const memo = { depth: new Map<string, number>(), root: new Map<string, number>() };
  const fragment = (name: string, kind: 'depth' | 'root', measure: (set: SelectionSetNode) => number): number => {
    const known = memo[kind].get(name);
    if (known !== undefined) return known;
    memo[kind].set(name, 0); // a cycle, should one get here, counts nothing
    const f = fragments.get(name);
    const v = f ? measure(f.selectionSet) : 0;
    memo[kind].set(name, v);
    return v;
  };
  const depthOf = (set: SelectionSetNode): number => {
    let depth = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (!s.name.value.startsWith('__')) depth = Math.max(depth, 1 + (s.selectionSet ? depthOf(s.selectionSet) : 0));
      } else if (s.kind === Kind.INLINE_FRAGMENT) depth = Math.max(depth, depthOf(s.selectionSet));
      else depth = Math.max(depth, fragment(s.name.value, 'depth', depthOf));
    }
    return depth;
  };
  const countRoot = (set: SelectionSetNode): number => {
    let n = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) n += s.name.value.startsWith('__') ? 0 : 1;
      else if (s.kind === Kind.INLINE_FRAGMENT) n += countRoot(s.selectionSet);
      else n += fragment(s.name.value, 'root', countRoot);
    }
    return n;
  };
  return { depth: depthOf(operation.selectionSet), rootFields: countRoot(operation.selectionSet) };
}
