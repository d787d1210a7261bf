import type { Request, Response } from 'express';
import type { Db } from '@cangshan/neo4j';
import { healthOf } from '../context/index.ts';
import { ErrorCode, fromDriverError } from '../errors/index.ts';
import { sendRequestError } from './graphqlHandler.ts';

/**
 * Read-your-writes across replicas. A response to a request that wrote carries the database's
 * bookmarks after the write in this header; a client that sends them back on its next requests is
 * answered, by whichever replica, from a state that includes its write (Neo4j causal chaining:
 * each transaction of the request waits until its cluster member has caught up).
 */
export const BOOKMARK_HEADER = 'X-Neo4j-Bookmark';

/** Bookmarks one request may carry: a write gives one; several only from parallel writes. */
export const MAX_BOOKMARKS = 8;
/** Longest bookmark accepted: Neo4j 5's are ~30 characters ("FB:" and base64); room for a cluster's. */
export const MAX_BOOKMARK_CHARS = 256;
/**
 * How long a request waits for its bookmarks to be reached. A follower is milliseconds behind its
 * leader; a bookmark not reached in this time is a made-up one, or one of a database since restored.
 */
export const BOOKMARK_WAIT_MS = 3000;

/** What Neo4j's bookmarks are made of: "FB:" and base64 (with or without padding, either alphabet). */
const BOOKMARK = /^[A-Za-z0-9:+/=_-]+$/;

const where = { header: BOOKMARK_HEADER };

/**
 * The bookmarks of `req` (comma-separated, as repeated headers are joined), or the reason they are
 * refused. Hostile input: bounded in count and size before anything else reads it.
 */
export function parseBookmarks(req: Request): string[] | { error: string } {
  const raw = req.headers[BOOKMARK_HEADER.toLowerCase()];
  const text = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  if (text.trim() === '') return [];
  if (text.length > MAX_BOOKMARKS * (MAX_BOOKMARK_CHARS + 2)) return { error: `${BOOKMARK_HEADER} is too long: at most ${MAX_BOOKMARKS} bookmarks of ${MAX_BOOKMARK_CHARS} characters.` };
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length > MAX_BOOKMARKS) return { error: `${BOOKMARK_HEADER} carries ${items.length} bookmarks; at most ${MAX_BOOKMARKS}. Send the latest response's value alone.` };
  if (items.some((b) => b.length > MAX_BOOKMARK_CHARS || !BOOKMARK.test(b))) {
    return { error: `${BOOKMARK_HEADER} must be the value a response of this API gave (comma-separated Neo4j bookmarks like FB:kcwQ…); drop it to read without one.` };
  }
  return [...new Set(items)];
}

/**
 * Makes sure the database has reached `bookmarks` before the request runs (Db.checkBookmarks), so
 * that a bad bookmark is refused once, clearly, instead of failing or stalling each query of the
 * request: one the server cannot read is 400 BAD_REQUEST; one not reached within BOOKMARK_WAIT_MS
 * is 503 DATABASE_UNAVAILABLE (a lagging member: retry; a made-up or stale bookmark: drop it).
 * Both name the header in `extensions.header`, so a client knows to forget its bookmark. Returns
 * false when it has answered.
 */
export async function bookmarksReached(db: Db, bookmarks: readonly string[], res: Response): Promise<boolean> {
  if (bookmarks.length === 0) return true;
  let check;
  try {
    check = await healthOf(db).guard(() => db.checkBookmarks(bookmarks, BOOKMARK_WAIT_MS));
  } catch (err) {
    const e = fromDriverError(err);
    sendRequestError(res, e.code === ErrorCode.DATABASE_UNAVAILABLE ? 503 : 500, e.code, e.message);
    return false;
  }
  if (check === 'reached') return true;
  if (check === 'invalid') {
    sendRequestError(res, 400, ErrorCode.BAD_REQUEST, `${BOOKMARK_HEADER} names no state of this database. Drop the header, or send the value a response of this API gave.`, where);
    return false;
  }
  res.setHeader('Retry-After', '1');
  sendRequestError(
    res,
    503,
    ErrorCode.DATABASE_UNAVAILABLE,
    `The database has not reached the state ${BOOKMARK_HEADER} names within ${BOOKMARK_WAIT_MS} ms. Retry; if the bookmark is not from a recent response of this API, drop it.`,
    where,
  );
  return false;
}
