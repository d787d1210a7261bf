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

export async function sampleIds(db: Db): Promise<SampleIds> {
  const anchors = await db.read(
    `MATCH (a:Enterprise {isAnchor: true}) WHERE NOT a:ImportStaging
     RETURN a.id AS id, COUNT { (a)-[:ATTRACTED]->() } AS n ORDER BY n, a.id`,
  );
  if (anchors.length < 2) throw new Error('the district has fewer than two anchors');
  const anchor = String(anchors[anchors.length >> 1]?.id);
  const other = String(anchors[(anchors.length >> 1) + 1 === anchors.length ? 0 : (anchors.length >> 1) + 1]?.id);
  const [firm] = await db.read(
    `MATCH (e:Enterprise) WHERE (e)<-[:SUPPLIES]-() AND (e)-[:SUPPLIES]->()
     RETURN e.id AS id ORDER BY e.id LIMIT 1`,
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
