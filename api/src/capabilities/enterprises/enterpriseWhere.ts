import { AsOfFormatError, endOfPeriod, parseIsoPrefix } from '@cangshan/model';
import { asOfFragment } from '../../cypher/asOf.ts';
import { inDistrictCypher } from '../../cypher/inDistrict.ts';
import { badInput } from '../../errors/index.ts';
import { FIRM_STATUS_NAMES } from '../enterprise/registryFields.ts';
import type { CypherParams } from './cypherParams.ts';
import {
  BOOLEAN_FIELDS, DATE_FIELDS, FLOAT_FIELDS, INT_FIELDS, RELATED_FIELDS, STRING_FIELDS,
  type DateFilterInput, type EnterpriseWhereInput, type FirmStatusFilterInput, type IDFilterInput,
  type NumberFilterInput, type PlaceWhereInput, type SegmentWhereInput, type StringFilterInput,
} from './enterpriseWhereInput.ts';

export { CypherParams } from './cypherParams.ts';
export type * from './enterpriseWhereInput.ts';

/** The limits of one `where` (docs/API.md, "Filtering and sorting enterprises"). */
export const WHERE_LIMITS = {
  /** Related-firm conditions inside one another (`attractedBySome: {upstreamSome: …}`). */
  relatedDepth: 4,
  /** Levels of AND / OR / NOT. */
  booleanDepth: 6,
  /** Conditions in all (each operator, each boolean, each relation). */
  conditions: 64,
  inItems: 1000,
  stringLength: 200,
} as const;

/**
 * How each related-firm condition reaches the other firm `x` from the firm `v`, and whether the
 * other firm must count as of `asOf` (the relation always must). A group (`parent`) is usually
 * outside the district and never landed, so only its PART_OF relation is cut, as `Enterprise.parent`
 * does not cut it either.
 */
const RELATED_PATTERNS: Record<(typeof RELATED_FIELDS)[number], { pattern: (v: string, r: string, x: string) => string; none: boolean; nodeAsOf: boolean }> = {
  attractedBySome: { pattern: (v, r, x) => `(${x})-[${r}:ATTRACTED]->(${v})`, none: false, nodeAsOf: true },
  attractedSome: { pattern: (v, r, x) => `(${v})-[${r}:ATTRACTED]->(${x})`, none: false, nodeAsOf: true },
  upstreamSome: { pattern: (v, r, x) => `(${x})-[${r}:SUPPLIES]->(${v})`, none: false, nodeAsOf: true },
  downstreamSome: { pattern: (v, r, x) => `(${v})-[${r}:SUPPLIES]->(${x})`, none: false, nodeAsOf: true },
  partnersSome: { pattern: (v, r, x) => `(${v})-[${r}:PARTNER_OF]-(${x})`, none: false, nodeAsOf: true },
  parent: { pattern: (v, r, x) => `(${v})-[${r}:PART_OF]->(${x}:Enterprise)`, none: false, nodeAsOf: false },
  attractedByNone: { pattern: (v, r, x) => `(${x})-[${r}:ATTRACTED]->(${v})`, none: true, nodeAsOf: true },
  upstreamNone: { pattern: (v, r, x) => `(${x})-[${r}:SUPPLIES]->(${v})`, none: true, nodeAsOf: true },
  downstreamNone: { pattern: (v, r, x) => `(${v})-[${r}:SUPPLIES]->(${x})`, none: true, nodeAsOf: true },
};

/** Registered capital in yuan: the amount when its currency is CNY or unknown (never converted). */
const registeredCapitalYuan = (v: string): string =>
  `(CASE WHEN ${v}.registeredCapitalCurrency IS NULL OR ${v}.registeredCapitalCurrency = 'CNY' THEN ${v}.registeredCapitalAmount END)`;

/** The Cypher expression of a numeric field: a stored property, or registered capital in yuan. */
const numberExpr = (v: string, field: string): string => (field === 'registeredCapitalYuan' ? registeredCapitalYuan(v) : `${v}.${field}`);

