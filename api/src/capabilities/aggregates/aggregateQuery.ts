import { REL_ENDS } from '@cangshan/model';
import { asOfFragment } from '../../cypher/asOf.ts';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { buildEnterpriseFilter, type EnterpriseFilterInput } from '../enterprises/enterpriseFilter.ts';
import { compileEnterpriseWhere, CypherParams, type EnterpriseWhereInput } from '../enterprises/enterpriseWhere.ts';
import { keyClauses, keyColumns, type AggregateGroupBy } from './aggregateKeys.ts';
import type { AggregateSelection, LevelSelection, NumberStat, StatField } from './aggregateSelection.ts';

/** The arguments every aggregate shares, validated (aggregateResolvers.ts). */
export interface AggregateOptions {
  where?: EnterpriseWhereInput | null;
  /** The cursor (end of its period), or null: now. */
  asOf: string | null;
  groupBy: readonly AggregateGroupBy[];
  limit: number;
  selection: AggregateSelection;
}

/** The value each statistics field is computed over, for the firm `e`. */
const STAT_VALUES: Record<StatField, string> = {
  revenueYuan: 'e.revenueYuan',
  // As EnterpriseWhere.registeredCapitalYuan and the sort: the amount in CNY or in no stated currency, never converted.
  registeredCapitalYuan: "CASE WHEN e.registeredCapitalCurrency IS NULL OR e.registeredCapitalCurrency = 'CNY' THEN e.registeredCapitalAmount END",
  insuredStaff: 'e.insuredStaff',
  landedOn: 'e.landedOn',
};

const STAT_CYPHER: Record<NumberStat, (v: string) => string> = {
  count: (v) => `count(${v})`,
  min: (v) => `min(${v})`,
  max: (v) => `max(${v})`,
  // sum() of no value is 0; NumberStats says null.
  sum: (v) => `CASE WHEN count(${v}) = 0 THEN null ELSE sum(${v}) END`,
  avg: (v) => `avg(${v})`,
};

/** The statistics fields a level computes: those selected with at least one statistic (`landedOn { __typename }` needs none). */
const computed = (level: LevelSelection): StatField[] => (Object.keys(level.stats) as StatField[]).filter((f) => (level.stats[f] ?? []).length > 0);

/**
 * One level's aggregation over rows of `e` (and the key columns `grouping`): each computed
 * statistics field's value is projected once (`v_<field>`), then aggregated into a map of the
 * statistics selected. `count` counts rows (a firm once per group).
 */
function levelClauses(level: LevelSelection, grouping: readonly string[]): { project: string | null; aggregates: string[] } {
  const fields = computed(level);
  const project = fields.length > 0 ? `WITH ${[...grouping, ...fields.map((f) => `${STAT_VALUES[f]} AS v_${f}`)].join(', ')}` : null;
  const aggregates = [
    ...(level.count ? ['count(*) AS count'] : []),
    ...fields.map((f) => `{${(level.stats[f] ?? []).map((s) => `${s}: ${STAT_CYPHER[s](`v_${f}`)}`).join(', ')}} AS ${f}`),
  ];
  return { project, aggregates };
}

const entriesOf = (level: LevelSelection): string[] => [...(level.count ? ['count'] : []), ...computed(level)].map((c) => `${c}: ${c}`);

/**
 * The subqueries over the list `firms` (each firm once) that compute what `selection` asks: the
 * totals into `total`, the groups (largest first, then by key id, nulls last; at most `$limit`)
 * into `groups`. A part not selected is not computed (null / []).
 */
function aggregateClauses(opts: AggregateOptions): { clauses: string[]; returns: string[] } {
  const { selection, groupBy } = opts;
  const clauses: string[] = [];
  const returns: string[] = [];
  const total = selection.total;
  if (total && computed(total).length === 0) {
    // The count alone is the list's size: no firm is read.
    returns.push(`{count: size(firms)} AS total`);
  } else if (total) {
    const level = levelClauses(total, []);
    clauses.push(
      'CALL (firms) {',
      '  UNWIND firms AS e',
      `  ${level.project ?? ''}`,
      `  WITH ${level.aggregates.join(', ')}`,
      `  RETURN {${entriesOf(total).join(', ')}} AS total`,
      '}',
    );
    returns.push('total');
  } else returns.push('null AS total');
  if (selection.groups && groupBy.length > 0) {
    const { columns, entries } = keyColumns(groupBy);
    const level = levelClauses(selection.groups, columns);
    clauses.push(
      'CALL (firms) {',
      '  UNWIND firms AS e',
      ...keyClauses(groupBy, opts.asOf !== null).map((c) => `  ${c}`),
      ...(level.project ? [`  ${level.project}`] : []),
      `  WITH ${[...columns, ...level.aggregates, ...(selection.groups.count ? [] : ['count(*) AS count'])].join(', ')}`,
      `  ORDER BY count DESC, ${groupBy.map((_, i) => `k${i}`).join(', ')}`,
      '  LIMIT $limit',
      `  RETURN collect({${[...entries, ...entriesOf(selection.groups)].join(', ')}}) AS groups`,
      '}',
    );
    returns.push('groups');
  } else returns.push('[] AS groups');
  return { clauses, returns };
}

