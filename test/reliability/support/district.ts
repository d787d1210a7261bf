import type { Db } from '@cangshan/neo4j';
import { generateSynthetic, importDataSet } from '@cangshan/seed';

/**
 * A small synthetic district for the reliability tests (2–5k firms: big enough for real plans and
 * real load, small enough to import in seconds). Returns ids the fuzzers and load mixes use.
 */
export async function loadSmallDistrict(db: Db, enterprises = 2000, seed = 7): Promise<KnownIds> {
  const data = generateSynthetic({ enterprises, seed });
  await importDataSet(db, data);
  return knownIds(db);
}

export interface KnownIds {
  enterprises: string[];
  anchors: string[];
  chains: string[];
  /** A pair of firms with a path between them (anchor → one it attracted → …). */
  pathPair: [string, string];
  all: string[];
}

export async function knownIds(db: Db): Promise<KnownIds> {
  const ent = await db.read('MATCH (e:Enterprise) RETURN e.id AS id ORDER BY e.id LIMIT 200');
  const anchors = await db.read('MATCH (e:Enterprise {isAnchor: true}) RETURN e.id AS id ORDER BY e.id LIMIT 20');
  const chains = await db.read('MATCH (c:Chain) RETURN c.id AS id ORDER BY c.id');
  const pair = await db.read(
    'MATCH (a:Enterprise {isAnchor: true})-[:ATTRACTED]->(:Enterprise)-[:SUPPLIES]-(b:Enterprise) WHERE a <> b RETURN a.id AS a, b.id AS b LIMIT 1',
  );
  const ids = (rows: { id?: unknown }[]): string[] => rows.map((r) => String(r.id));
  const enterprises = ids(ent);
  const p = pair[0];
  const a = ids(anchors);
  return {
    enterprises,
    anchors: a,
    chains: ids(chains),
    pathPair: p ? [String(p.a), String(p.b)] : [a[0] ?? '', enterprises[enterprises.length - 1] ?? ''],
    all: [...enterprises.slice(0, 50), ...a, ...ids(chains)],
  };
}
