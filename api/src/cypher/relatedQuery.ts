import { REL_ENDS, type NodeLabel, type RelType } from '@cangshan/model';
import { asOfFragment } from './asOf.ts';
import { lines, type CypherQuery } from './cypherQuery.ts';
import { enterpriseProjection, type EnterpriseProperty } from './enterpriseProjection.ts';
import { inDistrictCypher } from './inDistrict.ts';

/**
 * One neighbour kind of a node: `(from:fromLabel)-[:rel]->(x:toLabel)` (or `<-`, or either way).
 * Labels and types come from this fixed table only, never from a request.
 */
export interface RelatedSpec {
  from: NodeLabel;
  rel: RelType;
  dir: 'out' | 'in' | 'both';
  to: NodeLabel;
  /** Cypher ORDER BY over `x` for a stable order. */
  orderBy: string;
  /** Accepts `asOf` (target firms and the relation must count) and/or `local` (in the district as of `asOf`, or now: derived from the dates). */
  asOf?: boolean;
  local?: boolean;
}

/**
 * Nested lists of firms that can run into thousands per parent (an anchor's `attracted`, a hub's
 * `partners`, a segment's `enterprises`) take a page: `first` items per parent, DEFAULT_NESTED_FIRST
 * when the caller gives none, at most MAX_NESTED_FIRST (the SDL says so; the cost estimate in
 * validation/ counts them at `first` each).
 */
export const DEFAULT_NESTED_FIRST = 100;
export const MAX_NESTED_FIRST = 1000;

/** Every nested field that is answered through a batched loader: one Cypher per kind and level, however many parents (no N+1). */
export const RELATED = {
  attracted: { from: 'Enterprise', rel: 'ATTRACTED', dir: 'out', to: 'Enterprise', orderBy: 'x.landedOn, x.id', asOf: true },
  attractedBy: { from: 'Enterprise', rel: 'ATTRACTED', dir: 'in', to: 'Enterprise', orderBy: 'x.landedOn, x.id', asOf: true },
  upstream: { from: 'Enterprise', rel: 'SUPPLIES', dir: 'in', to: 'Enterprise', orderBy: 'x.id', asOf: true },
  downstream: { from: 'Enterprise', rel: 'SUPPLIES', dir: 'out', to: 'Enterprise', orderBy: 'x.id', asOf: true },
  partners: { from: 'Enterprise', rel: 'PARTNER_OF', dir: 'both', to: 'Enterprise', orderBy: 'x.id', asOf: true },
  parent: { from: 'Enterprise', rel: 'PART_OF', dir: 'out', to: 'Enterprise', orderBy: 'x.id' },
  units: { from: 'Enterprise', rel: 'PART_OF', dir: 'in', to: 'Enterprise', orderBy: 'x.landedOn, x.id', asOf: true },
  park: { from: 'Enterprise', rel: 'LOCATED_IN', dir: 'out', to: 'Place', orderBy: "CASE x.kind WHEN 'park' THEN 0 ELSE 1 END, x.id" },
  relocatedFrom: { from: 'Enterprise', rel: 'RELOCATED_FROM', dir: 'out', to: 'Place', orderBy: 'x.id' },
  segment: { from: 'Enterprise', rel: 'IN_SEGMENT', dir: 'out', to: 'Segment', orderBy: 'x.order, x.id' },
  projects: { from: 'Enterprise', rel: 'HAS_PROJECT', dir: 'out', to: 'Project', orderBy: 'x.signedOn, x.id' },
  mechanisms: { from: 'Enterprise', rel: 'FACILITATED_BY', dir: 'out', to: 'Mechanism', orderBy: 'x.id' },
  projectParent: { from: 'Project', rel: 'PART_OF', dir: 'out', to: 'Project', orderBy: 'x.id' },
  subProjects: { from: 'Project', rel: 'PART_OF', dir: 'in', to: 'Project', orderBy: 'x.id' },
  projectPark: { from: 'Project', rel: 'LOCATED_IN', dir: 'out', to: 'Place', orderBy: "CASE x.kind WHEN 'park' THEN 0 ELSE 1 END, x.id" },
  projectEnterprises: { from: 'Project', rel: 'HAS_PROJECT', dir: 'in', to: 'Enterprise', orderBy: 'x.id' },
  projectMechanisms: { from: 'Project', rel: 'FACILITATED_BY', dir: 'out', to: 'Mechanism', orderBy: 'x.id' },
  placeParent: { from: 'Place', rel: 'PART_OF', dir: 'out', to: 'Place', orderBy: 'x.id' },
  segmentChain: { from: 'Segment', rel: 'HAS_SEGMENT', dir: 'in', to: 'Chain', orderBy: 'x.id' },
  feeds: { from: 'Segment', rel: 'FEEDS', dir: 'out', to: 'Segment', orderBy: 'x.order, x.id' },
  fedBy: { from: 'Segment', rel: 'FEEDS', dir: 'in', to: 'Segment', orderBy: 'x.order, x.id' },
  segmentEnterprises: { from: 'Segment', rel: 'IN_SEGMENT', dir: 'in', to: 'Enterprise', orderBy: 'x.landedOn, x.id', asOf: true, local: true },
  chainSegments: { from: 'Chain', rel: 'HAS_SEGMENT', dir: 'out', to: 'Segment', orderBy: 'x.order, x.id' },
} as const satisfies Record<string, RelatedSpec>;

