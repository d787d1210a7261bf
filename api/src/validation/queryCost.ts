import {
  GraphQLError,
  TypeInfo,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isListType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { CHANNELS, LIST_SIZES, WORK, introspectionSizes, type Channel, type CostCaps } from './costRules.ts';
import { fieldsOf, fragmentsOf } from './queryShape.ts';

export type { CostCaps };

/** One step of the costliest chain of fields: its response name, the items taken for it when it is a list, and its cost (for one item of the field above). */
export interface CostStep {
  field: string;
  items: number | null;
  cost: number;
}

export interface CostEstimate {
  cost: number;
  /** From the top: the costliest field, its costliest child, and so on (what the error message names). */
  heaviest: CostStep[];
  /** The variables do not fit their types: execution refuses the request before any resolver, so nothing was estimated. */
  invalidVariables?: boolean;
}

/** Selections the estimate walks at most, fragments expanded where they are spread (the library's guard against fragments spread many times). */
export const MAX_QUERY_NODES = 10_000;

/** Thrown when an operation has more than MAX_QUERY_NODES selections once its fragments are expanded. */
export class TooManySelections extends Error {}

/** A list sized by a field above it (CHANNELS), as the pre-pass found it. */
interface ChannelUse {
  size: number;
  /** Fields each item is built with whatever is selected (1 + the type's fields), 0 if none. */
  floor: number;
  total: boolean;
}

interface Producer {
  uses: Array<{ channel: Channel; size: number; floor: number; nodes: FieldNode[] }>;
}

const isList = (t: Parameters<typeof getNullableType>[0]): boolean => isListType(getNullableType(t));

const introspectionCache = new WeakMap<GraphQLSchema, Record<string, number>>();
function introspection(schema: GraphQLSchema): Record<string, number> {
  let sizes = introspectionCache.get(schema);
  if (!sizes) introspectionCache.set(schema, (sizes = introspectionSizes(schema)));
  return sizes;
}

/** Cost of building one item of `typeName` whole: the object and each of its fields. */
function floorOf(schema: GraphQLSchema, typeName: string | undefined): number {
  if (!typeName) return 0;
  const t = schema.getType(typeName);
  return isObjectType(t) ? 1 + Object.keys(t.getFields()).length : 0;
}

/** The fields reached from `set` by following `path` (field names, aliases aside). */
function fieldsAt(set: SelectionSetNode | undefined, path: string[], fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  if (!set || path.length === 0) return [];
  const here = fieldsOf(set, fragments).filter((f) => f.name.value === path[0]);
  return path.length === 1 ? here : here.flatMap((f) => fieldsAt(f.selectionSet, path.slice(1), fragments));
}

/**
 * First pass, before the library's: every field that sizes a list below it (CHANNELS) reads its
 * arguments (variables, their defaults and the SDL defaults applied, as execution will) and marks
 * the lists it sizes. Linear in the document: fragments are visited once, where they are defined.
 */
function findChannels(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  caps: CostCaps,
): { uses: Map<FieldNode, ChannelUse>; producers: Map<FieldNode, Producer> } {
  const fragments = fragmentsOf(document);
  const uses = new Map<FieldNode, ChannelUse>();
  const producers = new Map<FieldNode, Producer>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const def = typeInfo.getFieldDef();
        const channels = parent && def ? CHANNELS[`${parent.name}.${def.name}`] : undefined;
        if (!channels || !def) return;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(def, node, variables);
        } catch {
          return; // execution fails this field before its resolver runs; the library skips it too
        }
        const producer: Producer = { uses: [] };
        for (const channel of channels) {
          const size = channel.size(args, caps);
          const floor = floorOf(schema, channel.builds);
          const nodes = fieldsAt(node.selectionSet, channel.path, fragments);
          producer.uses.push({ channel, size, floor, nodes });
          for (const n of nodes) {
            // A fragment shared by two sizing fields keeps the larger size.
            const prev = uses.get(n);
            uses.set(n, { size: Math.max(size, prev?.size ?? 0), floor: Math.max(floor, prev?.floor ?? 0), total: channel.total === true });
          }
        }
        producers.set(node, producer);
      },
    }),
  );
  return { uses, producers };
}

