/**
 * Whether two answers are the same, after each side's shape was mapped onto a common one (the
 * shapes' `normalise`): object keys in any order, lists in their order (every list the shapes ask
 * for is ordered, and the order is part of the answer), numbers and strings exactly.
 * Returns null when equal, else where they first differ, for a message a reader can act on.
 */
export function firstDifference(ours: unknown, library: unknown, at = '$'): string | null {
  if (Array.isArray(ours) || Array.isArray(library)) {
    if (!Array.isArray(ours) || !Array.isArray(library)) return `${at}: ${describe(ours)} vs ${describe(library)}`;
    for (let i = 0; i < Math.min(ours.length, library.length); i++) {
      const d = firstDifference(ours[i], library[i], `${at}[${i}]`);
      if (d) return d;
    }
    return ours.length === library.length ? null : `${at}: ${ours.length} items vs ${library.length}`;
  }
  if (isObject(ours) || isObject(library)) {
    if (!isObject(ours) || !isObject(library)) return `${at}: ${describe(ours)} vs ${describe(library)}`;
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(library)])].sort();
    for (const k of keys) {
      const d = firstDifference(ours[k], library[k], `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(ours, library) ? null : `${at}: ${describe(ours)} vs ${describe(library)}`;
}

/** Lists of `{ id, … }` items, the shapes' common currency: an item's fields other than those named are dropped. */
export function pick<T extends Record<string, unknown>>(items: readonly T[], keys: readonly string[]): Record<string, unknown>[] {
  return items.map((x) => Object.fromEntries(keys.map((k) => [k, x[k] ?? null])));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
