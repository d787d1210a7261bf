import type { Db } from '@cangshan/neo4j';
import { sampleIds } from '../harness/sampleIds.ts';
import { field, type PeerParams } from './peerShapes.ts';

/** A GraphQL call that answers the `data` of a request (the bench client rejects errors). */
type Ask = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

const LANDED_FROM = '2016';
const LANDED_TO = '2019-12-31';
/** The deep page starts here, or halfway through a smaller district. */
const DEEP_AT = 5_000;
/** Our server's page size limit (GRAPHQL_MAX_PAGE_SIZE's default): the cursor is reached in pages of it. */
const OUR_MAX_PAGE = 1_000;

/**
 * The library's cursor for the item at `offset` (0-based): its connections are offset-paged, and
 * a cursor is graphql-relay's `offsetToCursor` — base64 of `arrayconnection:<offset>` — which it
 * calls itself (schema/pagination). Made here rather than paged to: on the 20k district the
 * library's sorted connection fails for a page ending past 350–450 items (Neo4j's transaction
 * memory limit; docs/BENCH.md, "Peer comparison"), so a client could not reach offset 5,000
 * through it at all. The answer check
 * still proves that the page starts where ours does, whenever the library can answer.
 */
export const libraryCursor = (offset: number): string => Buffer.from(`arrayconnection:${offset}`, 'utf8').toString('base64');

/**
 * What the shapes ask about, read from the district; our deep page's cursor is asked of our
 * server as a client paging there would hold it (keyset, pages of 1,000).
 */
export async function peerParams(db: Db, ours: Ask): Promise<PeerParams> {
  const { anchor } = await sampleIds(db);
  const [seg] = await db.read(
    `MATCH (s:Segment)<-[:IN_SEGMENT]-(e:Enterprise) WHERE e.isAnchor = false AND e.landedOn <= $to
     RETURN s.id AS id, count(e) AS n ORDER BY n DESC, id LIMIT 1`,
    { to: LANDED_TO },
  );
  if (!seg) throw new Error('no segment holds a non-anchor firm landed by ' + LANDED_TO);
  const [total] = await db.read('MATCH (e:Enterprise) RETURN count(e) AS n');
  const deepAt = Math.min(DEEP_AT, Math.floor(Number(total?.n ?? 0) / 200) * 100);
  if (deepAt < 100) throw new Error(`the district is too small for a deep page (${String(total?.n)} firms)`);

  let oursCursor: string | null = null;
  for (let done = 0; done < deepAt; done += OUR_MAX_PAGE) {
    const data = await ours('query($n: Int, $after: String) { enterprises(first: $n, after: $after) { pageInfo { endCursor } } }', {
      n: Math.min(OUR_MAX_PAGE, deepAt - done),
      after: oursCursor,
    });
    oursCursor = String(field(data, 'enterprises', 'pageInfo', 'endCursor'));
  }
  return {
    anchor,
    segmentId: String(seg.id),
    landedFrom: LANDED_FROM,
    landedTo: LANDED_TO,
    deepAt,
    oursCursor: oursCursor ?? '',
    libraryCursor: libraryCursor(deepAt - 1),
  };
}
