import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { Db } from '@cangshan/neo4j';
import type { ApiConfig } from '../config.ts';
import { createContext, type Auth, type Context, type ReadCache } from '../context/index.ts';
import { ErrorCode } from '../errors/index.ts';
import { authenticate } from './auth.ts';
import { BOOKMARK_HEADER, bookmarksReached, parseBookmarks } from './bookmarks.ts';
import { expensiveGate, type Release } from './concurrency.ts';
import { defaultMemoryGuardMb } from './memoryGuard.ts';

/** A GraphQL-shaped error body for refusals made before GraphQL runs (auth, body, rate). */
export function sendRequestError(res: Response, status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

/** The Auth of a request, computed once (the body-size choice needs it before the body is read). */
export function authOf(req: Request, config: ApiConfig): Auth | { error: string } {
  const cached = (req as Request & { cangshanAuth?: Auth | { error: string } }).cangshanAuth;
  if (cached) return cached;
  const auth = authenticate(req.headers.authorization, config);
  (req as Request & { cangshanAuth?: Auth | { error: string } }).cangshanAuth = auth;
  return auth;
}

/**
 * `/graphql`, POST and GET, through Apollo Server's HTTP entry point (Apollo 5 ships no Express 5
 * middleware of its own; this is the same twenty lines). Apollo negotiates the response type
 * (application/graphql-response+json or application/json) and the status codes of the
 * GraphQL-over-HTTP spec.
 */
export function graphqlHandler(apollo: ApolloServer<Context>, db: Db, config: ApiConfig, cache: ReadCache): RequestHandler {
  const gate = expensiveGate({ perClient: config.expensiveConcurrency, memoryMb: config.memoryGuardMb ?? defaultMemoryGuardMb(), ipv6Subnet: config.rateLimitIpv6Subnet });
  return async (req, res, next) => {
    let release: Release | null = null;
    try {
      const auth = authOf(req, config);
      if ('error' in auth) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        sendRequestError(res, 401, ErrorCode.UNAUTHENTICATED, auth.error);
        return;
      }
      if (config.readTokenRequired && auth.role === null) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        sendRequestError(res, 401, ErrorCode.UNAUTHENTICATED, 'This server requires a token for every request (API_READ_TOKEN_REQUIRED): send "Authorization: Bearer <token>".');
        return;
      }
      const bookmarks = parseBookmarks(req);
      if ('error' in bookmarks) {
        sendRequestError(res, 400, ErrorCode.BAD_REQUEST, bookmarks.error, { header: BOOKMARK_HEADER });
        return;
      }
      // Expensive shapes: the memory guard and the per-client limit (concurrency.ts); refused → answered.
      release = await gate(req, res);
      if (!release) return;
      if (!(await bookmarksReached(db, bookmarks, res))) return;
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      // The id the request log uses (the client's, or the one we made), for the error log's lines.
      if (req.id !== undefined) headers.set('x-request-id', String(req.id));
      const q = req.originalUrl.indexOf('?');
      const causal = await db.causally(bookmarks, () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: q >= 0 ? req.originalUrl.slice(q + 1) : '', body: req.body },
          context: async () => createContext(db, config, auth, cache),
        }),
      );
      const result = causal.value;
      for (const [key, value] of result.headers) res.setHeader(key, value);
      if (causal.wrote && causal.bookmarks.length > 0) res.setHeader(BOOKMARK_HEADER, causal.bookmarks.join(', '));
      // GraphQL over HTTP §"application/json": a legacy client gets 200 for a well-formed request
      // whose document fails to parse, validate or coerce (the errors are in the body); 4xx is for
      // application/graphql-response+json, where Apollo already uses it.
      const wellFormed = typeof (req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query) === 'string';
      const legacy = wellFormed && (result.headers.get('content-type') ?? '').startsWith('application/json');
      res.status(legacy && result.status === 400 ? 200 : (result.status ?? 200));
      if (result.body.kind === 'complete') {
        // The text as it is, after the headers in one write: Express's res.send would first copy a
        // body of 1,000 characters or more into a Buffer (for an ETag, which is off here), and its
        // freshness and 204 / 304 rules do not apply (Apollo answers no conditional request, no 204).
        const body = result.body.string;
        res.setHeader('Content-Length', Buffer.byteLength(body));
        res.end(body);
        return;
      }
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      next(err);
    } finally {
      release?.();
    }
  };
}
