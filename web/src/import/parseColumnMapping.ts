// The optional column mapping a planner pastes or loads: `{ "我的列名": "creditCode" }`. Checked
// here only for its shape, so a typo is named before the file is sent; which fields exist is the
// server's to say (its answer names the entry and the fields it knows).
import type { StringKey } from '../i18n/strings.ts';

export type MappingResult =
  | { ok: true; columns: Record<string, string> | null }
  /** `key` with `detail` (the parser's message, or the entry's header) for the UI's language. */
  | { ok: false; key: StringKey; detail: string };

export function parseColumnMapping(text: string): MappingResult {
  if (!text.trim()) return { ok: true, columns: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, key: 'impMapNotJson', detail: e instanceof Error ? e.message : String(e) };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, key: 'impMapNotObject', detail: '' };
  const columns: Record<string, string> = {};
  for (const [header, field] of Object.entries(raw)) {
    if (typeof field !== 'string' || !field.trim()) return { ok: false, key: 'impMapBadField', detail: header };
    columns[header] = field.trim();
  }
  return { ok: true, columns: Object.keys(columns).length ? columns : null };
}