export interface CompileWhereOptions {
  /** The Cypher variable of the firm the conditions are about (chosen by our code). */
  variable: string;
  /** The name of the parameter holding the request's asOf (or null at run time); null: the request has none. */
  asOfParam: string | null;
  params: CypherParams;
  /** The argument's path for error messages; default `where`. */
  path?: string;
}

interface Ctx {
  asOfParam: string | null;
  params: CypherParams;
  conditions: number;
}

const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
const and = (parts: string[]): string | null => (parts.length === 0 ? null : parts.length === 1 ? (parts[0] as string) : parts.map((p) => `(${p})`).join(' AND '));

function count(ctx: Ctx, path: string): void {
  ctx.conditions += 1;
  if (ctx.conditions > WHERE_LIMITS.conditions) {
    throw badInput(path, `\`${path}\` is condition ${ctx.conditions}, above the ${WHERE_LIMITS.conditions} one \`where\` may hold. Split the question into several requests.`);
  }
}

function checkString(value: string, path: string): string {
  if (value.length > WHERE_LIMITS.stringLength) throw badInput(path, `\`${path}\` must be at most ${WHERE_LIMITS.stringLength} characters (got ${value.length}).`);
  return value;
}

function checkList<T>(values: readonly T[], path: string, each?: (v: T, p: string) => void): readonly T[] {
  if (values.length > WHERE_LIMITS.inItems) throw badInput(path, `\`${path}\` must list at most ${WHERE_LIMITS.inItems} values (got ${values.length}); page through them in several requests.`);
  if (each) values.forEach((v, i) => each(v, `${path}[${i}]`));
  return values;
}

/** `eq` and `in` over an expression, each operator its own condition. */
function eqIn(ctx: Ctx, expr: string, f: { eq?: unknown; in?: readonly unknown[] | null }, path: string, isString: boolean): string[] {
  const out: string[] = [];
  const str = (v: unknown, p: string): void => void (isString && typeof v === 'string' && checkString(v, p));
  if (given(f.eq)) {
    count(ctx, `${path}.eq`);
    str(f.eq, `${path}.eq`);
    out.push(`${expr} = ${ctx.params.add(f.eq)}`);
  }
  if (given(f.in)) {
    count(ctx, `${path}.in`);
    out.push(`${expr} IN ${ctx.params.add(checkList(f.in, `${path}.in`, str))}`);
  }
  return out;
}

function isNull(ctx: Ctx, expr: string, value: boolean | null | undefined, path: string): string[] {
  if (!given(value)) return [];
  count(ctx, `${path}.isNull`);
  return [value ? `${expr} IS NULL` : `${expr} IS NOT NULL`];
}

function stringFilter(ctx: Ctx, expr: string, f: StringFilterInput, path: string): string[] {
  const out = eqIn(ctx, expr, f, path, true);
  for (const [op, cypher] of [['contains', 'CONTAINS'], ['startsWith', 'STARTS WITH'], ['endsWith', 'ENDS WITH']] as const) {
    const value = f[op];
    if (!given(value)) continue;
    count(ctx, `${path}.${op}`);
    out.push(`${expr} ${cypher} ${ctx.params.add(checkString(value, `${path}.${op}`))}`);
  }
  return [...out, ...isNull(ctx, expr, f.isNull, path)];
}

function idFilter(ctx: Ctx, expr: string, f: IDFilterInput, path: string): string[] {
  return eqIn(ctx, expr, f, path, true);
}

function numberFilter(ctx: Ctx, expr: string, f: NumberFilterInput, path: string): string[] {
  const out = eqIn(ctx, expr, f, path, false);
  for (const [op, cypher] of [['lt', '<'], ['lte', '<='], ['gt', '>'], ['gte', '>=']] as const) {
    const value = f[op];
    if (!given(value)) continue;
    count(ctx, `${path}.${op}`);
    out.push(`${expr} ${cypher} ${ctx.params.add(value)}`);
  }
  return [...out, ...isNull(ctx, expr, f.isNull, path)];
}

