// The web's one GraphQL function keeps the bookmark a write answered and sends it with every later
// request, so that any API replica reads from a state that includes the write; it forgets a
// bookmark the API refuses (docs/SCALING.md). Against the real replicas: test/reliability/replicas.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gql, type TypedQuery } from '../graphqlClient.ts';

const Q = '{ anchors { id } }' as TypedQuery<{ anchors: { id: string }[] }>;
const BOOKMARK = 'FB:kcwQtj4DaneqTj22MWMtCxY8+z6Q';

/** A fake server that answers in turn and records the bookmark header of each request. */
function serve(answers: Array<{ status: number; body: unknown; bookmark?: string }>): Array<string | null> {
  const sent: Array<string | null> = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    sent.push(new Headers(init.headers).get('X-Neo4j-Bookmark'));
    const a = answers.shift() ?? { status: 200, body: { data: { anchors: [] } } };
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(a.bookmark ? { 'X-Neo4j-Bookmark': a.bookmark } : {}) };
    return new Response(JSON.stringify(a.body), { status: a.status, headers });
  });
  return sent;
}

describe('the bookmark of a write', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is sent with every later request, and dropped (then retried without) when the API refuses it', async () => {
    const sent = serve([
      { status: 200, body: { data: { anchors: [] } } },
      { status: 200, body: { data: { anchors: [] } }, bookmark: BOOKMARK },
      { status: 200, body: { data: { anchors: [] } } },
      { status: 400, body: { errors: [{ message: 'X-Neo4j-Bookmark names no state of this database.', extensions: { code: 'BAD_REQUEST', header: 'X-Neo4j-Bookmark' } }] } },
      { status: 200, body: { data: { anchors: [{ id: 'toutiao' }] } } },
    ]);
    await gql(Q);
    await gql(Q); // the write's answer
    await gql(Q);
    expect(await gql(Q, {}, { retries: 1 })).toEqual({ anchors: [{ id: 'toutiao' }] });
    expect(sent).toEqual([null, null, BOOKMARK, BOOKMARK, null]);
  });
});
