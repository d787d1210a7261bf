// The one way the web view talks to the server: POST /graphql (same origin), JSON in and out, with
// the session's token when the user signed in (auth/token.ts). A network failure or 5xx is retried
// with backoff; a GraphQL error is the caller's to show; a refused or missing token is `auth`.
import { authHeaders } from '../auth/token.ts';

export type GraphqlErrorKind = 'network' | 'graphql' | 'auth';

export class GraphqlRequestError extends Error {
  /**
   * `network`: the API could not be reached (down, restarting); `graphql`: it answered with errors;
   * `auth`: it wants a (valid) token — 401, or UNAUTHENTICATED (API_READ_TOKEN_REQUIRED).
   */
  readonly kind: GraphqlErrorKind;
  constructor(message: string, kind: GraphqlErrorKind, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

export const GRAPHQL_ENDPOINT = '/graphql';

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
  errors?: { message: string; extensions?: { code?: string } }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends one operation. `retries` applies to network/5xx failures only. */
export async function gql<T, V = Variables>(
  query: TypedQuery<T, V>,
  variables: V = {} as V,
  opts: { retries?: number; signal?: AbortSignal } = {},
): Promise<T> {
  const retries = opts.retries ?? 2;
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(400 * 2 ** (attempt - 1));
    let res: Response;
    try {
      res = await fetch(GRAPHQL_ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...authHeaders() },
        body: JSON.stringify({ query, variables }),
        signal: opts.signal,
      });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      lastError = e;
      continue;
    }
    if (res.status >= 500 || res.status === 429) {
      lastError = new Error(`HTTP ${res.status}`);
      continue;
    }
    let body: GraphqlResponse<T>;
    try {
      body = (await res.json()) as GraphqlResponse<T>;
    } catch (e) {
      throw new GraphqlRequestError(`The API answered HTTP ${res.status} without JSON`, 'network', { cause: e });
    }
    if (body.errors?.length) {
      const codes = body.errors.map((e) => e.extensions?.code).filter(Boolean);
      if (res.status === 401 || codes.includes('UNAUTHENTICATED')) throw new GraphqlRequestError(body.errors.map((e) => e.message).join('; '), 'auth');
      if (codes.includes('DATABASE_UNAVAILABLE') && attempt < retries) {
        lastError = new Error(body.errors[0]?.message);
        continue;
      }
      throw new GraphqlRequestError(body.errors.map((e) => e.message).join('; '), 'graphql');
    }
    if (body.data == null) throw new GraphqlRequestError('The API returned no data', 'graphql');
    return body.data;
  }
  throw new GraphqlRequestError('The API cannot be reached', 'network', { cause: lastError });
}
