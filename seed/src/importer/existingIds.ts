import type { Db } from '@cangshan/neo4j';
import { chunks } from './prepareRows.ts';

/** Which of `ids` already exist as `:Entity` nodes, with their kind label: one query per 10,000 ids, run together. */
export async function existingIds(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // All batches at once: the queries overlap their round-trips (and the validation waits for all).
  const results = await Promise.all(
    chunks([...new Set(ids)], 10_000).map((batch) =>
      db.read(
        `UNWIND $ids AS id MATCH (n:Entity {id: id})
         RETURN id, [l IN labels(n) WHERE l <> 'Entity' AND l <> 'ImportStaging'][0] AS label`,
        { ids: batch },
      ),
    ),
  );
  for (const rows of results) for (const r of rows) out.set(r.id as string, (r.label as string | null) ?? 'Entity');
  return out;
}
