// The page's decisions, pure so they can be tested without a browser: what is sent, whether the
// preview on screen still describes it, why "Import" is disabled, which columns were not understood.
import type { StringKey } from '../i18n/strings.ts';
import { parseColumnMapping } from './parseColumnMapping.ts';
import type { ImportOptions, PickedFile, RegistryColumn, RegistryFileInput, RegistryPreview, RegistryProblem } from './types.ts';

/** The API's input for this file and these options; null while the mapping is not valid JSON. */
export function fileInput(file: PickedFile, o: ImportOptions): RegistryFileInput | null {
  const mapping = parseColumnMapping(o.mappingText);
  if (!mapping.ok) return null;
  return {
    filename: file.name,
    contentBase64: file.base64,
    sheet: o.sheet.trim() || null,
    columns: mapping.columns,
    full: o.full,
    holdInvalid: o.holdInvalid,
  };
}

/** Identifies what a preview was made for: a preview whose key differs from the current one is stale. */
export function previewKey(file: PickedFile, o: ImportOptions): string {
  return JSON.stringify([file.pick, o.sheet.trim(), o.mappingText.trim(), o.full, o.holdInvalid]);
}

export interface Blocker {
  key: StringKey;
  vars?: Record<string, string | number>;
}

/** Why "Import" cannot be pressed now (in the order a planner would fix it), or null: it can. */
export function importBlocker(s: {
  file: PickedFile | null;
  preview: RegistryPreview | null;
  previewing: boolean;
  stale: boolean;
  mappingOk: boolean;
  holdInvalid: boolean;
  starting: boolean;
}): Blocker | null {
  if (s.starting) return { key: 'impBlockStarting' };
  if (!s.file) return { key: 'impBlockNoFile' };
  if (!s.mappingOk) return { key: 'impBlockMapping' };
  if (s.previewing) return { key: 'impBlockPreviewing' };
  if (!s.preview) return { key: 'impBlockNoPreview' };
  if (s.stale) return { key: 'impBlockStale' };
  if (!s.preview.importable) {
    const n = s.preview.counts.errors;
    return n > 0 && !s.holdInvalid ? { key: 'impBlockErrors', vars: { n } } : { key: 'impBlockNotImportable', vars: { n } };
  }
  return null;
}

/**
 * A column the import did not recognise (kept as an extra property): flagged in the table, never
 * hidden. The server says so in the column's note ("not a column this import knows") and with an
 * "unknown column" problem; a known extra (序号, 电话) has neither.
 */
export function isUnknownColumn(c: RegistryColumn, problems: readonly RegistryProblem[]): boolean {
  if (c.field) return false;
  const unknown = /unknown|not a column/i;
  if (unknown.test(c.how) || unknown.test(c.note ?? '')) return true;
  return problems.some((p) => p.column === c.header && /unknown/i.test(p.kind));
}

/** Errors before warnings, each in file order (the API sends them so; kept when it does not). */
export function sortProblems(problems: readonly RegistryProblem[]): RegistryProblem[] {
  const rank = (p: RegistryProblem) => (p.level === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || (a.row ?? 0) - (b.row ?? 0));
}