/**
 * The estimated cost of an operation (costRules.ts says what a unit is and where each list's size
 * comes from), computed by graphql-query-complexity: it reads the variables sent and their
 * defaults, the SDL's argument defaults, aliases (each counted), named and inline fragments (at
 * each spread), and `@skip` / `@include`. Introspection lists are sized from the schema. Throws
 * TooManySelections past MAX_QUERY_NODES, and the library's GraphQLError when an argument cannot
 * be read (a null given for a non-null argument through a variable's default).
 */
export function estimateCost(opts: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  caps: CostCaps;
}): CostEstimate {
  const { schema, document, operation, caps } = opts;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], opts.variables);
  if (coerced.errors) return { cost: 0, heaviest: [], invalidVariables: true };
  const { uses, producers } = findChannels(schema, document, coerced.coerced, caps);
  const intro = introspection(schema);
  const costs = new Map<FieldNode, Spent>();
  /** Per-item cost of lists sized in total by their producer (growth's landedIds). */
  const totalItems = new Map<FieldNode, number>();
  /**
   * Sized lists the library has estimated since their sizing field last looked: it estimates a
   * field's selection just before the field, so these are the ones of the field estimated next
   * (a list left out by `@skip` / `@include` is not among them, and its graph is built anyway).
   */
  const pending = new Set<FieldNode>();

  const estimate = ({ type, field, node, args, childComplexity }: ComplexityEstimatorArgs): number => {
    if (field.name === '__typename') return 0;
    const key = `${type.name}.${field.name}`;
    const item = 1 + childComplexity;
    const use = uses.get(node);
    if (use) pending.add(node);
    if (use?.total) {
      totalItems.set(node, item);
      return 0;
    }
    let items: number | null = null;
    let cost = item;
    if (isList(field.type)) {
      const rule = LIST_SIZES[key];
      items = use ? use.size : typeof rule === 'function' ? rule(args, caps) : (rule ?? intro[key] ?? UNKNOWN_LIST_SIZE);
      cost = 1 + items * Math.max(item, use?.floor ?? 0);
    }
    const work = WORK[key];
    cost += typeof work === 'function' ? work(args, caps) : (work ?? 0);
    for (const u of producers.get(node)?.uses ?? []) {
      const selected = u.nodes.filter((n) => pending.delete(n));
      if (u.channel.total) for (const n of selected) cost += u.size * (totalItems.get(n) ?? 0);
      else if (u.floor > 0 && selected.length === 0) cost += u.size * u.floor; // built, though not selected
    }
    const prev = costs.get(node);
    if (!prev || prev.cost < cost) costs.set(node, { cost, items });
    return cost;
  };

  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: opts.variables,
      operationName: operation.name?.value,
      estimators: [estimate],
      maxQueryNodes: MAX_QUERY_NODES,
    });
  } catch (err) {
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) throw new TooManySelections(err.message);
    throw err;
  }
  return { cost, heaviest: heaviestChain(operation.selectionSet, fragmentsOf(document), costs) };
}

/** Size of a list no rule names: large, so that a list added to the schema without a rule is priced high, never free (a unit test keeps the rules complete). */
export const UNKNOWN_LIST_SIZE = 1000;

/** What the estimate found for a field: its cost, and the items taken when it is a list. */
interface Spent {
  cost: number;
  items: number | null;
}

/**
 * The costliest top-level field, then its costliest child as long as that child makes at least
 * half of what one item of its parent costs (not so where the parent's own work in the database
 * dominates), and so on: the chain to name in the error message.
 */
function heaviestChain(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, costs: Map<FieldNode, Spent>): CostStep[] {
  const out: CostStep[] = [];
  let here: SelectionSetNode | undefined = set;
  let share = 0;
  while (here && out.length < 20) {
    let best: (Spent & { node: FieldNode }) | null = null;
    for (const f of fieldsOf(here, fragments)) {
      const c = costs.get(f);
      if (c && f.selectionSet && (!best || c.cost > best.cost)) best = { node: f, ...c };
    }
    if (!best || best.cost < share) break;
    out.push({ field: best.node.alias?.value ?? best.node.name.value, items: best.items, cost: best.cost });
    here = best.node.selectionSet;
    share = best.cost / Math.max(1, best.items ?? 1) / 2;
  }
  return out;
}

/** `chains ×10 › segments ×10 › enterprises ×100 …`: the costliest chain of fields, with the items taken for each list. */
export function describeChain(steps: CostStep[]): string {
  return steps.map((s) => (s.items === null ? s.field : `${s.field} ×${s.items.toLocaleString('en-US')}`)).join(' › ');
}
