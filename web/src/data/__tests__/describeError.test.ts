/// <reference types="vite/client" />
// Server errors in the chosen language by their code: the mapping (describeError.ts), its coverage
// of every code the API defines (api/src/errors/codes.ts, read as text: the web may not import the
// API), and the client's reading of the code from real Response objects (graphqlClient.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translate } from '../../i18n/strings.ts';
import { describeError, ERROR_CODE_KEYS } from '../describeError.ts';
import { gql, GraphqlRequestError, type TypedQuery } from '../graphqlClient.ts';

const codesFile = Object.values(import.meta.glob<string>('/api/src/errors/codes.ts', { query: '?raw', import: 'default', eager: true }))[0] ?? '';
/** The codes of `ErrorCode` as the API writes them: `  NAME: 'NAME',`. */
const apiCodes = [...codesFile.matchAll(/^\s+([A-Z_]+): '\1',$/gm)].map((m) => m[1]);

describe('describeError', () => {
  it('has a sentence in both languages for every code the API sends', () => {
    expect(apiCodes).toEqual(expect.arrayContaining(['BAD_USER_INPUT', 'NOT_FOUND', 'LIMIT_EXCEEDED', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'DATABASE_UNAVAILABLE', 'RATE_LIMITED', 'SERVER_BUSY', 'INTERNAL']));
    expect(Object.keys(ERROR_CODE_KEYS).sort()).toEqual([...apiCodes].sort());
    for (const key of Object.values(ERROR_CODE_KEYS)) {
      expect(translate('zh', key)).toMatch(/\p{Script=Han}/u);
      expect(translate('en', key)).toMatch(/^[A-Z][^\p{Script=Han}]+$/u);
    }
  });

  it('words a code in the chosen language and keeps the server’s message as the detail', () => {
    const err = { kind: 'graphql' as const, code: 'LIMIT_EXCEEDED', message: '`limit` is 1000, above the limit GRAPHQL_MAX_SEARCH_RESULTS = 100.' };
    expect(describeError('zh', err)).toBe('请求超出了服务器的限制（数量、深度或成本）：`limit` is 1000, above the limit GRAPHQL_MAX_SEARCH_RESULTS = 100.');
    expect(describeError('en', err)).toBe('The request is over a server limit (size, depth or cost): `limit` is 1000, above the limit GRAPHQL_MAX_SEARCH_RESULTS = 100.');
    expect(describeError('zh', { kind: 'graphql', code: 'NOT_FOUND', message: 'No enterprise with id "x".' })).toBe('所查的对象不存在：No enterprise with id "x".');
    expect(describeError('en', { kind: 'network', code: 'SERVER_BUSY', message: '' })).toBe('The server is busy; try again shortly');
  });

  it('takes the server’s text literally, even with replacement patterns in it', () => {
    expect(describeError('en', { kind: 'graphql', code: 'BAD_USER_INPUT', message: "`query` $& $' {text}" })).toBe("An argument of the request is invalid: `query` $& $' {text}");
  });

  it('falls back to "query failed" and the message for a code it does not know, and says when the API never answered', () => {
    expect(describeError('en', { kind: 'graphql', code: 'SOMETHING_NEW', message: 'boom' })).toBe('Query failed: boom');
    expect(describeError('zh', { kind: 'graphql', code: null, message: 'boom' })).toBe('查询出错：boom');
    expect(describeError('zh', { kind: 'network', code: null, message: 'The API cannot be reached' })).toBe('无法连接图谱 API');
  });
});

describe('the client reads the code of a failed request', () => {
  afterEach(() => vi.unstubAllGlobals());
  const Q = '{ anchors { id } }' as TypedQuery<unknown, Record<string, never>>;
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const failing = async (p: Promise<unknown>): Promise<GraphqlRequestError> => {
    try {
      await p;
    } catch (e) {
      if (e instanceof GraphqlRequestError) return e;
      throw e;
    }
    throw new Error('the request did not fail');
  };

  it('a GraphQL error: its extensions.code, the message kept', async () => {
    vi.stubGlobal('fetch', async () => json(200, { data: null, errors: [{ message: '`limit` is 1000', extensions: { code: 'LIMIT_EXCEEDED', argument: 'limit' } }] }));
    const e = await failing(gql(Q));
    expect([e.kind, e.code, e.message]).toEqual(['graphql', 'LIMIT_EXCEEDED', '`limit` is 1000']);
  });

  it('429 and 503 after the retries: the server’s code and words, else the code the status implies', async () => {
    vi.stubGlobal('fetch', async () => json(429, { errors: [{ message: 'Too many requests: retry in 3 s', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 } }] }));
    const limited = await failing(gql(Q, {}, { retries: 0 }));
    expect([limited.kind, limited.code, limited.message]).toEqual(['network', 'RATE_LIMITED', 'Too many requests: retry in 3 s']);

    vi.stubGlobal('fetch', async () => json(503, { errors: [{ message: 'Memory is high', extensions: { code: 'SERVER_BUSY' } }] }));
    expect((await failing(gql(Q, {}, { retries: 0 }))).code).toBe('SERVER_BUSY');

    vi.stubGlobal('fetch', async () => new Response('<html>Service Unavailable</html>', { status: 503 }));
    const proxy = await failing(gql(Q, {}, { retries: 0 }));
    expect([proxy.code, proxy.message]).toEqual(['DATABASE_UNAVAILABLE', 'HTTP 503']);
  });

  it('no answer at all: no code, and the view says the API cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const e = await failing(gql(Q, {}, { retries: 0 }));
    expect([e.kind, e.code]).toEqual(['network', null]);
    expect(describeError('en', e)).toBe('The graph API cannot be reached');
  });

  it('a token refused or too weak: auth, with its code', async () => {
    vi.stubGlobal('fetch', async () => json(403, { errors: [{ message: 'Your token’s role (reader) may not write', extensions: { code: 'FORBIDDEN' } }] }));
    const e = await failing(gql(Q));
    expect([e.kind, e.code]).toEqual(['auth', 'FORBIDDEN']);
  });
});
