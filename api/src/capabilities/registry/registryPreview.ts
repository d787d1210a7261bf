import type { ColumnPlan, RegistryPlan } from '@cangshan/seed';
import { intArg } from '../args.ts';

/** RegistryColumn: how one column was understood. */
export interface ColumnRow {
  header: string;
  field: string | null;
  how: 'header' | 'mapping' | 'extra';
  note: string | null;
}

/**
 * The reading layer's column plan in the contract's words: a field filled (by a known header or
 * the mapping file) or an extra kept as is, and a note for the planner — the unit a header
 * carries, or why a column is kept aside.
 */
export function columnRow(c: ColumnPlan): ColumnRow {
  const mapped = c.how.startsWith('mapping file');
  if (c.field === 'extra') {
    const unknown = c.how.startsWith('unknown');
    return {
      header: c.header,
      field: null,
      how: 'extra',
      note: unknown ? 'not a column this import knows: kept as a line of registryExtras (map it with a column mapping)' : c.how.startsWith('table') ? null : c.how,
    };
  }
  return { header: c.header, field: c.field, how: mapped ? 'mapping' : 'header', note: c.note ? `unit: ${c.note}` : null };
}

/** A page of a preview list: `first` from 1 to `max` (BAD_USER_INPUT / LIMIT_EXCEEDED outside). */
export function firstOf<T>(items: readonly T[], first: number | null | undefined, dflt: number, max = 1000): T[] {
  return items.slice(0, intArg('first', first ?? dflt, 1, max, 'MAX_PREVIEW_LIST'));
}

/** RegistryPreview: the plan as the contract shows it; the lists are cut by their `first` (registryResolvers.ts). */
export function previewOf(plan: RegistryPlan) {
  return {
    file: plan.file,
    encoding: plan.encoding,
    sheetName: plan.sheetName,
    districtId: plan.districtId,
    columns: plan.columns.map(columnRow),
    counts: plan.counts,
    importable: plan.importable,
    plan,
  };
}
export type PreviewRow = ReturnType<typeof previewOf>;