/**
 * `enterpriseAggregate(where, filter, asOf, groupBy, limit)`: the firms that match both conditions
 * (collected once), then the totals and the groups the selection asks for, in one statement. `asOf`
 * is what `local`, the related-firm conditions and ANCHOR groups are read at; it cuts no firm.
 */
export function buildEnterpriseAggregateQuery(opts: AggregateOptions & { filter?: EnterpriseFilterInput | null }): CypherQuery {
  const f = buildEnterpriseFilter(opts.filter, opts.asOf);
  const params = new CypherParams();
  const where = compileEnterpriseWhere(opts.where, { variable: 'e', asOfParam: opts.asOf !== null ? 'asOf' : null, params });
  const conditions = [...f.where, ...(where ? [where] : [])];
  const { clauses, returns } = aggregateClauses(opts);
  // Nothing but the count: no list of firms (and with no condition, Neo4j reads the count from its
  // count store: one db hit).
  const countOnly = clauses.length === 0;
  const cypher = lines(
    'MATCH (e:Enterprise)',
    conditions.length > 0 && `WHERE ${conditions.join(' AND ')}`,
    countOnly ? null : 'WITH collect(e) AS firms',
    ...clauses,
    `RETURN ${countOnly ? '{count: count(e)} AS total, [] AS groups' : returns.join(', ')}`,
  );
  return { cypher, params: paramsOf(opts, { ...f.params, ...params.values }) };
}

/** The relations of the Enterprise aggregates: the firms of the nested lists of the same name. */
export const RELATED_AGGREGATES = {
  attractedAggregate: { rel: 'ATTRACTED', dir: 'out' },
  upstreamAggregate: { rel: 'SUPPLIES', dir: 'in' },
  downstreamAggregate: { rel: 'SUPPLIES', dir: 'out' },
  partnersAggregate: { rel: 'PARTNER_OF', dir: 'both' },
} as const satisfies Record<string, { rel: keyof typeof REL_ENDS; dir: 'out' | 'in' | 'both' }>;
export type RelatedAggregate = keyof typeof RELATED_AGGREGATES;

function relatedPattern(name: RelatedAggregate): string {
  const { rel, dir } = RELATED_AGGREGATES[name];
  const ends = REL_ENDS[rel];
  // These types join firms only (the model's REL_ENDS, checked by imports and writes): no label check per firm.
  const far = dir === 'out' ? ends.to : dir === 'in' ? ends.from : [...ends.from, ...ends.to];
  const e = far.every((l) => l === 'Enterprise') ? 'e' : 'e:Enterprise';
  return dir === 'out' ? `(s)-[r:${rel}]->(${e})` : dir === 'in' ? `(s)<-[r:${rel}]-(${e})` : `(s)-[r:${rel}]-(${e})`;
}

/**
 * An Enterprise aggregate for a batch of firms (`$ids`, given at run time by the loader): for each,
 * the firms of the relation — as the nested list reads them as of `asOf` (the firm and the relation
 * count then) — that match `where`, each once, then the totals and groups selected. One statement
 * for every parent of a level.
 */
export function buildRelatedAggregateQuery(name: RelatedAggregate, opts: AggregateOptions): CypherQuery {
  const params = new CypherParams();
  const where = compileEnterpriseWhere(opts.where, { variable: 'e', asOfParam: opts.asOf !== null ? 'asOf' : null, params });
  const conditions = [...(opts.asOf !== null ? [asOfFragment.node('e'), asOfFragment.rel('r')] : []), ...(where ? [where] : [])];
  const { clauses, returns } = aggregateClauses(opts);
  const cypher = lines(
    'UNWIND $ids AS id',
    'MATCH (s:Enterprise {id: id})',
    'CALL (s) {',
    `  MATCH ${relatedPattern(name)}`,
    conditions.length > 0 && `  WHERE ${conditions.join(' AND ')}`,
    '  RETURN collect(DISTINCT e) AS firms',
    '}',
    ...clauses,
    `RETURN id, ${returns.join(', ')}`,
  );
  return { cypher, params: paramsOf(opts, params.values) };
}

function paramsOf(opts: AggregateOptions, given: Record<string, unknown>): Record<string, unknown> {
  return {
    ...given,
    ...(opts.asOf !== null ? { asOf: opts.asOf } : {}),
    ...(opts.selection.groups && opts.groupBy.length > 0 ? { limit: opts.limit } : {}),
  };
}
