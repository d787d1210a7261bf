import { cellValue, halfWidth } from './text.ts';

import { FIRM_STATUSES, LEFT_STATUSES, type FirmStatus, type LeftKind } from '@cangshan/model';

// The statuses are the model's (the graph stores them); re-exported for this layer's readers.
export { FIRM_STATUSES, LEFT_STATUSES, type FirmStatus, type LeftKind };

/** Whether the status is one of the model's LEFT_STATUSES (the list is not written out again here). */
export const isLeftStatus = (s: FirmStatus | null): s is LeftKind => (LEFT_STATUSES as readonly (FirmStatus | null)[]).includes(s);

/**
 * Status words, checked in order (the first that the cell contains wins): `吊销，已注销` is closed,
 * `吊销，未注销` revoked. A table a planner can extend.
 */
export const STATUS_WORDS: readonly { contains: string; status: FirmStatus; note?: string }[] = [
  { contains: '吊销,已注销', status: 'closed', note: 'revoked, then deregistered' },
  { contains: '吊销后注销', status: 'closed', note: 'revoked, then deregistered' },
  { contains: '未注销', status: 'revoked' },
  { contains: '吊销', status: 'revoked' },
  { contains: '注销', status: 'closed' },
  { contains: '迁出', status: 'movedOut' },
  { contains: '迁往', status: 'movedOut' },
  { contains: '清算', status: 'liquidating' },
  { contains: '停业', status: 'suspended' },
  { contains: '歇业', status: 'suspended' },
  { contains: '存续', status: 'active' },
  { contains: '在业', status: 'active' },
  { contains: '开业', status: 'active' },
  { contains: '在营', status: 'active' },
  { contains: '正常', status: 'active' },
  { contains: '在册', status: 'active' },
  { contains: '登记成立', status: 'active' },
  { contains: '迁入', status: 'active', note: 'moved in' },
];

export type StatusParse = { ok: true; status: FirmStatus | null; note: string | null } | { ok: false; reason: string };

/** A 登记状态 / 经营状态 cell: `存续（在营、开业、在册）` → active, `吊销，未注销` → revoked… */
export function parseStatus(value: string | null | undefined): StatusParse {
  const text = cellValue(value);
  if (text === null) return { ok: true, status: null, note: null };
  const t = halfWidth(text).replace(/\s+/g, '');
  const hit = STATUS_WORDS.find((w) => t.includes(w.contains));
  if (!hit) return { ok: false, reason: `"${text}" is not a status this import knows (存续, 在业, 注销, 吊销, 迁出, 停业, 清算…)` };
  return { ok: true, status: hit.status, note: hit.note ?? null };
}