/**
 * Dates are compared as the stored ISO strings, each bound moved to the edge of its period, as the
 * as-of rule does (model/src/asOf.ts): `lte: "2019"` takes every 2019 date and `gt: "2019"` none of
 * them, `lt` and `gte` take the period's start. `eq` is the stored text exactly.
 */
function dateFilter(ctx: Ctx, expr: string, f: DateFilterInput, path: string): string[] {
  const out: string[] = [];
  for (const [op, cypher, bound] of [['eq', '=', 'as is'], ['lt', '<', 'start'], ['lte', '<=', 'end'], ['gt', '>', 'end'], ['gte', '>=', 'start']] as const) {
    const value = f[op];
    if (!given(value)) continue;
    count(ctx, `${path}.${op}`);
    try {
      parseIsoPrefix(value);
    } catch (e) {
      if (e instanceof AsOfFormatError) throw badInput(`${path}.${op}`, `\`${path}.${op}\` ${e.message}.`, e);
      throw e;
    }
    const v = value.trim();
    out.push(`${expr} ${cypher} ${ctx.params.add(bound === 'end' ? endOfPeriod(v) : v)}`);
  }
  return [...out, ...isNull(ctx, expr, f.isNull, path)];
}

/** The GraphQL FirmStatus names (MOVED_OUT) as stored (movedOut). */
const STORED_STATUS = new Map(Object.entries(FIRM_STATUS_NAMES).map(([stored, name]) => [name, stored]));
const storedStatus = (name: string): string => STORED_STATUS.get(name) ?? name;

function statusFilter(ctx: Ctx, expr: string, f: FirmStatusFilterInput, path: string): string[] {
  const stored = { eq: given(f.eq) ? storedStatus(f.eq) : null, in: given(f.in) ? f.in.map(storedStatus) : null };
  return [...eqIn(ctx, expr, stored, path, false), ...isNull(ctx, expr, f.isNull, path)];
}

/** `segment`, `chain`, `park`: an EXISTS over the firm's reference data (never cut by asOf: placements carry no dates). */
function placementFilter(ctx: Ctx, v: string, field: 'segment' | 'chain' | 'park', f: SegmentWhereInput | PlaceWhereInput, path: string): string {
  count(ctx, path);
  const x = ctx.params.variable(field);
  const pattern =
    field === 'segment' ? `(${v})-[:IN_SEGMENT]->(${x}:Segment)`
    : field === 'chain' ? `(${v})-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(${x}:Chain)`
    : `(${v})-[:LOCATED_IN]->(${x}:Place)`;
  const parts = [
    ...(given(f.id) ? idFilter(ctx, `${x}.id`, f.id, `${path}.id`) : []),
    ...(given(f.name) ? stringFilter(ctx, `${x}.name`, f.name, `${path}.name`) : []),
    ...('kind' in f && given(f.kind) ? stringFilter(ctx, `${x}.kind`, f.kind, `${path}.kind`) : []),
  ];
  const where = and(parts);
  return `EXISTS { MATCH ${pattern}${where ? ` WHERE ${where}` : ''} }`;
}

function relatedFilter(ctx: Ctx, v: string, field: (typeof RELATED_FIELDS)[number], inner: EnterpriseWhereInput, path: string, depth: { related: number; boolean: number }): string {
  count(ctx, path);
  if (depth.related + 1 > WHERE_LIMITS.relatedDepth) {
    throw badInput(path, `\`${path}\` nests related-firm conditions ${depth.related + 1} deep, above the ${WHERE_LIMITS.relatedDepth} allowed.`);
  }
  const spec = RELATED_PATTERNS[field];
  const x = ctx.params.variable('x');
  const r = ctx.params.variable('r');
  const cut = ctx.asOfParam === null ? [] : [...(spec.nodeAsOf ? [asOfFragment.node(x, ctx.asOfParam)] : []), asOfFragment.rel(r, ctx.asOfParam)];
  const cond = compile(ctx, inner, x, path, { related: depth.related + 1, boolean: depth.boolean });
  const where = and([...cut, ...(cond ? [cond] : [])]);
  const exists = `EXISTS { MATCH ${spec.pattern(v, r, x)}${where ? ` WHERE ${where}` : ''} }`;
  return spec.none ? `NOT ${exists}` : exists;
}

