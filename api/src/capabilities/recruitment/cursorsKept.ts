// What the ranking works out per cursor (or per month) is kept for the last few asked: a planner
// steps through months and comes back, and every day of a month reads the same month's lists.

/** How many cursors (or months) each of those caches keeps. */
export const CURSORS_KEPT = 24;

/** Keeps `value` under `key`, dropping the oldest kept first once `CURSORS_KEPT` are held; returns `value`. */
export function keepForCursor<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= CURSORS_KEPT) map.delete(map.keys().next().value as K);
  map.set(key, value);
  return value;
}