export type RelatedName = keyof typeof RELATED;

/**
 * How a neighbour list is cut (`asOf`, `local`, `first`) and, for firms, which stored properties
 * to read (`props`, from the selection: selectedProperties.ts; null or omitted reads them all).
 */
export interface RelatedOptions {
  asOf?: string | null;
  local?: boolean | null;
  first?: number | null;
  props?: readonly EnterpriseProperty[] | null;
}


/**
 * The pattern from the parent `parent` over `rel` to the neighbour `x` of one kind. The neighbour
 * carries its label only where the relation type could reach another one: a type whose far end the
 * model allows only one label for (REL_ENDS: ATTRACTED, SUPPLIES and PARTNER_OF join firms only;
 * imports and writes check it) needs no label check on each neighbour — PROFILE counts one db hit
 * per neighbour for it. A type that joins several labels (PART_OF) keeps it. Variables are ours.
 */
export function relatedPattern(spec: RelatedSpec, parent = 's', rel = 'r', x = 'x'): string {
  const ends = REL_ENDS[spec.rel];
  const far = spec.dir === 'out' ? ends.to : spec.dir === 'in' ? ends.from : [...ends.from, ...ends.to];
  const node = far.every((l) => l === spec.to) ? x : `${x}:${spec.to}`;
  const r = `[${rel}:${spec.rel}]`;
  if (spec.dir === 'out') return `(${parent})-${r}->(${node})`;
  if (spec.dir === 'in') return `(${parent})<-${r}-(${node})`;
  return `(${parent})-${r}-(${node})`;
}

/**
 * The batched neighbour query: for every id of `ids`, its neighbours of one kind, one row per id
 * that has any (ids without neighbours get no row; the loader fills in []). With `first`, at most
 * that many per id, the first in the kind's order: the page is taken for each parent inside a
 * subquery (which also gives parents without neighbours a row, with []), so one parent's thousands
 * of neighbours are never read past the page. Firms carry only `opts.props` when given.
 *
 * Only the conditions that apply are written: with no `asOf` (and no `local`) the as-of predicates
 * are left out rather than sent with a null parameter, so the neighbours' dates are not read for
 * nothing. A page of firms is projected before it is ordered (the order keys join the projection),
 * as the Neo4j GraphQL Library does: each property is read once, by the projection.
 */
export function buildRelatedQuery(
  name: RelatedName,
  ids: readonly string[],
  opts: RelatedOptions = {},
): CypherQuery {
  const spec: RelatedSpec = RELATED[name];
  const asOf = spec.asOf || spec.local ? (opts.asOf ?? null) : null;
  const local = spec.local ? (opts.local ?? null) : null;
  const where = [
    spec.asOf && asOf !== null ? asOfFragment.node('x') : null,
    spec.asOf && asOf !== null ? asOfFragment.rel('r') : null,
    // `local` is derived from the dates (inDistrict.ts): in the district as of `$asOf`, or now.
    local !== null ? `${inDistrictCypher('x')} = $local` : null,
  ].filter((w): w is string => w !== null);
  const firms = spec.to === 'Enterprise';
  const paged = opts.first !== undefined && opts.first !== null;
  if (paged && (!Number.isSafeInteger(opts.first) || (opts.first as number) < 0)) throw new RangeError(`first ${String(opts.first)} is not an integer ≥ 0`);
  const pattern = relatedPattern(spec);
  let body: string[];
  if (firms) {
    // The order keys (x.landedOn, x.id) are read into the projection and ordered there.
    const keys = [...spec.orderBy.matchAll(/x\.(\w+)/g)].map((m) => m[1] as string);
    const props = opts.props ? [...new Set([...opts.props, ...keys])] : null;
    body = [
      `MATCH ${pattern}`,
      where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
      `WITH ${enterpriseProjection('x', '', props)} AS x`,
      `ORDER BY ${spec.orderBy}`,
      paged ? 'LIMIT $first' : '',
      'RETURN collect(x) AS items',
    ];
  } else {
    body = [
      `MATCH ${pattern}`,
      where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
      `WITH x, r ORDER BY ${spec.orderBy}`,
      paged ? 'LIMIT $first' : '',
      'RETURN collect(x {.*, since: r.since}) AS items',
    ];
  }
  const cypher = lines(
    'UNWIND $ids AS id',
    `MATCH (s:${spec.from} {id: id})`,
    'CALL (s) {',
    ...body.filter((l) => l !== '').map((l) => `  ${l}`),
    '}',
    'RETURN id, items',
  );
  const params: Record<string, unknown> = { ids: [...ids] };
  if (asOf !== null || local !== null) params.asOf = asOf;
  if (local !== null) params.local = local;
  if (paged) params.first = opts.first;
  return { cypher, params };
}