/** `local`: in the district as of the request's asOf (inDistrict.ts), or now when it has none. */
function localFilter(ctx: Ctx, v: string, value: boolean, path: string): string {
  count(ctx, path);
  const inDistrict = ctx.asOfParam === null ? `(${v}.leftOn IS NULL AND (${v}.landedOn IS NOT NULL OR ${v}.local = true))` : inDistrictCypher(v, ctx.asOfParam);
  return value ? inDistrict : `NOT ${inDistrict}`;
}

function booleanParts(ctx: Ctx, w: EnterpriseWhereInput, v: string, path: string, depth: { related: number; boolean: number }): string[] {
  const out: string[] = [];
  const deeper = { related: depth.related, boolean: depth.boolean + 1 };
  const guard = (p: string): void => {
    if (deeper.boolean > WHERE_LIMITS.booleanDepth) throw badInput(p, `\`${p}\` nests AND / OR / NOT ${deeper.boolean} levels deep, above the ${WHERE_LIMITS.booleanDepth} allowed.`);
  };
  if (given(w.AND)) {
    guard(`${path}.AND`);
    out.push(...w.AND.map((c, i) => compile(ctx, c, v, `${path}.AND[${i}]`, deeper)).filter((c): c is string => c !== null));
  }
  if (given(w.OR)) {
    guard(`${path}.OR`);
    // An OR of no conditions holds for nothing; an OR with an empty `{}` holds for everything.
    const branches = w.OR.map((c, i) => compile(ctx, c, v, `${path}.OR[${i}]`, deeper));
    if (branches.length === 0) out.push('false');
    else if (!branches.includes(null)) out.push(branches.map((b) => `(${b as string})`).join(' OR '));
  }
  if (given(w.NOT)) {
    guard(`${path}.NOT`);
    const inner = compile(ctx, w.NOT, v, `${path}.NOT`, deeper);
    // coalesce: a comparison with a missing property is null, and NOT null would drop the firm
    // from both a condition and its negation; NOT here is the complement.
    out.push(inner === null ? 'false' : `NOT coalesce(${inner}, false)`);
  }
  return out;
}

function compile(ctx: Ctx, w: EnterpriseWhereInput, v: string, path: string, depth: { related: number; boolean: number }): string | null {
  const parts: string[] = [];
  if (given(w.id)) parts.push(...idFilter(ctx, `${v}.id`, w.id, `${path}.id`));
  for (const f of STRING_FIELDS) {
    const value = w[f];
    if (given(value)) parts.push(...stringFilter(ctx, `${v}.${f}`, value, `${path}.${f}`));
  }
  if (given(w.status)) parts.push(...statusFilter(ctx, `${v}.status`, w.status, `${path}.status`));
  for (const f of DATE_FIELDS) {
    const value = w[f];
    if (given(value)) parts.push(...dateFilter(ctx, `${v}.${f}`, value, `${path}.${f}`));
  }
  for (const f of [...FLOAT_FIELDS, ...INT_FIELDS]) {
    const value = w[f];
    if (given(value)) parts.push(...numberFilter(ctx, numberExpr(v, f), value, `${path}.${f}`));
  }
  for (const f of BOOLEAN_FIELDS) {
    const value = w[f];
    if (!given(value)) continue;
    count(ctx, `${path}.${f}`);
    parts.push(`${v}.${f} = ${ctx.params.add(value)}`);
  }
  if (given(w.local)) parts.push(localFilter(ctx, v, w.local, `${path}.local`));
  for (const f of ['segment', 'chain', 'park'] as const) {
    const value = w[f];
    if (given(value)) parts.push(placementFilter(ctx, v, f, value, `${path}.${f}`));
  }
  for (const f of RELATED_FIELDS) {
    const value = w[f];
    if (given(value)) parts.push(relatedFilter(ctx, v, f, value, `${path}.${f}`, depth));
  }
  parts.push(...booleanParts(ctx, w, v, path, depth));
  return and(parts);
}

