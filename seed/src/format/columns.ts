import type { z } from 'zod';
import type { NodeLabel } from '@cangshan/model';
import { NODE_LABELS } from '@cangshan/model';
import { NODE_PROPS, REL_PROPS } from '@cangshan/model/records';

/** How a known property is written in a CSV cell (docs/DATA-FORMAT.md). */
export type CellType = 'string' | 'number' | 'boolean' | 'list';

/** A property's schema type through its nullish wrappers: `number` for `z.number().nullish()`. */
function baseType(schema: z.ZodType): string {
  let def = schema._zod.def;
  while (def.type === 'optional' || def.type === 'nullable') def = (def as unknown as { innerType: z.ZodType }).innerType._zod.def;
  return def.type;
}

/**
 * Each known property's cell type, read off the model's schemas (`model/src/records.ts`), so a
 * property added there — `weight`, `registeredCapitalAmount`, `formerNames` — is read and written
 * as what it is, not as text that validation then refuses.
 */
const CELL_TYPES: ReadonlyMap<string, CellType> = (() => {
  const out = new Map<string, CellType>();
  const shapes = [...(NODE_LABELS as readonly NodeLabel[]).map((l) => NODE_PROPS[l].shape), REL_PROPS.shape];
  for (const shape of shapes) {
    for (const [prop, schema] of Object.entries(shape)) {
      const t = baseType(schema as z.ZodType);
      const cell: CellType = t === 'number' ? 'number' : t === 'boolean' ? 'boolean' : t === 'array' ? 'list' : 'string';
      if (cell !== 'string') out.set(prop, cell);
    }
  }
  return out;
})();

export function cellType(prop: string): CellType {
  return CELL_TYPES.get(prop) ?? 'string';
}

/** List cells join their items with this separator. */
export const LIST_SEP = '|';

/** The column of other properties: a JSON object. */
export const EXTRA_COLUMN = 'extra';

/** Node CSV columns: id, label, then every known property of any label (fixed order), then extra. */
export const NODE_COLUMNS: readonly string[] = (() => {
  const cols = new Set<string>(['id', 'label']);
  for (const l of NODE_LABELS as readonly NodeLabel[]) for (const k of Object.keys(NODE_PROPS[l].shape)) cols.add(k);
  cols.add(EXTRA_COLUMN);
  return [...cols];
})();

export const REL_COLUMNS: readonly string[] = ['type', 'from', 'to', ...Object.keys(REL_PROPS.shape), EXTRA_COLUMN];
