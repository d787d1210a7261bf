// The one way the web view talks to the server: POST /graphql (same origin), JSON in and out, with
// the session's token when the user signed in (auth/token.ts). A network failure or 5xx is retried
// with backoff; a GraphQL error is the caller's to show; a refused or missing token is `auth`.
// After a write it sends the write's bookmark (X-Neo4j-Bookmark) with every request, so that any
// replica of the API answers from a state that includes it (docs/SCALING.md).
import { authHeaders } from '../auth/token.ts';

export type GraphqlErrorKind = 'network' | 'graphql' | 'auth';

export class GraphqlRequestError extends Error {
  /**
   * `network`: the API could not be reached (down, restarting, or still busy or limiting after the
   * retries); `graphql`: it answered with errors; `auth`: it wants a (valid, or stronger) token —
   * 401, UNAUTHENTICATED (API_READ_TOKEN_REQUIRED, a write without a token) or FORBIDDEN (a
   * reader's token on a write).
   */
  readonly kind: GraphqlErrorKind;
  /**
   * The API's stable error code (`extensions.code`: BAD_USER_INPUT, RATE_LIMITED, …) of the first
   * error, or the one its HTTP status implies (429, 503); null when the API said none (it could not
   * be reached). The view words it in the chosen language (describeError.ts); `message` is the
   * server's own text, kept as the detail.
   */
  readonly code: string | null;
  constructor(message: string, kind: GraphqlErrorKind, options?: { cause?: unknown; code?: string | null }) {
    super(message, options);
    this.kind = kind;
    this.code = options?.code ?? null;
  }
}

export const GRAPHQL_ENDPOINT = '/graphql';

const BOOKMARK_HEADER = 'X-Neo4j-Bookmark';
/** The latest bookmark an answer gave (after a write), in memory only: a reload starts afresh. */
let bookmark: string | null = null;

export type Variables = Record<string, unknown>;

declare const resultType: unique symbol;
declare const variablesType: unique symbol;

/**
 * A GraphQL document's text carrying the types of its result and variables, which web/codegen.ts
 * generates from the API's SDL (generated/graphql.ts) and the document's module attaches with
 * `as TypedQuery<R, V>`. At run time it is the plain string.
 */
export type TypedQuery<TResult, TVariables = Variables> = string & {
  readonly [resultType]?: TResult;
  readonly [variablesType]?: TVariables;
};

/** The variables argument: optional when the operation has no required variable. */
export type VariablesArg<TVariables> = Record<never, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; header?: string } }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether the API refused our bookmark (unknown to its database, or not reached in time): then we forget it. */
const refusesBookmark = (body: GraphqlResponse<unknown>): boolean => (body.errors ?? []).some((e) => e.extensions?.header === BOOKMARK_HEADER);

/** The codes of the errors of a GraphQL response, in order, those without one left out. */
const codesOf = (body: GraphqlResponse<unknown>): string[] => (body.errors ?? []).map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');

/**
 * What a 5xx or 429 answer said: its first error's message and code when it sent GraphQL errors
 * (RATE_LIMITED, SERVER_BUSY, DATABASE_UNAVAILABLE), else the code its status implies — a proxy's
 * 502 page says nothing of ours.
 */
async function failureOf(res: Response): Promise<{ message: string; code: string | null }> {
  const implied = res.status === 429 ? 'RATE_LIMITED' : res.status === 503 ? 'DATABASE_UNAVAILABLE' : null;
  try {
    const body = (await res.json()) as GraphqlResponse<unknown>;
    if (refusesBookmark(body)) bookmark = null;
    const first = body.errors?.[0];
    if (first) return { message: first.message, code: codesOf(body)[0] ?? implied };
  } catch {
    // Not JSON: the status is all there is.
  }
  return { message: `HTTP ${res.status}`, code: implied };
}

/** Sends one operation. `retries` applies to network/5xx failures only. */
export async function gql<T, V = Variables>(
  query: TypedQuery<T, V>,
  variables: V = {} as V,
  opts: { retries?: number; signal?: AbortSignal } = {},
): Promise<T> {
  const retries = opts.retries ?? 2;
  let lastError: unknown;
  let lastCode: string | null = null;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(400 * 2 ** (attempt - 1));
    let res: Response;
    try {
      res = await fetch(GRAPHQL_ENDPOINT, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...authHeaders(),
          ...(bookmark ? { [BOOKMARK_HEADER]: bookmark } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: opts.signal,
      });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      lastError = e;
      lastCode = null;
      continue;
    }
    bookmark = res.headers.get(BOOKMARK_HEADER) ?? bookmark;
    if (res.status >= 500 || res.status === 429) {
      const failure = await failureOf(res);
      lastError = new Error(failure.message);
      lastCode = failure.code;
      continue;
    }
    let body: GraphqlResponse<T>;
    try {
      body = (await res.json()) as GraphqlResponse<T>;
    } catch (e) {
      throw new GraphqlRequestError(`The API answered HTTP ${res.status} without JSON`, 'network', { cause: e });
    }
    if (body.errors?.length) {
      if (refusesBookmark(body)) {
        const sent = bookmark !== null;
        bookmark = null;
        if (sent && attempt < retries) continue;
      }
      const codes = codesOf(body);
      const message = body.errors.map((e) => e.message).join('; ');
      // FORBIDDEN (a reader's token on a write) is `auth` too: signing in with a stronger token is the way on.
      if (res.status === 401 || codes.includes('UNAUTHENTICATED') || codes.includes('FORBIDDEN')) {
        throw new GraphqlRequestError(message, 'auth', { code: codes.includes('FORBIDDEN') ? 'FORBIDDEN' : 'UNAUTHENTICATED' });
      }
      if (codes.includes('DATABASE_UNAVAILABLE') && attempt < retries) {
        lastError = new Error(body.errors[0]?.message);
        lastCode = 'DATABASE_UNAVAILABLE';
        continue;
      }
      throw new GraphqlRequestError(message, 'graphql', { code: codes[0] ?? null });
    }
    if (body.data == null) throw new GraphqlRequestError('The API returned no data', 'graphql');
    return body.data;
  }
  // The server's words when it answered (busy, limiting, its database down), else that it could not be reached.
  const message = lastCode !== null && lastError instanceof Error ? lastError.message : 'The API cannot be reached';
  throw new GraphqlRequestError(message, 'network', { cause: lastError, code: lastCode });
}
