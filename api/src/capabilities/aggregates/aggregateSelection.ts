import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { selectedFields } from '../../cypher/selectedProperties.ts';

export const NUMBER_STATS = ['count', 'min', 'max', 'sum', 'avg'] as const;
export const DATE_STATS = ['count', 'min', 'max'] as const;
export type NumberStat = (typeof NUMBER_STATS)[number];

/** The statistics fields of EnterpriseAggregate and EnterpriseAggregateGroup, and which of NumberStats / DateStats each returns. */
export const STAT_FIELDS = {
  revenueYuan: 'number',
  registeredCapitalYuan: 'number',
  insuredStaff: 'number',
  landedOn: 'date',
} as const;
export type StatField = keyof typeof STAT_FIELDS;

/** What one level (the totals, or each group) computes: its count, and each statistics field selected with the statistics selected in it (null: the field is not selected). */
export interface LevelSelection {
  count: boolean;
  stats: Partial<Record<StatField, NumberStat[]>>;
}

/** What an EnterpriseAggregate selection computes: the totals and the groups, each null when none of its fields is selected. */
export interface AggregateSelection {
  total: LevelSelection | null;
  groups: LevelSelection | null;
}

type Fragments = GraphQLResolveInfo['fragments'];

function levelOf(sets: ReadonlyArray<SelectionSetNode | undefined>, fragments: Fragments, names: ReadonlySet<string>): LevelSelection | null {
  const fields = selectedFields(sets, fragments).filter((f) => names.has(f.name.value));
  if (fields.length === 0) return null;
  const stats: LevelSelection['stats'] = {};
  for (const name of Object.keys(STAT_FIELDS) as StatField[]) {
    const of = fields.filter((f) => f.name.value === name);
    if (of.length === 0) continue;
    const known: readonly string[] = STAT_FIELDS[name] === 'number' ? NUMBER_STATS : DATE_STATS;
    const asked = new Set(selectedFields(of.map((f) => f.selectionSet), fragments).map((f) => f.name.value));
    stats[name] = NUMBER_STATS.filter((s) => known.includes(s) && asked.has(s));
  }
  return { count: fields.some((f) => f.name.value === 'count'), stats };
}

const LEVEL_FIELDS = new Set(['count', ...Object.keys(STAT_FIELDS)]);

/**
 * What the EnterpriseAggregate being resolved selects (fragments flattened, aliases merged): only
 * that is computed. `__typename` alone computes nothing; `keys` are always read with the groups.
 */
export function aggregateSelectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): AggregateSelection {
  const sets = info.fieldNodes.map((n) => n.selectionSet);
  const groupFields = selectedFields(sets, info.fragments).filter((f) => f.name.value === 'groups');
  const groupSets = groupFields.map((f) => f.selectionSet);
  return {
    total: levelOf(sets, info.fragments, LEVEL_FIELDS),
    groups: groupFields.length === 0 ? null : (levelOf(groupSets, info.fragments, LEVEL_FIELDS) ?? { count: false, stats: {} }),
  };
}
