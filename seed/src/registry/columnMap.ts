import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { REGISTRY_FIELDS, headerKey, matchHeader, type ColumnTarget, type RegistryField } from './columns.ts';
import { RegistryReadError } from './decodeText.ts';
import type { Problems } from './problems.ts';

/** A column-mapping file: `{ "我的列名": "creditCode", "备注二": "extra" }`. */
export const COLUMN_MAP = z.record(z.string().min(1), z.enum([...REGISTRY_FIELDS, 'extra']), {
  error: 'must be a JSON object of header → field',
});
export type ColumnMap = z.infer<typeof COLUMN_MAP>;

/** Reads and checks a mapping file; errors name the file and the entry. */
export async function loadColumnMap(file: string): Promise<ColumnMap> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new RegistryReadError(file, `is not a readable JSON column map (${(e as Error).message})`);
  }
  return parseColumnMap(raw, file);
}

export function parseColumnMap(raw: unknown, file = 'column map'): ColumnMap {
  const r = COLUMN_MAP.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
  throw new RegistryReadError(file, `${where}${issue?.code === 'invalid_value' ? `is not a field (one of ${REGISTRY_FIELDS.join(', ')}, extra)` : (issue?.message ?? 'is invalid')}`);
}

export interface ColumnPlan {
  header: string;
  field: ColumnTarget;
  /** How the header was understood: by the table, by the mapping file, or not at all. */
  how: string;
  /** A unit or note the header carries (`万元` of `注册资本（万元）`). */
  note: string | null;
}

/**
 * What each column of the file is: the mapping file first (by the header as written or its
 * key), then the table of columns.ts. A second column for a field already taken, and a column
 * neither knows, are kept as extras and reported.
 */
export function planColumns(headers: readonly string[], map: ColumnMap | undefined, problems: Problems): ColumnPlan[] {
  const mapByKey = new Map(Object.entries(map ?? {}).map(([h, f]) => [headerKey(h).key, f] as const));
  const taken = new Map<RegistryField, string>();
  const plan: ColumnPlan[] = headers.map((header) => {
    const { key, note } = headerKey(header);
    const mapped = map?.[header] ?? mapByKey.get(key);
    if (mapped) return { header, field: mapped, how: `mapping file: ${header} → ${mapped}`, note };
    const m = matchHeader(header);
    if (m) return { header, field: m.target, how: m.target === 'extra' ? `table: ${m.matched} (kept as extra)` : `table: ${m.matched}`, note: m.note };
    problems.add('unknown column', 'warning', { column: header }, 'not a column this import knows: kept as an extra property (map it with a column-mapping file)');
    return { header, field: 'extra', how: 'unknown: kept as extra', note };
  });
  for (const p of plan) {
    if (p.field === 'extra') continue;
    const first = taken.get(p.field);
    if (first === undefined) {
      taken.set(p.field, p.header);
      continue;
    }
    problems.add('duplicate column', 'warning', { column: p.header }, `${p.field} is already read from column "${first}": this one is kept as an extra property`);
    p.how = `second column for ${p.field} (first: ${first}): kept as extra`;
    p.field = 'extra';
  }
  if (!taken.has('name')) problems.add('missing column', 'error', {}, 'no column for the firm name (企业名称): every row is held');
  if (!taken.has('creditCode') && !taken.has('registrationNumber')) problems.add('missing column', 'error', {}, 'no column for the credit code (统一社会信用代码) or registration number (注册号): every row is held');
  return plan;
}
