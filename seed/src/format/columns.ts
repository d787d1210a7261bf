import type { NodeLabel } from '@cangshan/model';
import { NODE_LABELS } from '@cangshan/model';
import { NODE_PROPS, REL_PROPS } from '@cangshan/model/records';

/** How a known property is written in a CSV cell (docs/DATA-FORMAT.md). */
export type CellType = 'string' | 'number' | 'boolean' | 'list';

const NUMBERS = new Set(['revenueYuan', 'amountYuan', 'order', 'value']);
const BOOLEANS = new Set(['synthetic', 'isAnchor', 'local']);
const LISTS = new Set(['aliases', 'quotes']);

export function cellType(prop: string): CellType {
  return NUMBERS.has(prop) ? 'number' : BOOLEANS.has(prop) ? 'boolean' : LISTS.has(prop) ? 'list' : 'string';
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