/**
 * The WHERE predicate of an `EnterpriseWhere` over the firm bound to `opts.variable`, every value a
 * parameter of `opts.params`; null when it sets no condition (`{}` or none: every firm matches).
 * Plain comparisons stay bare (`e.landedOn >= $w0`) so the planner can use the property indexes.
 * Throws BAD_USER_INPUT naming the path past a limit (WHERE_LIMITS) or for a malformed date.
 */
export function compileEnterpriseWhere(where: EnterpriseWhereInput | null | undefined, opts: CompileWhereOptions): string | null {
  if (!given(where)) return null;
  const ctx: Ctx = { asOfParam: opts.asOfParam, params: opts.params, conditions: 0 };
  return compile(ctx, where, opts.variable, opts.path ?? 'where', { related: 0, boolean: 0 });
}

/** What the cost estimate reads of a `where`: its conditions, and the related-firm ones among them (each reads the firm's neighbours). */
export interface WhereWeight {
  conditions: number;
  related: number;
}

function weigh(w: unknown, acc: WhereWeight): void {
  if (w === null || typeof w !== 'object') return;
  for (const [key, value] of Object.entries(w as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (key === 'AND' || key === 'OR') {
      if (Array.isArray(value)) for (const c of value) weigh(c, acc);
    } else if (key === 'NOT') weigh(value, acc);
    else if ((RELATED_FIELDS as readonly string[]).includes(key)) {
      acc.conditions += 1;
      acc.related += 1;
      weigh(value, acc);
    } else if (key === 'segment' || key === 'chain' || key === 'park') {
      acc.conditions += 1;
      for (const f of Object.values(value as Record<string, unknown>)) if (f && typeof f === 'object') acc.conditions += Object.values(f).filter((x) => x !== null && x !== undefined).length;
    } else if (typeof value === 'object' && !Array.isArray(value)) acc.conditions += Object.values(value).filter((x) => x !== null && x !== undefined).length;
    else acc.conditions += 1;
  }
}

/** The conditions and related-firm conditions of a `where` as the request wrote it (unvalidated: the cost estimate runs before the resolver). */
export function whereWeight(where: unknown): WhereWeight {
  const acc = { conditions: 0, related: 0 };
  weigh(where, acc);
  return acc;
}

function reach(w: unknown, fanOut: number, level: number): number {
  if (w === null || typeof w !== 'object') return 0;
  let sum = 0;
  for (const [key, value] of Object.entries(w as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (key === 'AND' || key === 'OR') {
      if (Array.isArray(value)) for (const c of value) sum += reach(c, fanOut, level);
    } else if (key === 'NOT') sum += reach(value, fanOut, level);
    // Past the depth allowed the resolver refuses the where, naming its path: not weighed here, so
    // that error (not the cost's) is the one the caller reads.
    else if ((RELATED_FIELDS as readonly string[]).includes(key) && level < WHERE_LIMITS.relatedDepth) sum += fanOut ** level + reach(value, fanOut, level + 1);
  }
  return sum;
}

/**
 * The related-firm conditions of a `where` weighted by how many times each runs per candidate firm:
 * one at the top, `fanOut` inside another (it runs for each related firm), `fanOut²` two deep …
 * For the cost estimate, which multiplies it by the firms a statement considers.
 */
export function whereRelatedReach(where: unknown, fanOut: number): number {
  return reach(where, fanOut, 0);
}

/** How many conditions a `where` holds (each operator, each boolean, each relation), for the cost estimate. */
export function whereConditionCount(where: unknown): number {
  return whereWeight(where).conditions;
}
