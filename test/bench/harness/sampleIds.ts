import type { Db } from '@cangshan/neo4j';

/** Ids the suites query with: typical, not extreme, members of the district. */
export interface SampleIds {
  /** An anchor of median circle size (the largest would measure one outlier). */
  anchor: string;
  /** A firm with both suppliers and customers. */
  firm: string;
  /** Two followers of different anchors (a path exists through the anchors). */
  pathFrom: string;
  pathTo: string;
  /** A search term that matches some names (a name's first two characters). */
  searchTerm: string;
  chainId: string | null;
}

/** `syn-d03-` for a firm of a province's third district (generateProvince), '' for a single district's. */
export function districtPrefix(id: string): string {
  return /^syn-d\d+-/.exec(id)?.[0] ?? '';
}

/**
 * The anchor after `index` in `ids` (cyclically) of the same district: in a province the next
 * anchor by circle size is most often another district's, and a path between two districts runs
 * over the few ties between them — not the question a planner asks of a district.
 */
export function otherAnchor(ids: readonly string[], index: number): string | undefined {
  const prefix = districtPrefix(ids[index] ?? '');
  for (let k = 1; k < ids.length; k++) {
    const id = ids[(index + k) % ids.length];
    if (id !== undefined && districtPrefix(id) === prefix) return id;
  }
  return undefined;
}

/** Every id is read from the database the suites query (never from a data set held in memory: a bulk-loaded province is not). */
export async function sampleIds(db: Db): Promise<SampleIds> {
  const anchors = await db.read(
    `MATCH (a:Enterprise {isAnchor: true}) WHERE NOT a:ImportStaging
     RETURN a.id AS id, COUNT { (a)-[:ATTRACTED]->() } AS n ORDER BY n, a.id`,
  );
  if (anchors.length < 2) throw new Error('the district has fewer than two anchors');
  const anchorIds = anchors.map((a) => String(a.id));
  const anchor = anchorIds[anchorIds.length >> 1] as string;
  const other = otherAnchor(anchorIds, anchorIds.length >> 1) ?? anchor;
  const [firm] = await db.read(
    `MATCH (e:Enterprise) WHERE e.id STARTS WITH $prefix AND (e)<-[:SUPPLIES]-() AND (e)-[:SUPPLIES]->()
     RETURN e.id AS id ORDER BY e.id LIMIT 1`,
    { prefix: districtPrefix(anchor) },
  );
  const [from] = await db.read('MATCH (:Enterprise {id: $a})-[:ATTRACTED]->(f) RETURN f.id AS id ORDER BY f.id LIMIT 1', { a: anchor });
  const [to] = await db.read('MATCH (:Enterprise {id: $a})-[:ATTRACTED]->(f) RETURN f.id AS id ORDER BY f.id DESC LIMIT 1', { a: other });
  const [name] = await db.read('MATCH (e:Enterprise {id: $id}) RETURN e.name AS name', { id: anchor });
  const [chain] = await db.read('MATCH (c:Chain) RETURN c.id AS id ORDER BY c.id LIMIT 1');
  return {
    anchor,
    firm: String(firm?.id ?? anchor),
    pathFrom: String(from?.id ?? anchor),
    pathTo: String(to?.id ?? other),
    searchTerm: String(name?.name ?? '').slice(0, 2),
    chainId: chain ? String(chain.id) : null,
  };
}
