// X-Neo4j-Bookmark is hostile input: bounded in count and size, one alphabet, before anything reads it.
// With the real server and database: test/reliability/replicas.test.ts.
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { MAX_BOOKMARK_CHARS, MAX_BOOKMARKS, parseBookmarks } from '../bookmarks.ts';

const req = (value?: string | string[]): Request => ({ headers: value === undefined ? {} : { 'x-neo4j-bookmark': value } }) as unknown as Request;
const REAL = 'FB:kcwQtj4DaneqTj22MWMtCxY8+z6Q';

describe('parseBookmarks', () => {
  it('reads none, one, a comma-separated list and repeated headers; drops duplicates', () => {
    expect(parseBookmarks(req())).toEqual([]);
    expect(parseBookmarks(req('  '))).toEqual([]);
    expect(parseBookmarks(req(REAL))).toEqual([REAL]);
    expect(parseBookmarks(req(`${REAL}, FB:kcwQtj4DaneqTj22MWMtCxY8+z+Q`))).toEqual([REAL, 'FB:kcwQtj4DaneqTj22MWMtCxY8+z+Q']);
    expect(parseBookmarks(req([REAL, REAL]))).toEqual([REAL]);
  });

  it('refuses other characters, too many and too long, naming the header', () => {
    for (const bad of ['DROP DATABASE neo4j;', 'FB:abc def', '<script>', 'FB:é', Array.from({ length: MAX_BOOKMARKS + 1 }, () => REAL).join(','), `FB:${'A'.repeat(MAX_BOOKMARK_CHARS)}`, 'A'.repeat(10_000)]) {
      const r = parseBookmarks(req(bad));
      expect(r, bad.slice(0, 40)).toMatchObject({ error: expect.stringContaining('X-Neo4j-Bookmark') });
    }
  });
});
